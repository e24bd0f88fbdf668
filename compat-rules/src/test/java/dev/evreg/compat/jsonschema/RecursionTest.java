package dev.evreg.compat.jsonschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CheckTimeoutException;
import dev.evreg.compat.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Recursive schemas under combinators terminate, within an ordinary stack, or stop at the time bound. */
class RecursionTest {

  /** {@code levels} definitions, each with a oneOf of {@code branches} that refer to the next; the last refers to the first. */
  static String cycle(int levels, int branches, String leafType) {
    StringBuilder sb = new StringBuilder("{\"$ref\":\"#/definitions/L0\",\"definitions\":{");
    for (int i = 0; i < levels; i++) {
      sb.append(i == 0 ? "" : ",").append("\"L").append(i).append("\":{\"type\":\"object\",\"properties\":{\"next\":{\"oneOf\":[");
      for (int k = 0; k < branches; k++) {
        sb.append(k == 0 ? "" : ",").append("{\"allOf\":[{\"$ref\":\"#/definitions/L").append((i + 1) % levels)
            .append("\"},{\"minProperties\":").append(k).append("}]}");
      }
      sb.append("]},\"value\":{\"type\":\"").append(i == levels - 1 ? leafType : "string").append("\"}}}");
    }
    return sb.append("}}").toString();
  }

  static JsonSchemaDocument doc(String name, String text) {
    return new JsonSchemaParser().parse(new SourceFile(name, text));
  }

  @Test
  void deepCycleUnderCombinatorsFitsAnOrdinaryStack() throws InterruptedException {
    JsonSchemaDocument a = doc("a.json", cycle(30, 8, "string"));
    JsonSchemaDocument b = doc("b.json", cycle(30, 8, "integer"));
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(JsonSchemaCompatibility.changes(a, b, CheckOptions.DEFAULTS));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "small-stack", 1024 * 1024);
    t.start();
    t.join();
    assertTrue(result.get() instanceof List<?>, "finished without error: " + result.get());
    List<?> changes = (List<?>) result.get();
    assertEquals(1, changes.size(), changes.toString());
    Change c = (Change) changes.get(0);
    // no alternative of the first oneOf stays compatible, so the registry's rule stops there
    assertEquals(JsonChange.COMBINED_TYPE_SUBSCHEMAS_CHANGED, c.type());
    assertEquals("#/properties/next/oneOf", c.path());
  }

  @Test
  void identicalRecursiveSchemasHaveNoChanges() {
    String s = cycle(12, 6, "string");
    assertEquals(List.of(), JsonSchemaCompatibility.changes(doc("a.json", s), doc("b.json", s), CheckOptions.DEFAULTS));
  }

  @Test
  void aTinyBoundStopsCleanly() {
    JsonSchemaDocument a = doc("a.json", cycle(30, 50, "string"));
    JsonSchemaDocument b = doc("b.json", cycle(30, 50, "integer"));
    CheckTimeoutException e = assertThrows(CheckTimeoutException.class,
        () -> JsonSchemaCompatibility.changes(a, b, CheckOptions.DEFAULTS.withTimeout(Duration.ofMillis(20))));
    assertTrue(e.getMessage().startsWith("b.json: the comparison did not finish within 20 ms"), e.getMessage());
  }
}
