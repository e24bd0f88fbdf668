package dev.evreg.compat.jsonschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.json.JsonWriter;
import dev.evreg.compat.source.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keyword-level cases, one test per case, from {@code jsonschema/cases.json}: the exact set of
 * change types found from "original" to "updated", and the BACKWARD verdict under each policy.
 */
public class JsonCasesTest {

  static final Path CASES = Path.of("src/test/resources/jsonschema/cases.json");

  public record Case(String id, JsonValue original, JsonValue updated, Set<String> changes, boolean strict, boolean lenient) {
    @Override
    public String toString() {
      return id;
    }
  }

  public static List<Case> cases() {
    JsonObject root = (JsonObject) new JsonParser().parse(SourceFile.read(CASES, CASES.toString(), 1 << 22));
    return ((JsonArray) root.get("cases")).items().stream().map(v -> {
      JsonObject c = (JsonObject) v;
      Set<String> changes = ((JsonArray) c.get("changes")).items().stream()
          .map(x -> ((JsonString) x).value()).collect(Collectors.toCollection(TreeSet::new));
      JsonObject verdict = (JsonObject) c.get("backward");
      return new Case(c.string("id"), c.get("original"), c.get("updated"), changes,
          ((JsonBoolean) verdict.get("strict")).value(), ((JsonBoolean) verdict.get("lenient")).value());
    }).toList();
  }

  static Stream<Case> allCases() {
    return cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void changeTypesAndVerdicts(Case c) {
    JsonSchemaDocument original = doc("original.json", c.original());
    JsonSchemaDocument updated = doc("updated.json", c.updated());
    List<Change> found = JsonSchemaCompatibility.changes(original, updated, CheckOptions.DEFAULTS);
    assertEquals(c.changes(), found.stream().map(x -> x.type().name()).collect(Collectors.toCollection(TreeSet::new)),
        "change types found");
    assertEquals(c.strict(), found.stream().noneMatch(x -> x.type().breaks(JsonPolicy.STRICT)), "BACKWARD under STRICT");
    assertEquals(c.lenient(), found.stream().noneMatch(x -> x.type().breaks(JsonPolicy.LENIENT)), "BACKWARD under LENIENT");
    for (Change x : found) {
      assertTrue(x.reader().line() > 0 && x.writer().line() > 0, "both locations known: " + x);
      assertTrue(x.path().startsWith("#"), x.path());
    }
  }

  @Test
  void everyChangeTypeHasACase() {
    Set<String> covered = cases().stream().flatMap(c -> c.changes().stream()).collect(Collectors.toSet());
    List<String> missing = Arrays.stream(JsonChange.values()).map(Enum::name).filter(n -> !covered.contains(n)).toList();
    assertEquals(List.of(), missing, "change types without a case in " + CASES);
  }

  @Test
  void strictOnlyTypesHaveCasesThatPassUnderLenient() {
    for (JsonChange t : JsonChange.values()) {
      if (t.verdict() == JsonChange.Verdict.STRICT_ONLY) {
        assertTrue(cases().stream().anyMatch(c -> c.changes().equals(Set.of(t.name())) && !c.strict() && c.lenient()),
            "no case shows " + t + " failing under STRICT and passing under LENIENT");
      }
    }
  }

  static JsonSchemaDocument doc(String name, JsonValue schema) {
    return new JsonSchemaParser().parse(new SourceFile(name, JsonWriter.compact(schema)));
  }
}
