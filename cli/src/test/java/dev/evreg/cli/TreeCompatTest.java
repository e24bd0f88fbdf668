package dev.evreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCompatTest {

  @TempDir
  Path tmp;

  @Test
  void aRelativeProtoPathIsTheSidesOwnCopyElseTheCurrentFolders() throws Exception {
    Path old = Files.createDirectories(tmp.resolve("old/third_party"));
    Path side = old.getParent();
    Path absolute = Files.createDirectories(tmp.resolve("shared"));
    assertEquals(List.of(side, side.resolve("third_party"), absolute),
        TreeCompat.rootsFor(side, List.of(Path.of("third_party"), absolute)));
    Path relative = Path.of("no-such-side-copy");
    assertEquals(List.of(side, relative.toAbsolutePath().normalize()), TreeCompat.rootsFor(side, List.of(relative)));
  }
}
