package dev.evreg.compat.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {

  @TempDir
  Path tmp;

  @Test
  void aNamedPipeIsRefusedInsteadOfWaitedOn() throws Exception {
    Path fifo = tmp.resolve("schema.avsc");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      mk = null;
    }
    assumeTrue(mk != null && mk.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available here");
    SchemaException e = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(SchemaException.class, () -> SourceFile.read(fifo, "schema.avsc", 1 << 20)));
    assertEquals("schema.avsc: is not a regular file (a pipe, socket or device); evreg reads schema files", e.getMessage());
  }

  @Test
  void folderAndMissingFileAreNamed() {
    assertEquals("d: is a directory, not a schema file",
        assertThrows(SchemaException.class, () -> SourceFile.read(tmp, "d", 100)).getMessage());
    assertEquals("x.avsc: no such file",
        assertThrows(SchemaException.class, () -> SourceFile.read(tmp.resolve("x.avsc"), "x.avsc", 100)).getMessage());
  }
}
