package dev.evreg.compat.fuzz.jsonschema;

import dev.evreg.compat.fuzz.Tree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counterfactual versions of a schema that mean what the registry's rules take it to mean, for
 * telling a deliberate registry rule from an engine error: formats dropped, oneOf read as
 * anyOf, and the type implied by keywords of one family made explicit.
 */
final class Relax {

  private static final Set<String> STRING = Set.of("minLength", "maxLength", "pattern");
  private static final Set<String> NUMBER = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
      "multipleOf");
  private static final Set<String> OBJECT = Set.of("properties", "required", "additionalProperties",
      "patternProperties", "minProperties", "maxProperties", "dependencies", "dependentRequired", "dependentSchemas",
      "propertyNames", "unevaluatedProperties");
  private static final Set<String> ARRAY = Set.of("items", "prefixItems", "additionalItems", "contains", "minItems",
      "maxItems", "uniqueItems", "minContains", "maxContains", "unevaluatedItems");

  private Relax() {}

  static Map<String, Object> withoutFormats(Map<String, Object> tree) {
    return edit(tree, m -> m.remove("format"));
  }

  static Map<String, Object> oneOfAsAnyOf(Map<String, Object> tree) {
    return edit(tree, m -> {
      if (m.containsKey("oneOf") && !m.containsKey("anyOf")) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        m.clear();
        copy.forEach((k, v) -> m.put(k.equals("oneOf") ? "anyOf" : k, v));
      }
    });
  }

  /**
   * Drops from {@code required} every property whose schema, or the schema its {@code $ref}
   * names, has a default (the registry reads it as present).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> defaultsOptional(Map<String, Object> tree) {
    Map<String, Object> root = Tree.copy(tree);
    return edit(root, m -> {
      if (m.get("required") instanceof List<?> req && m.get("properties") instanceof Map<?, ?> props) {
        List<Object> kept = new ArrayList<>(req);
        kept.removeIf(name -> {
          Object p = ((Map<String, Object>) props).get(String.valueOf(name));
          if (p instanceof Map<?, ?> pm && pm.containsKey("default")) {
            return true;
          }
          if (p instanceof Map<?, ?> pm && pm.get("$ref") instanceof String ref && ref.startsWith("#/definitions/")
              && root.get("definitions") instanceof Map<?, ?> defs) {
            p = defs.get(ref.substring("#/definitions/".length()));
          }
          return p instanceof Map<?, ?> pm && pm.containsKey("default");
        });
        m.put("required", kept);
      }
    });
  }

  /** Adds the type the registry infers for a schema whose keywords all belong to one type's family. */
  static Map<String, Object> impliedTypes(Map<String, Object> tree) {
    return edit(tree, m -> {
      if (m.containsKey("type") || m.containsKey("enum") || m.containsKey("const")) {
        return;
      }
      Set<String> families = new HashSet<>();
      for (String k : m.keySet()) {
        if (STRING.contains(k)) {
          families.add("string");
        } else if (NUMBER.contains(k)) {
          families.add("number");
        } else if (OBJECT.contains(k)) {
          families.add("object");
        } else if (ARRAY.contains(k)) {
          families.add("array");
        }
      }
      if (families.size() == 1) {
        m.put("type", families.iterator().next());
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> edit(Map<String, Object> tree, java.util.function.Consumer<Map<String, Object>> f) {
    Map<String, Object> copy = Tree.copy(tree);
    List<JsonEvolve.Slot> slots = new ArrayList<>();
    JsonEvolve.collect("#", copy, v -> { }, slots);
    for (JsonEvolve.Slot s : slots) {
      if (s.value() instanceof Map<?, ?> m) {
        f.accept((Map<String, Object>) m);
      }
    }
    return copy;
  }
}
