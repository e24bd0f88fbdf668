package dev.evreg.compat.lint;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Golden;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per folder {@code testdata/lint/<rule_id_lower>[__variant]/}: every schema file in
 * it (in any format the rule applies to) is linted with that rule alone, and the findings are
 * compared with {@code expected.txt}. A folder with {@code old/} and {@code new/} runs the rule
 * against the previous version. {@code options.txt} may say {@code profile=cloudevents}.
 */
class LintGoldenTest {

  static final Path TESTDATA = Path.of("src/test/resources/testdata/lint");

  @TestFactory
  Stream<DynamicTest> rules() throws IOException {
    try (Stream<Path> dirs = Files.list(TESTDATA)) {
      return dirs.filter(Files::isDirectory).sorted()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir))).toList().stream();
    }
  }

  static void run(Path dir) throws IOException {
    String rule = dir.getFileName().toString().replaceFirst("__.*", "").toUpperCase(Locale.ROOT);
    LintConfig config = LintConfig.DEFAULTS.withUse(Set.of(rule));
    Path options = dir.resolve("options.txt");
    if (Files.exists(options) && Files.readString(options).contains("profile=cloudevents")) {
      config = config.withEnvelope(LintConfig.cloudEvents());
    }
    Linter linter = new Linter(config);
    SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS);
    StringBuilder actual = new StringBuilder();
    if (Files.isDirectory(dir.resolve("new"))) {
      for (Path f : schemaFiles(dir.resolve("new"))) {
        ParsedSchema now = read(reader, dir, f);
        ParsedSchema before = read(reader, dir, dir.resolve("old").resolve(dir.resolve("new").relativize(f)));
        linter.lintChange(before, now).forEach(x -> actual.append(x.display()).append('\n'));
      }
    } else {
      for (Path f : schemaFiles(dir)) {
        List<Finding> findings = linter.lint(read(reader, dir, f));
        findings.forEach(x -> actual.append(x.display()).append('\n'));
      }
    }
    Golden.assertMatches(dir.resolve("expected.txt"), actual.toString());
  }

  private static ParsedSchema read(SchemaReader reader, Path dir, Path f) {
    String display = dir.relativize(f).toString();
    return reader.read(f, display, SchemaFormat.fromPath(display).orElseThrow());
  }

  private static List<Path> schemaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> SchemaFormat.fromPath(p.toString()).isPresent()).sorted().toList());
    }
  }
}
