package dev.evreg.compat.jsonschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.Level;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.json.JsonWriter;
import dev.evreg.compat.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs another registry's JSON Schema compatibility suite (when the shared material is
 * present): "backward" means BACKWARD passes and FORWARD fails, "both" both pass, "none" both
 * fail. Each disagreement must be listed, with its reason, in
 * docs/compat/json-schema-differences.md; the agreement is written to
 * target/conformance/jsonschema-peer.txt.
 */
class PeerConformanceTest {

  static final Path SUITE = Path.of(System.getProperty("evreg.shared", "../../shared"))
      .resolve("peer-cases/jsonschema-compatibility-test-data.json");
  static final Path DIFFERENCES = Path.of("../docs/compat/json-schema-differences.md");

  record Outcome(String id, String expected, String actual) {}

  @Test
  void agreementWithThePeerSuite() throws IOException {
    assumeTrue(Files.exists(SUITE), "no peer suite at " + SUITE.toAbsolutePath());
    JsonObject suite = (JsonObject) new JsonParser().parse(SourceFile.read(SUITE, SUITE.toString(), 1 << 24));
    List<Outcome> outcomes = new ArrayList<>();
    for (JsonValue t : ((JsonArray) suite.get("tests")).items()) {
      JsonObject test = (JsonObject) t;
      String id = test.string("id");
      JsonSchemaDocument original = doc("original.json", test.get("original"));
      JsonSchemaDocument updated = doc("updated.json", test.get("updated"));
      CompatibilityChecker checker = CompatibilityChecker.standard();
      boolean backward = checker.check(Level.BACKWARD, List.of(original), updated, CheckOptions.DEFAULTS).compatible();
      boolean forward = checker.check(Level.FORWARD, List.of(original), updated, CheckOptions.DEFAULTS).compatible();
      String actual = backward && forward ? "both" : backward ? "backward" : forward ? "forward" : "none";
      outcomes.add(new Outcome(id, test.string("compatibility"), actual));
    }
    List<Outcome> disagreements = outcomes.stream().filter(o -> !o.expected().equals(o.actual())).toList();
    StringBuilder report = new StringBuilder();
    int agree = outcomes.size() - disagreements.size();
    report.append(String.format(Locale.ROOT, "JSON Schema peer suite: %d of %d cases agree (%.1f%%)%n",
        agree, outcomes.size(), 100.0 * agree / outcomes.size()));
    for (Outcome o : disagreements) {
      report.append(String.format("  differs: %-55s expected %-8s evreg %s%n", o.id(), o.expected(), o.actual()));
    }
    Path out = Path.of("target/conformance/jsonschema-peer.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
    Set<String> documented = documented();
    List<String> undocumented = disagreements.stream()
        .map(o -> o.id() + " (expected " + o.expected() + ", evreg " + o.actual() + ")")
        .filter(s -> documented.stream().noneMatch(s::startsWith)).toList();
    assertEquals(List.of(), undocumented, "disagreements missing from " + DIFFERENCES);
  }

  /** Case ids listed in the differences document, as "`<id>`" at the start of a table row. */
  static Set<String> documented() throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    if (Files.exists(DIFFERENCES)) {
      Matcher m = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE).matcher(Files.readString(DIFFERENCES));
      while (m.find()) {
        ids.add(m.group(1) + " ");
      }
    }
    return ids;
  }

  private static JsonSchemaDocument doc(String name, JsonValue schema) {
    return new JsonSchemaParser().parse(new SourceFile(name, JsonWriter.compact(schema)));
  }
}
