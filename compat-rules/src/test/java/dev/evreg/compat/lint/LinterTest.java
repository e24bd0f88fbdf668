package dev.evreg.compat.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.Finding;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.Severity;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {

  static ParsedSchema avro(String text) {
    return new SchemaReader(SchemaReader.Options.DEFAULTS).parse(new SourceFile("e.avsc", text), SchemaFormat.AVRO);
  }

  static final String UNDOCUMENTED = "{\"type\": \"record\", \"name\": \"OrderPlaced\", \"namespace\": \"x\", \"fields\": [\n"
      + "  {\"name\": \"orderId\", \"type\": \"string\"%s}]}";

  @Test
  void unknownRuleIdInAnInlineIgnoreIsBadInputWithASuggestion() {
    ParsedSchema s = avro(String.format(UNDOCUMENTED, ", \"x-evreg-ignore\": [\"FIELD_DOCS_MISSING\"]"));
    SchemaException e = assertThrows(SchemaException.class, () -> new Linter(LintConfig.DEFAULTS).lint(s));
    assertEquals("e.avsc:2:3: unknown rule id \"FIELD_DOCS_MISSING\"; did you mean \"FIELD_DOC_MISSING\"?", e.getMessage());
  }

  @Test
  void severityOverridesAndOff() {
    ParsedSchema s = avro(String.format(UNDOCUMENTED, ""));
    List<Finding> normal = new Linter(LintConfig.DEFAULTS.withUse(Set.of("DOCS"))).lint(s);
    assertEquals(List.of("EVENT_DOC_MISSING", "FIELD_DOC_MISSING"), normal.stream().map(Finding::ruleId).toList());
    assertTrue(normal.stream().allMatch(f -> f.severity() == Severity.WARNING));
    List<Finding> raised = new Linter(LintConfig.DEFAULTS.withUse(Set.of("DOCS"))
        .withSeverity(Map.of("FIELD_DOC_MISSING", "error", "EVENT_DOC_MISSING", "off"))).lint(s);
    assertEquals(1, raised.size());
    assertEquals(Severity.ERROR, raised.get(0).severity());
  }

  @Test
  void pathIgnoresAndExcept() {
    ParsedSchema s = avro(String.format(UNDOCUMENTED, ""));
    LintConfig docs = LintConfig.DEFAULTS.withUse(Set.of("DOCS"));
    assertEquals(List.of(), new Linter(docs.withIgnore(List.of(new LintConfig.PathIgnore("*.avsc", Set.of("*"))))).lint(s));
    assertEquals(List.of("EVENT_DOC_MISSING"), new Linter(docs.withExcept(Set.of("FIELD_DOC_MISSING"))).lint(s)
        .stream().map(Finding::ruleId).toList());
  }

  @Test
  void unknownIdsInConfigurationAreFound() {
    assertEquals(Optional.of("FIELD_DOCS"), Linter.unknownIdIn(LintConfig.DEFAULTS.withExcept(Set.of("FIELD_DOCS"))));
    assertEquals(Optional.empty(), Linter.unknownIdIn(LintConfig.DEFAULTS.withExcept(Set.of("DOCS", "PII_UNCLASSIFIED"))));
    assertEquals(Optional.of("FIELD_DOC_MISSING"), Linter.suggestion("FIELD_DOC_MISING"));
    assertEquals(Optional.empty(), Linter.suggestion("COMPLETELY_DIFFERENT_THING_HERE"));
  }

  @Test
  void cloudEventsRulesRunOnlyInTheirProfile() {
    ParsedSchema s = avro("{\"type\": \"record\", \"name\": \"E\", \"fields\": [{\"name\": \"specversion\", \"type\": \"string\"},"
        + " {\"name\": \"traceParent\", \"type\": \"string\"}]}");
    assertTrue(new Linter(LintConfig.DEFAULTS).lint(s).stream().noneMatch(f -> f.ruleId().startsWith("CLOUDEVENTS_")));
    assertTrue(new Linter(LintConfig.DEFAULTS.withEnvelope(LintConfig.cloudEvents())).lint(s).stream()
        .anyMatch(f -> f.ruleId().equals("CLOUDEVENTS_ATTRIBUTE_NAME")));
  }

  @Test
  void theCloudEventsProfileChecksItsAttributesWithTheEnvelopeRules() {
    ParsedSchema s = avro("{\"type\": \"record\", \"name\": \"E\", \"fields\": [{\"name\": \"specversion\", \"type\": \"string\"},"
        + " {\"name\": \"time\", \"type\": \"int\"}]}");
    List<String> ids = new Linter(LintConfig.DEFAULTS.withEnvelope(LintConfig.cloudEvents())).lint(s).stream()
        .map(f -> f.ruleId() + " " + f.message().replaceAll(".*(attribute \"\\w+\").*", "$1")).toList();
    assertTrue(ids.containsAll(List.of("ENVELOPE_FIELD_MISSING attribute \"id\"", "ENVELOPE_FIELD_MISSING attribute \"source\"",
        "ENVELOPE_FIELD_MISSING attribute \"type\"", "ENVELOPE_FIELD_TYPE attribute \"time\"")), ids.toString());
  }

  /** A rule that overflows the stack on a deep schema ends that file's lint as bad input naming the file. */
  @Test
  void stackOverflowInARuleIsBadInputNamingTheFile() throws InterruptedException {
    int depth = 300;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append("{\"type\":\"record\",\"name\":\"R").append(i).append("\",\"fields\":[{\"name\":\"f\",\"type\":");
    }
    text.append("\"string\"").append("}]}".repeat(depth));
    java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();
    Thread parse = new Thread(null, () -> {
      try {
        result.set(new SchemaReader(SchemaReader.Options.DEFAULTS)
            .parse(new SourceFile("deep.avsc", text.toString()), SchemaFormat.AVRO));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "big-stack", 512L * 1024 * 1024);
    parse.start();
    parse.join();
    assertTrue(result.get() instanceof ParsedSchema, String.valueOf(result.get()));
    ParsedSchema deep = (ParsedSchema) result.get();
    Thread lint = new Thread(null, () -> {
      try {
        result.set(new Linter(LintConfig.DEFAULTS).lint(deep));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "small-stack", 128 * 1024);
    lint.start();
    lint.join();
    assertTrue(result.get() instanceof SchemaException, String.valueOf(result.get()));
    assertTrue(((SchemaException) result.get()).getMessage().startsWith("deep.avsc: "), String.valueOf(result.get()));
  }
}
