package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JSON Schema present in both dates of the CloudEvents corpus is checked at BACKWARD,
 * FORWARD and FULL: nothing fails to parse, crashes or times out. The counts are written to
 * target/conformance/jsonschema-corpus.txt. Skipped where the shared corpora are absent.
 */
class CorpusCompatTest {

  @Test
  void cloudEventsJsonSchemasAcrossTwoDates() throws IOException {
    Path root = CorpusParseTest.CORPORA.resolve("google-cloudevents");
    assumeTrue(Files.isDirectory(root), "no shared corpora");
    Path before = root.resolve("2023-05-30/jsonschema");
    Path after = root.resolve("2026-04-10/jsonschema");
    List<Path> pairs;
    try (Stream<Path> s = Files.walk(before)) {
      pairs = s.filter(p -> p.toString().endsWith(".json")).map(before::relativize)
          .filter(rel -> Files.exists(after.resolve(rel))).sorted().toList();
    }
    assertTrue(pairs.size() > 50, "pairs present in both dates: " + pairs.size());
    SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS);
    StringBuilder report = new StringBuilder();
    for (Level level : List.of(Level.BACKWARD, Level.FORWARD, Level.FULL)) {
      int compatible = 0;
      List<String> findings = new ArrayList<>();
      for (Path rel : pairs) {
        ParsedSchema old = reader.read(before.resolve(rel), rel.toString(), SchemaFormat.JSON);
        ParsedSchema candidate = reader.read(after.resolve(rel), rel.toString(), SchemaFormat.JSON);
        CompatibilityReport r = CompatibilityChecker.standard().check(level, List.of(old), candidate, CheckOptions.DEFAULTS);
        compatible += r.compatible() ? 1 : 0;
        r.findings().forEach(f -> findings.add(f.display()));
      }
      report.append(String.format(Locale.ROOT, "%s: %d pairs, %d compatible, %d incompatible, %d findings%n",
          level, pairs.size(), compatible, pairs.size() - compatible, findings.size()));
      findings.stream().limit(3).forEach(f -> report.append("  ").append(f).append('\n'));
    }
    Path out = Path.of("target/conformance/jsonschema-corpus.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
    assertEquals(3, report.toString().lines().filter(l -> l.contains(" pairs, ")).count());
  }
}
