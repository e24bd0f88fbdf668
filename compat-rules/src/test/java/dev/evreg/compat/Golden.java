package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files: compared exactly; rewritten with -Devreg.updateGolden=true (then review the diff). */
public final class Golden {

  private Golden() {}

  public static void assertMatches(Path expectedFile, String actual) throws IOException {
    if (Boolean.getBoolean("evreg.updateGolden") || !Files.exists(expectedFile)) {
      if (!Boolean.getBoolean("evreg.updateGolden")) {
        throw new AssertionError("missing golden file " + expectedFile + "; actual output:\n" + actual);
      }
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "golden file " + expectedFile);
  }
}
