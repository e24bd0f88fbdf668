package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real corpora across their two versions. JSON Schema: every CloudEvents schema present at
 * both dates is checked at BACKWARD, FORWARD and FULL, and the counts are written to
 * target/conformance/jsonschema-corpus.txt. Protobuf: every file present in both versions, no finding under the wire rule
 * sets in either direction (as buf's WIRE and WIRE_JSON find none), none under the registry rules
 * for BACKWARD, and for FORWARD only the added messages and oneof members the registry's reversed
 * diff refuses (listed in docs/compat/protobuf-differences.md). Skipped where the corpora are absent.
 */
class CorpusCompatTest {

  @TestFactory
  Stream<DynamicTest> corporaEvolveCompatibly() {
    assumeTrue(Files.isDirectory(CorpusParseTest.CORPORA), "no shared corpora at " + CorpusParseTest.CORPORA.toAbsolutePath());
    Path otel = CorpusParseTest.CORPORA.resolve("otel-proto");
    Path ce = CorpusParseTest.CORPORA.resolve("google-cloudevents");
    return Stream.of(
        pair("otel v1.0.0 -> v1.11.0", otel.resolve("v1.0.0"), otel.resolve("v1.11.0"), null, 2),
        pair("cloudevents 2023-05-30 -> 2026-04-10", ce.resolve("2023-05-30/proto"), ce.resolve("2026-04-10/proto"),
            "../third_party/googleapis", 41));
  }

  private static DynamicTest pair(String name, Path oldDir, Path newDir, String include, int registryForward) {
    return DynamicTest.dynamicTest(name, () -> {
      List<String> common = new ArrayList<>(protos(oldDir));
      common.retainAll(protos(newDir));
      Map<String, ParsedSchema> olds = reader(oldDir, include).readProtoTree(oldDir, common);
      Map<String, ParsedSchema> news = reader(newDir, include).readProtoTree(newDir, common);
      assertEquals(common.size(), olds.size(), "the old tree loads as one");
      assertEquals(common.size(), news.size(), "the new tree loads as one");
      CompatibilityChecker checker = CompatibilityChecker.standard();
      List<String> registryForwardRules = new ArrayList<>();
      for (String rel : common) {
        for (ProtoRules rules : ProtoRules.values()) {
          CheckOptions options = CheckOptions.DEFAULTS.withProtoRules(rules);
          List<Finding> backward = checker.compare(Level.BACKWARD, olds.get(rel), news.get(rel), options);
          assertEquals(List.of(), backward, rules + " BACKWARD " + rel);
          List<Finding> forward = checker.compare(Level.FORWARD, olds.get(rel), news.get(rel), options);
          if (rules == ProtoRules.REGISTRY) {
            forward.forEach(f -> registryForwardRules.add(f.ruleId()));
          } else {
            assertEquals(List.of(), forward, rules + " FORWARD " + rel);
          }
        }
      }
      assertEquals(registryForward, registryForwardRules.size(), String.valueOf(registryForwardRules));
      assertTrue(registryForwardRules.stream().allMatch(r -> r.equals("MESSAGE_ADDED") || r.equals("ONEOF_FIELD_ADDED")),
          String.valueOf(registryForwardRules));
    });
  }

  private static SchemaReader reader(Path side, String include) {
    List<Path> roots = include == null ? List.of(side) : List.of(side, side.resolve(include).normalize());
    return new SchemaReader(SchemaReader.Options.DEFAULTS.withProtoPaths(roots));
  }

  private static TreeSet<String> protos(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".proto")).map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

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
    Map<Path, ParsedSchema> olds = new LinkedHashMap<>();
    Map<Path, ParsedSchema> news = new LinkedHashMap<>();
    for (Path rel : pairs) {
      olds.put(rel, reader.read(before.resolve(rel), rel.toString(), SchemaFormat.JSON));
      news.put(rel, reader.read(after.resolve(rel), rel.toString(), SchemaFormat.JSON));
    }
    StringBuilder report = new StringBuilder();
    for (Level level : List.of(Level.BACKWARD, Level.FORWARD, Level.FULL)) {
      int compatible = 0;
      List<String> findings = new ArrayList<>();
      for (Path rel : pairs) {
        CompatibilityReport r = CompatibilityChecker.standard().check(level, List.of(olds.get(rel)), news.get(rel),
            CheckOptions.DEFAULTS);
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
