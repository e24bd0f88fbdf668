package dev.evreg.compat.fuzz.jsonschema;

import static dev.evreg.compat.fuzz.Tree.obj;

import dev.evreg.compat.fuzz.Tree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random draft-7 JSON Schemas as trees (see {@link Tree}): objects with properties, required,
 * additional and pattern properties, dependencies; arrays with items, tuples, contains; strings
 * with lengths, patterns from a safe set and formats; numbers with bounds and multiples; enums
 * and consts; anyOf, oneOf, allOf, not, if/then/else; definitions with (possibly recursive)
 * {@code $ref}s; and sometimes keywords without a {@code type}.
 */
public final class JsonSchemaGen {

  public static final String DRAFT7 = "http://json-schema.org/draft-07/schema#";

  /** Patterns the generators use, each with strings that match it and strings that do not. */
  static final Map<String, List<String>> PATTERNS = new LinkedHashMap<>();

  static {
    PATTERNS.put("^[a-z]+$", List.of("abc", "x", "", "ABC", "a1"));
    PATTERNS.put("^[A-Z]{2,3}$", List.of("EU", "USA", "E", "eu", "EURO"));
    PATTERNS.put("^[0-9]+$", List.of("123", "0", "12a", ""));
    PATTERNS.put("^x-", List.of("x-a", "x-", "y-", "ax-"));
    PATTERNS.put("@", List.of("a@b", "ab", "@"));
    PATTERNS.put("^(a|b)*$", List.of("abba", "", "abc", "b"));
  }

  static final Map<String, List<String>> FORMATS = new LinkedHashMap<>();

  static {
    FORMATS.put("email", List.of("a@b.co", "nope", "x@y"));
    FORMATS.put("date", List.of("2024-01-31", "2024-13-01", "31/01/2024"));
    FORMATS.put("date-time", List.of("2024-01-31T10:00:00Z", "2024-01-31", "x"));
    FORMATS.put("ipv4", List.of("1.2.3.4", "999.1.1.1", "::1"));
    FORMATS.put("uuid", List.of("0b9e6a34-1f4e-4a5b-9c1a-3f2d1e0c9b8a", "nope"));
  }

  static final String[] NAMES = {"id", "name", "amount", "status", "items", "tags", "createdAt", "note", "count",
      "flag", "price", "code", "email", "x-trace", "x-a", "12"};
  static final String[] TYPES = {"string", "integer", "number", "boolean", "null", "object", "array"};
  static final BigDecimal[] MULTIPLES = {new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"),
      new BigDecimal("5"), new BigDecimal("0.5"), new BigDecimal("0.25"), new BigDecimal("10")};

  private final Random r;
  /** The definitions of the schema being built, for $ref targets. */
  private Map<String, Object> definitions;

  public JsonSchemaGen(Random r) {
    this.r = r;
  }

  Random random() {
    return r;
  }

  /** A root schema: mostly an object with properties, with definitions some refer to. */
  public Map<String, Object> schema() {
    definitions = new LinkedHashMap<>();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", DRAFT7);
    if (r.nextInt(4) == 0) {
      root.put("title", "Event");
    }
    if (r.nextInt(3) == 0) {
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        definitions.put("d" + i, node(2));
      }
      if (r.nextInt(3) == 0) {
        definitions.put("node", recursive());
      }
    }
    Map<String, Object> body = r.nextInt(8) == 0 ? asMap(node(0)) : object(0);
    root.putAll(body);
    if (!definitions.isEmpty()) {
      root.put("definitions", definitions);
    }
    return root;
  }

  private static Map<String, Object> asMap(Object v) {
    if (v instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return m;
    }
    return obj("not", obj("type", "null"));
  }

  /** A tree node type: an object whose "child" property refers back to its definition. */
  private Map<String, Object> recursive() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("value", scalar(3));
    props.put("child", obj("$ref", "#/definitions/node"));
    return obj("type", "object", "properties", props, "required", new ArrayList<>(List.of("value")));
  }

  /** A random subschema at nesting {@code depth}. */
  public Object node(int depth) {
    int k = r.nextInt(100);
    if (depth > 3 || k < 35) {
      return scalar(depth);
    }
    if (k < 52) {
      return object(depth);
    }
    if (k < 64) {
      return array(depth);
    }
    if (k < 72) {
      return enumeration();
    }
    if (k < 82) {
      String kw = pick(new String[] {"anyOf", "oneOf", "allOf"});
      List<Object> branches = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        branches.add(kw.equals("allOf") ? scalarKeywords(pick(new String[] {"string", "integer", "number"}))
            : node(depth + 1));
      }
      Map<String, Object> m = obj(kw, branches);
      if (kw.equals("allOf") && r.nextBoolean()) {
        m.put("type", typeOfKeywords(branches));
      }
      return m;
    }
    if (k < 85) {
      return obj("type", pick(new String[] {"string", "integer", "object"}), "not", enumeration());
    }
    if (k < 88 && definitions != null && !definitions.isEmpty()) {
      List<String> names = new ArrayList<>(definitions.keySet());
      return obj("$ref", "#/definitions/" + pick(names));
    }
    if (k < 91) {
      List<Object> types = new ArrayList<>(distinct(1 + r.nextInt(2), TYPES));
      Map<String, Object> m = obj("type", types);
      if (types.contains("string") && r.nextBoolean()) {
        m.put("maxLength", r.nextInt(8));
      }
      return m;
    }
    if (k < 94) {
      return obj("if", obj("type", "string"), "then", obj("minLength", 1 + r.nextInt(3)),
          "else", scalar(depth + 1));
    }
    if (k < 96) {
      return r.nextBoolean() ? Boolean.TRUE : new LinkedHashMap<String, Object>();
    }
    return implied();
  }

  /** Keywords of one type's family without a type (the registry reads them as that type). */
  private Map<String, Object> implied() {
    return switch (r.nextInt(4)) {
      case 0 -> obj("minLength", 1 + r.nextInt(3));
      case 1 -> obj("minimum", r.nextInt(10));
      case 2 -> obj("properties", obj("a", obj("type", "string")));
      default -> obj("maxItems", 1 + r.nextInt(3));
    };
  }

  private String typeOfKeywords(List<Object> branches) {
    for (Object b : branches) {
      if (b instanceof Map<?, ?> m && m.get("type") instanceof String t) {
        return t;
      }
    }
    return "string";
  }

  Map<String, Object> scalar(int depth) {
    return scalarKeywords(pick(new String[] {"string", "string", "integer", "number", "boolean", "null"}));
  }

  Map<String, Object> scalarKeywords(String type) {
    Map<String, Object> m = obj("type", type);
    switch (type) {
      case "string" -> {
        if (r.nextInt(3) == 0) {
          m.put("minLength", r.nextInt(4));
        }
        if (r.nextInt(3) == 0) {
          m.put("maxLength", 2 + r.nextInt(8));
        }
        if (r.nextInt(5) == 0) {
          m.put("pattern", pick(new ArrayList<>(PATTERNS.keySet())));
        }
        if (r.nextInt(6) == 0) {
          m.put("format", pick(new ArrayList<>(FORMATS.keySet())));
        }
      }
      case "integer", "number" -> {
        if (r.nextInt(3) == 0) {
          m.put("minimum", r.nextInt(20) - 10);
        }
        if (r.nextInt(3) == 0) {
          m.put("maximum", 10 + r.nextInt(100));
        }
        if (r.nextInt(6) == 0) {
          m.put("exclusiveMinimum", r.nextInt(20) - 12);
        }
        if (r.nextInt(6) == 0) {
          m.put("exclusiveMaximum", 20 + r.nextInt(100));
        }
        if (r.nextInt(5) == 0) {
          m.put("multipleOf", pick(MULTIPLES));
        }
      }
      default -> { }
    }
    annotate(m, type);
    return m;
  }

  private void annotate(Map<String, Object> m, String type) {
    if (r.nextInt(6) == 0) {
      m.put("description", "A " + type + ".");
    }
    if (r.nextInt(8) == 0) {
      Object d = DocGen.sample(m, r);
      if (d != DocGen.NONE) {
        m.put("default", d);
      }
    }
  }

  Map<String, Object> object(int depth) {
    Map<String, Object> props = new LinkedHashMap<>();
    int n = depth == 0 ? 1 + r.nextInt(4) : r.nextInt(4);
    for (String name : distinct(n, NAMES)) {
      props.put(name, node(depth + 1));
    }
    Map<String, Object> m = obj("type", "object", "properties", props);
    List<Object> required = new ArrayList<>();
    for (String name : props.keySet()) {
      if (r.nextInt(3) == 0) {
        required.add(name);
      }
    }
    if (!required.isEmpty()) {
      m.put("required", required);
    }
    switch (r.nextInt(6)) {
      case 0 -> m.put("additionalProperties", false);
      case 1 -> m.put("additionalProperties", true);
      case 2 -> m.put("additionalProperties", scalar(depth + 1));
      default -> { }
    }
    if (r.nextInt(8) == 0) {
      m.put("patternProperties", obj(pick(new String[] {"^x-", "^[0-9]+$"}), scalar(depth + 1)));
    }
    if (r.nextInt(8) == 0) {
      m.put("minProperties", r.nextInt(3));
    }
    if (r.nextInt(8) == 0) {
      m.put("maxProperties", 2 + r.nextInt(4));
    }
    if (r.nextInt(10) == 0 && props.size() > 1) {
      List<String> names = new ArrayList<>(props.keySet());
      m.put("dependencies", obj(names.get(0), new ArrayList<>(List.of(names.get(1)))));
    }
    if (r.nextInt(15) == 0) {
      m.put("propertyNames", obj("maxLength", 4 + r.nextInt(6)));
    }
    return m;
  }

  Map<String, Object> array(int depth) {
    Map<String, Object> m = obj("type", "array");
    if (r.nextInt(5) == 0) {
      List<Object> tuple = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        tuple.add(node(depth + 1));
      }
      m.put("items", tuple);
      switch (r.nextInt(3)) {
        case 0 -> m.put("additionalItems", false);
        case 1 -> m.put("additionalItems", scalar(depth + 1));
        default -> { }
      }
    } else if (r.nextInt(6) > 0) {
      m.put("items", node(depth + 1));
    }
    if (r.nextInt(4) == 0) {
      m.put("minItems", r.nextInt(3));
    }
    if (r.nextInt(4) == 0) {
      m.put("maxItems", 1 + r.nextInt(5));
    }
    if (r.nextInt(6) == 0) {
      m.put("uniqueItems", true);
    }
    if (r.nextInt(10) == 0) {
      m.put("contains", scalar(depth + 1));
    }
    return m;
  }

  Map<String, Object> enumeration() {
    List<Object> pool = new ArrayList<>(List.of("A", "B", "C", "red", 1L, 2L, 3L, 0.5, true, false));
    pool.add(null);
    if (r.nextInt(5) == 0) {
      return obj("const", pick(pool));
    }
    Set<Object> values = new LinkedHashSet<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      values.add(pick(pool));
    }
    Map<String, Object> m = obj("enum", new ArrayList<>(values));
    if (r.nextInt(3) == 0 && values.stream().allMatch(v -> v instanceof String)) {
      m.put("type", "string");
    }
    return m;
  }

  // ---- helpers

  List<String> distinct(int n, String[] pool) {
    List<String> all = new ArrayList<>(List.of(pool));
    java.util.Collections.shuffle(all, r);
    return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
  }

  <X> X pick(X[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  <X> X pick(List<X> xs) {
    return xs.get(r.nextInt(xs.size()));
  }
}
