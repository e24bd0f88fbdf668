package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.avro.AvroSchema;
import dev.evreg.compat.source.SchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per folder {@code testdata/<format>/<case>/}: previous versions in {@code old/}
 * (oldest first by name), the candidate in {@code new/}, and {@code expected.txt} holding the
 * verdict and findings at all seven levels. Every Avro verdict is also checked against Avro's
 * own {@link SchemaCompatibility}. Protobuf cases run all three rule sets, so their
 * {@code expected.txt} has 21 sections headed {@code == <rule set> <level>: <verdict>}
 * (registry, wire, wire-json); a Protobuf case whose old and new files share a name is also a
 * pair for buf in {@code conformance/proto-buf.sh}. A case whose files do not all parse holds the
 * error in {@code expected.txt} ({@code == unreadable}).
 */
class CompatGoldenTest {

  static final Path TESTDATA = Path.of("src/test/resources/testdata");

  @TestFactory
  Stream<DynamicTest> avro() throws IOException {
    return cases("avro");
  }

  @TestFactory
  Stream<DynamicTest> jsonschema() throws IOException {
    return cases("jsonschema");
  }

  @TestFactory
  Stream<DynamicTest> core() throws IOException {
    return cases("core");
  }

  @TestFactory
  Stream<DynamicTest> protobuf() throws IOException {
    return cases("protobuf");
  }

  static Stream<DynamicTest> cases(String format) throws IOException {
    try (Stream<Path> dirs = Files.list(TESTDATA.resolve(format))) {
      return dirs.filter(Files::isDirectory).sorted()
          .map(dir -> DynamicTest.dynamicTest(format + "/" + dir.getFileName(), () -> run(dir)))
          .toList().stream();
    }
  }

  static void run(Path dir) throws IOException {
    SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS);
    List<Path> news = files(dir.resolve("new"));
    assertEquals(1, news.size(), "new/ holds exactly one candidate");
    List<ParsedSchema> previous;
    ParsedSchema candidate;
    try {
      previous = files(dir.resolve("old")).stream().map(p -> read(reader, dir, p)).toList();
      candidate = read(reader, dir, news.get(0));
    } catch (SchemaException e) {
      // a case of SCHEMA_UNREADABLE: the reports name the file, its line and column, and the reason
      Golden.assertMatches(dir.resolve("expected.txt"), "== unreadable\n" + CoreRule.SCHEMA_UNREADABLE.id() + " " + e.getMessage() + "\n");
      return;
    }
    CheckOptions options = options(dir.resolve("options.txt"));
    StringBuilder actual = new StringBuilder();
    boolean proto = candidate.format() == SchemaFormat.PROTOBUF;
    for (ProtoRules rules : proto ? List.of(ProtoRules.values()) : List.of(ProtoRules.REGISTRY)) {
      for (Level level : Level.values()) {
        section(actual, proto ? rules.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " : "", level, previous,
            candidate, options.withProtoRules(rules));
      }
    }
    Golden.assertMatches(dir.resolve("expected.txt"), actual.toString());
  }

  /** Optional {@code options.txt}: {@code policy=lenient}, {@code protoRules=wire}. */
  static CheckOptions options(Path file) throws IOException {
    CheckOptions options = CheckOptions.DEFAULTS;
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        String[] kv = line.split("=", 2);
        if (kv[0].equals("policy")) {
          options = options.withJsonPolicy(JsonPolicy.valueOf(kv[1].trim().toUpperCase(java.util.Locale.ROOT)));
        } else if (kv[0].equals("protoRules")) {
          options = options.withProtoRules(ProtoRules.valueOf(kv[1].trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        }
      }
    }
    return options;
  }

  private static void section(StringBuilder actual, String prefix, Level level, List<ParsedSchema> previous,
      ParsedSchema candidate, CheckOptions options) {
    CompatibilityReport report = CompatibilityChecker.standard().check(level, previous, candidate, options);
    actual.append("== ").append(prefix).append(level).append(": ").append(report.compatible() ? "compatible" : "incompatible").append('\n');
    for (VersionResult v : report.results()) {
      for (Finding f : v.findings()) {
        assertTrue(f.location().line() > 0, "every finding has a line: " + f);
        actual.append(f.display()).append(" [version ").append(v.version()).append(": ")
            .append(f.previous() == null ? "" : f.previous().display()).append("]\n");
      }
    }
    if (candidate instanceof AvroSchema c && previous.stream().allMatch(AvroSchema.class::isInstance)) {
      assertEquals(avroVerdict(level, previous, c), report.compatible(),
          "evreg and Avro's SchemaCompatibility disagree at " + level);
    }
  }

  /** Avro's own verdict for a level, computed directly from SchemaCompatibility. */
  static boolean avroVerdict(Level level, List<ParsedSchema> previous, AvroSchema candidate) {
    if (level == Level.NONE) {
      return true;
    }
    int first = level.transitive() ? 0 : previous.size() - 1;
    for (int i = first; i < previous.size(); i++) {
      org.apache.avro.Schema old = ((AvroSchema) previous.get(i)).schema();
      if (level.newReadsOld() && !compatible(candidate.schema(), old)) {
        return false;
      }
      if (level.oldReadsNew() && !compatible(old, candidate.schema())) {
        return false;
      }
    }
    return true;
  }

  private static boolean compatible(org.apache.avro.Schema reader, org.apache.avro.Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  private static ParsedSchema read(SchemaReader reader, Path dir, Path file) {
    String display = dir.relativize(file).toString();
    return reader.read(file, display, SchemaReader.formatOf(display, null));
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
