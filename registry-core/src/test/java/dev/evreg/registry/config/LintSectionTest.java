package dev.evreg.registry.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.Names;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintSectionTest {

  static LintConfig lint(String text) {
    return EvregConfig.parse("evreg.yaml", text, null).lint();
  }

  static ConfigException error(String text) {
    return assertThrows(ConfigException.class, () -> EvregConfig.parse("evreg.yaml", text, null));
  }

  @Test
  void absentMeansTheDefaults() {
    assertEquals(LintConfig.DEFAULTS, lint(""));
    assertEquals(LintConfig.DEFAULTS, lint(InitTemplate.text("main")));
  }

  @Test
  void everyKey() {
    LintConfig c = lint("""
        lint:
          profile: default
          use: [ENVELOPE, NAMING, PII_UNCLASSIFIED]
          except: [EVENT_NAME_PAST_TENSE]
          severity:
            FIELD_NAME_CASE: warning
            NAMING: info
            PII_UNCLASSIFIED: off
          ignore:
            - path: "schemas/legacy/**"
              rules: ["*"]
            - path: "schemas/**/*.proto"
              rules: [FIELD_DOC_MISSING]
          envelope:
            fields:
              - name: messageId
                type: string
              - name: happenedAt
                type: timestamp
              - name: version
                type: string-or-integer
                required: false
            containers: [header]
          fieldCase:
            json: lower_snake_case
          piiWords: [email, "=name", "tax id"]
        """);
    assertEquals(Set.of("ENVELOPE", "NAMING", "PII_UNCLASSIFIED"), c.use());
    assertEquals(Set.of("EVENT_NAME_PAST_TENSE"), c.except());
    assertEquals(Map.of("FIELD_NAME_CASE", "warning", "NAMING", "info", "PII_UNCLASSIFIED", "off"), c.severity());
    assertEquals(List.of(new LintConfig.PathIgnore("schemas/legacy/**", Set.of("*")),
        new LintConfig.PathIgnore("schemas/**/*.proto", Set.of("FIELD_DOC_MISSING"))), c.ignore());
    assertEquals(List.of(new LintConfig.EnvelopeField("messageId", LintConfig.Expect.STRING, true),
        new LintConfig.EnvelopeField("happenedAt", LintConfig.Expect.TIMESTAMP, true),
        new LintConfig.EnvelopeField("version", LintConfig.Expect.STRING_OR_INTEGER, false)), c.envelope().fields());
    assertEquals(List.of("header"), c.envelope().containers());
    assertEquals(Names.Case.LOWER_SNAKE, c.fieldCase().get(SchemaFormat.JSON));
    assertEquals(Names.Case.CAMEL, c.fieldCase().get(SchemaFormat.AVRO));
    assertEquals(List.of("email", "=name", "tax id"), c.piiWords());
  }

  @Test
  void cloudEventsProfile() {
    assertEquals(LintConfig.CLOUDEVENTS_PROFILE, lint("lint:\n  profile: cloudevents\n").envelope().profile());
  }

  @Test
  void unknownRuleIdIsReportedAtItsLineWithTheNearestId() {
    ConfigException e = error("lint:\n  except:\n    - FIELD_DOCS_MISSING\n");
    assertEquals("evreg.yaml:3:7: unknown rule id or category \"FIELD_DOCS_MISSING\"; did you mean \"FIELD_DOC_MISSING\"?", e.getMessage());
    ConfigException s = error("lint:\n  severity:\n    FIELD_NAME_CASE: loud\n");
    assertTrue(s.getMessage().startsWith("evreg.yaml:3:22: unknown severity \"loud\""), s.getMessage());
    ConfigException k = error("lint:\n  excpet: []\n");
    assertTrue(k.getMessage().startsWith("evreg.yaml:2:3:") && k.getMessage().contains("except"), k.getMessage());
    ConfigException i = error("lint:\n  ignore:\n    - path: x\n");
    assertTrue(i.getMessage().contains("an ignore needs \"path\""), i.getMessage());
    ConfigException p = error("lint:\n  profile: cloudevent\n");
    assertTrue(p.getMessage().contains("cloudevents"), p.getMessage());
    ConfigException t = error("lint:\n  envelope:\n    fields:\n      - name: x\n        type: date\n");
    assertTrue(t.getMessage().contains("unknown envelope field type \"date\""), t.getMessage());
  }
}
