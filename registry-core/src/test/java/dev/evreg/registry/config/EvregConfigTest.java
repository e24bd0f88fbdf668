package dev.evreg.registry.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.ProtoRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvregConfigTest {

  static EvregConfig parse(String text) {
    return EvregConfig.parse("evreg.yaml", text, null);
  }

  static ConfigException error(String text) {
    return assertThrows(ConfigException.class, () -> parse(text));
  }

  static final String FP1 = "sha256:" + "a".repeat(64);
  static final String FP2 = "sha256:" + "b".repeat(64);

  @Test
  void aMissingFileOrAnEmptyOneMeansTheDefaults(@TempDir Path dir) {
    for (EvregConfig c : List.of(EvregConfig.load(dir.resolve("evreg.yaml"), "evreg.yaml", false), parse(""),
        parse("# only a comment\n"))) {
      assertEquals("main", c.baseBranch());
      assertEquals(List.of("schemas/**"), c.schemas().globs().stream().map(Glob::pattern).toList());
      assertEquals(SubjectNaming.PATH, c.schemas().naming());
      assertEquals(Level.BACKWARD, c.compatibility().levelFor("anything"));
      assertEquals(List.of(), c.waivers());
    }
  }

  @Test
  void theInitTemplateParsesToTheDefaults() {
    EvregConfig c = parse(InitTemplate.text("main"));
    assertEquals("main", c.baseBranch());
    assertEquals(Level.BACKWARD, c.compatibility().level());
    assertEquals(List.of(), c.waivers());
  }

  @Test
  void everyKey() {
    EvregConfig c = parse("""
        schemas:
          paths: ["events/**/*.avsc", proto/]
          naming: record
        baseBranch: trunk
        compatibility:
          level: full_transitive
          jsonPolicy: lenient
          protoRules: wire-json
          subjects:
            "orders/*": FORWARD
            orders/Exact:
              level: NONE
              protoRules: wire
        waivers:
          - subject: orders/Exact
            rule: TYPE_MISMATCH
            reason: all consumers upgraded first
            old: %s
            new: %s
        """.formatted(FP1, FP2));
    assertEquals("trunk", c.baseBranch());
    assertEquals(SubjectNaming.RECORD, c.schemas().naming());
    assertTrue(c.schemas().contains("events/a/b.avsc"));
    assertTrue(c.schemas().contains("proto/x/y.proto"));
    assertEquals("events", c.schemas().globs().get(0).root());
    assertEquals(Level.FULL_TRANSITIVE, c.compatibility().levelFor("payments/P"));
    assertEquals(Level.FORWARD, c.compatibility().levelFor("orders/Other"));
    assertEquals(Level.NONE, c.compatibility().levelFor("orders/Exact"), "an exact name wins over a glob");
    assertEquals(ProtoRules.WIRE, c.compatibility().optionsFor("orders/Exact").protoRules());
    assertEquals(JsonPolicy.LENIENT, c.compatibility().optionsFor("orders/Exact").jsonPolicy());
    Waiver w = c.waivers().get(0);
    assertEquals("TYPE_MISMATCH", w.rule());
    assertEquals(FP1, w.oldSchema().toString());
    assertEquals(15, w.line());
  }

  @Test
  void aMisspelledKeyNamesItsLineAndTheNearestKey() {
    ConfigException e = error("schemas:\n  paths: [schemas/**]\nbaseBrnch: main\n");
    assertEquals("evreg.yaml:3:1: unknown key \"baseBrnch\" in the configuration; did you mean \"baseBranch\"?",
        e.getMessage());
    ConfigException nested = error("compatibility:\n  levle: FULL\n");
    assertEquals(2, nested.line());
    assertTrue(nested.reason().endsWith("did you mean \"level\"?"), nested.reason());
  }

  @Test
  void badValuesNameTheirLine() {
    ConfigException level = error("compatibility:\n  level: SIDEWAYS\n");
    assertEquals("evreg.yaml:2:10: unknown compatibility level \"SIDEWAYS\"; expected one of NONE, BACKWARD, "
        + "BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE", level.getMessage());
    assertTrue(error("compatibility:\n  level: BACKWRD\n").getMessage().endsWith("did you mean \"BACKWARD\"?"));
    assertEquals(2, error("schemas:\n  naming: filename\n").line());
    assertTrue(error("schemas: [a]\n").reason().startsWith("schemas must be a mapping"));
    assertTrue(error("schemas:\n  paths: [/etc/**]\n").reason().contains("not a path pattern inside the repository"));
  }

  @Test
  void malformedYamlIsOneLineWithItsPosition() {
    ConfigException e = error("schemas:\n  paths: [a\nbaseBranch: main\n");
    assertTrue(e.getMessage().startsWith("evreg.yaml:"), e.getMessage());
    assertTrue(e.reason().startsWith("invalid YAML"), e.reason());
    assertTrue(e.line() > 0);
    assertTrue(error("baseBranch: a\nbaseBranch: b\n").reason().startsWith("duplicate key"));
  }

  @Test
  void waiversAreChecked() {
    String base = "waivers:\n  - subject: s\n    rule: %s\n    reason: %s\n    old: %s\n";
    assertTrue(error(base.formatted("TYPE_MISMTCH", "r", FP1) + "    new: " + FP2 + "\n").reason()
        .endsWith("did you mean \"TYPE_MISMATCH\"?"));
    assertTrue(error(base.formatted("TYPE_MISMATCH", "r", "sha256:abc") + "    new: " + FP2 + "\n").reason()
        .contains("is not a fingerprint"));
    assertTrue(error(base.formatted("TYPE_MISMATCH", "r", FP1)).reason().contains("needs \"new\""));
    assertNull(parse(base.formatted("SUBJECT_DELETED", "retired", FP1)).waivers().get(0).newSchema());
    assertTrue(error("waivers:\n  - subject: s\n    rule: TYPE_MISMATCH\n").reason().contains("needs \"reason\""));
  }

  @Test
  void globs() {
    Glob g = Glob.of("schemas/**");
    assertTrue(g.matches("schemas/a.avsc"));
    assertTrue(g.matches("schemas/x/y/a.avsc"));
    assertTrue(!g.matches("other/a.avsc"));
    Glob star = Glob.of("**/*.proto");
    assertEquals("", star.root());
    assertTrue(star.matches("a.proto") && star.matches("x/y/a.proto"));
    Glob one = Glob.of("orders/*");
    assertTrue(one.matches("orders/A") && !one.matches("orders/a/B"));
    assertTrue(Glob.of("orders/Exact").isLiteral());
  }
}
