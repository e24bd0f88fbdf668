package dev.evreg.compat.fuzz.jsonschema;

import dev.evreg.compat.json.JsonPointer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Documents for a JSON Schema, best effort: they follow type, properties and required, enums,
 * bounds, lengths, the generators' own patterns and formats, tuples and combinators, and are
 * then kept only when the validator accepts them. Perturbed copies of valid documents (a
 * property dropped or added, a value swapped) probe the edges.
 */
final class DocGen {

  /** No document could be made. */
  static final Object NONE = new Object();

  private final Map<String, Object> root;
  private final Random r;

  DocGen(Map<String, Object> root, Random r) {
    this.root = root;
    this.r = r;
  }

  /** A value for a schema without references (for defaults), or {@link #NONE}. */
  static Object sample(Map<String, Object> schema, Random r) {
    return new DocGen(Map.of(), r).gen(schema, 3);
  }

  Object gen(Object schema, int depth) {
    if (depth > 8) {
      return NONE;
    }
    if (schema instanceof Boolean b) {
      return b ? any(depth) : NONE;
    }
    if (!(schema instanceof Map<?, ?> raw)) {
      return any(depth);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) raw;
    if (m.get("$ref") instanceof String ref) {
      Object target = resolve(ref);
      return target == null ? any(depth) : gen(target, depth + 1);
    }
    if (m.get("enum") instanceof List<?> values && !values.isEmpty()) {
      return values.get(r.nextInt(values.size()));
    }
    if (m.containsKey("const")) {
      return m.get("const");
    }
    for (String kw : new String[] {"anyOf", "oneOf"}) {
      if (m.get(kw) instanceof List<?> branches && !branches.isEmpty() && r.nextInt(4) > 0) {
        Object b = branches.get(r.nextInt(branches.size()));
        if (!(m.containsKey("type") || m.containsKey("properties"))) {
          return gen(b, depth + 1);
        }
      }
    }
    if (m.get("allOf") instanceof List<?> branches && !branches.isEmpty() && !m.containsKey("type")) {
      for (Object b : branches) {
        if (b instanceof Map<?, ?> bm && bm.containsKey("type")) {
          return gen(b, depth + 1);
        }
      }
      return gen(branches.get(0), depth + 1);
    }
    String type = typeOf(m);
    if (type == null) {
      return any(depth);
    }
    return switch (type) {
      case "string" -> string(m);
      case "integer" -> number(m, true);
      case "number" -> number(m, r.nextInt(3) == 0);
      case "boolean" -> r.nextBoolean();
      case "null" -> null;
      case "object" -> object(m, depth);
      case "array" -> array(m, depth);
      default -> any(depth);
    };
  }

  private String typeOf(Map<String, Object> m) {
    Object t = m.get("type");
    if (t instanceof String s) {
      return s;
    }
    if (t instanceof List<?> l && !l.isEmpty()) {
      return String.valueOf(l.get(r.nextInt(l.size())));
    }
    if (r.nextInt(4) == 0) {
      return null;
    }
    if (m.containsKey("properties") || m.containsKey("required") || m.containsKey("additionalProperties")) {
      return "object";
    }
    if (m.containsKey("items") || m.containsKey("maxItems") || m.containsKey("minItems")) {
      return "array";
    }
    if (m.containsKey("minLength") || m.containsKey("maxLength") || m.containsKey("pattern")) {
      return "string";
    }
    if (m.containsKey("minimum") || m.containsKey("maximum") || m.containsKey("multipleOf")) {
      return "number";
    }
    return null;
  }

  private Object resolve(String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    Object at = root;
    for (String token : JsonPointer.tokens(ref)) {
      if (!(at instanceof Map<?, ?> m)) {
        return null;
      }
      at = m.get(token);
    }
    return at;
  }

  Object any(int depth) {
    return switch (r.nextInt(depth > 4 ? 6 : 8)) {
      case 0 -> "s" + r.nextInt(10);
      case 1 -> (long) (r.nextInt(200) - 100);
      case 2 -> r.nextInt(400) / 4.0 + 0.25;
      case 3 -> r.nextBoolean();
      case 4 -> null;
      case 5 -> "";
      case 6 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", any(depth + 1));
        yield m;
      }
      default -> {
        List<Object> l = new ArrayList<>();
        l.add(any(depth + 1));
        yield l;
      }
    };
  }

  private String string(Map<String, Object> m) {
    List<String> pool = new ArrayList<>();
    if (m.get("pattern") instanceof String p && JsonSchemaGen.PATTERNS.containsKey(p)) {
      pool.addAll(JsonSchemaGen.PATTERNS.get(p));
    }
    if (m.get("format") instanceof String f && JsonSchemaGen.FORMATS.containsKey(f)) {
      pool.addAll(JsonSchemaGen.FORMATS.get(f));
    }
    if (!pool.isEmpty() && r.nextInt(4) > 0) {
      return pool.get(r.nextInt(pool.size()));
    }
    int min = m.get("minLength") instanceof Number n ? n.intValue() : 0;
    int max = m.get("maxLength") instanceof Number n ? n.intValue() : min + 6;
    int len = max < min ? min : min + r.nextInt(max - min + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append(r.nextInt(8) == 0 ? 'é' : (char) ('a' + r.nextInt(3)));
    }
    return b.toString();
  }

  private Object number(Map<String, Object> m, boolean integer) {
    BigDecimal lo = bound(m, "minimum", "exclusiveMinimum", true);
    BigDecimal hi = bound(m, "maximum", "exclusiveMaximum", false);
    if (lo == null) {
      lo = hi == null ? BigDecimal.valueOf(-50) : hi.subtract(BigDecimal.valueOf(60));
    }
    if (hi == null || hi.compareTo(lo) < 0) {
      hi = lo.add(BigDecimal.valueOf(60));
    }
    BigDecimal span = hi.subtract(lo);
    BigDecimal v = lo.add(span.multiply(BigDecimal.valueOf(r.nextInt(1001))).divide(BigDecimal.valueOf(1000), 6,
        RoundingMode.HALF_UP));
    if (m.get("multipleOf") instanceof Number mult) {
      BigDecimal step = new BigDecimal(mult.toString());
      v = v.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }
    if (integer || r.nextInt(3) == 0) {
      v = v.setScale(0, RoundingMode.CEILING);
      return v.longValueExact();
    }
    v = v.stripTrailingZeros();
    if (v.scale() <= 0) {
      v = v.add(new BigDecimal("0.5"));
    }
    return v;
  }

  private static BigDecimal bound(Map<String, Object> m, String inclusive, String exclusive, boolean lower) {
    BigDecimal a = m.get(inclusive) instanceof Number n ? new BigDecimal(n.toString()) : null;
    BigDecimal b = m.get(exclusive) instanceof Number n ? new BigDecimal(n.toString()) : null;
    if (b != null) {
      b = lower ? b.add(new BigDecimal("0.5")) : b.subtract(new BigDecimal("0.5"));
    }
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return lower ? a.max(b) : a.min(b);
  }

  @SuppressWarnings("unchecked")
  private Object object(Map<String, Object> m, int depth) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> props = m.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    Set<String> required = new LinkedHashSet<>();
    if (m.get("required") instanceof List<?> l) {
      l.forEach(x -> required.add(String.valueOf(x)));
    }
    for (Map.Entry<String, Object> e : props.entrySet()) {
      if (required.contains(e.getKey()) || r.nextInt(3) > 0) {
        Object v = gen(e.getValue(), depth + 1);
        if (v != NONE) {
          out.put(e.getKey(), v);
        }
      }
    }
    for (String name : required) {
      if (!out.containsKey(name)) {
        out.put(name, any(depth + 1));
      }
    }
    if (m.get("patternProperties") instanceof Map<?, ?> pp && r.nextBoolean()) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) pp).entrySet()) {
        String key = e.getKey().equals("^x-") ? "x-z" : e.getKey().equals("^[0-9]+$") ? "7" : "k";
        Object v = gen(e.getValue(), depth + 1);
        if (v != NONE) {
          out.put(key, v);
        }
      }
    }
    Object ap = m.get("additionalProperties");
    if (!Boolean.FALSE.equals(ap) && r.nextInt(3) == 0) {
      Object v = ap instanceof Map<?, ?> ? gen(ap, depth + 1) : any(depth + 1);
      if (v != NONE) {
        out.put(pick(new String[] {"extra", "note", "count", "x-more", "99"}), v);
      }
    }
    if (m.get("dependencies") instanceof Map<?, ?> deps) {
      ((Map<String, Object>) deps).forEach((k, v) -> {
        if (out.containsKey(k) && v instanceof List<?> names) {
          names.forEach(n -> out.putIfAbsent(String.valueOf(n),
              props.containsKey(String.valueOf(n)) ? gen(props.get(String.valueOf(n)), depth + 1) : any(depth + 1)));
        }
      });
      out.values().removeIf(v -> v == NONE);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Object array(Map<String, Object> m, int depth) {
    List<Object> out = new ArrayList<>();
    int min = m.get("minItems") instanceof Number n ? n.intValue() : 0;
    int max = m.get("maxItems") instanceof Number n ? n.intValue() : min + 3;
    if (m.get("items") instanceof List<?> tuple) {
      int n = r.nextInt(tuple.size() + 1);
      for (int i = 0; i < n; i++) {
        out.add(gen(tuple.get(i), depth + 1));
      }
      Object extra = m.get("additionalItems");
      if (n == tuple.size() && !Boolean.FALSE.equals(extra) && r.nextBoolean()) {
        out.add(extra instanceof Map<?, ?> ? gen(extra, depth + 1) : any(depth + 1));
      }
    } else {
      int n = max < min ? min : min + r.nextInt(Math.max(1, max - min + 1));
      for (int i = 0; i < n && depth < 7; i++) {
        out.add(m.containsKey("items") ? gen(m.get("items"), depth + 1) : any(depth + 1));
      }
    }
    if (m.containsKey("contains") && r.nextBoolean()) {
      out.add(gen(m.get("contains"), depth + 1));
    }
    if (Boolean.TRUE.equals(m.get("uniqueItems"))) {
      Set<String> seen = new LinkedHashSet<>();
      out.removeIf(v -> !seen.add(dev.evreg.compat.fuzz.Tree.compact(v == NONE ? "none" : v)));
    }
    out.removeIf(v -> v == NONE);
    return out;
  }

  /** A small random change to a document: a member dropped or added, a value replaced. */
  @SuppressWarnings("unchecked")
  Object perturb(Object doc, int depth) {
    if (doc instanceof Map<?, ?> raw && !raw.isEmpty() && r.nextInt(3) > 0) {
      Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) raw);
      List<String> keys = new ArrayList<>(m.keySet());
      String k = keys.get(r.nextInt(keys.size()));
      switch (r.nextInt(3)) {
        case 0 -> m.remove(k);
        case 1 -> m.put(pick(JsonSchemaGen.NAMES), any(depth + 1));
        default -> m.put(k, perturb(m.get(k), depth + 1));
      }
      return m;
    }
    if (doc instanceof List<?> raw && !raw.isEmpty() && r.nextInt(3) > 0) {
      List<Object> l = new ArrayList<>(raw);
      int i = r.nextInt(l.size());
      switch (r.nextInt(3)) {
        case 0 -> l.remove(i);
        case 1 -> l.add(any(depth + 1));
        default -> l.set(i, perturb(l.get(i), depth + 1));
      }
      return l;
    }
    return any(depth);
  }

  private <X> X pick(X[] xs) {
    return xs[r.nextInt(xs.length)];
  }
}
