package dev.evreg.compat.fuzz.jsonschema;

import dev.evreg.compat.fuzz.Tree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Random evolutions of a JSON Schema tree: one to three edits at random subschemas, among
 * changing types (extend, narrow, swap, drop, integer and number), tightening and loosening
 * string, number, object and array constraints, adding and removing properties (optional,
 * required, with defaults), opening and closing content models, changing enums, wrapping a
 * schema in a combinator or unwrapping it, swapping combinators, and editing annotations.
 */
public final class JsonEvolve {

  private final JsonSchemaGen gen;
  private final Random r;
  private final List<String> log = new ArrayList<>();

  public JsonEvolve(JsonSchemaGen gen) {
    this.gen = gen;
    this.r = gen.random();
  }

  public List<String> log() {
    return log;
  }

  /** A subschema position: its JSON pointer, its value, and how to replace it. */
  record Slot(String pointer, Object value, Consumer<Object> set) {}

  public Map<String, Object> evolve(Map<String, Object> base) {
    Map<String, Object> root = Tree.copy(base);
    int edits = 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
    for (int i = 0; i < edits; i++) {
      List<Slot> slots = new ArrayList<>();
      collect("#", root, v -> { }, slots);
      Slot s = slots.get(r.nextInt(slots.size()));
      edit(s);
    }
    return root;
  }

  /** Every subschema in a draft-7 tree. */
  @SuppressWarnings("unchecked")
  static void collect(String ptr, Object v, Consumer<Object> set, List<Slot> out) {
    out.add(new Slot(ptr, v, set));
    if (!(v instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    for (String kw : new String[] {"properties", "patternProperties", "definitions", "dependencies"}) {
      if (m.get(kw) instanceof Map<?, ?> members) {
        for (String k : new ArrayList<>(((Map<String, Object>) members).keySet())) {
          Object x = ((Map<String, Object>) members).get(k);
          if (x instanceof Map || x instanceof Boolean) {
            collect(ptr + "/" + kw + "/" + k, x, y -> ((Map<String, Object>) members).put(k, y), out);
          }
        }
      }
    }
    for (String kw : new String[] {"additionalProperties", "items", "additionalItems", "contains", "propertyNames",
        "not", "if", "then", "else"}) {
      Object x = m.get(kw);
      if (x instanceof Map || (x instanceof Boolean && !kw.equals("additionalProperties") && !kw.equals("additionalItems"))) {
        collect(ptr + "/" + kw, x, y -> m.put(kw, y), out);
      }
    }
    for (String kw : new String[] {"allOf", "anyOf", "oneOf", "items"}) {
      if (m.get(kw) instanceof List<?> l) {
        List<Object> list = (List<Object>) l;
        for (int i = 0; i < list.size(); i++) {
          int j = i;
          collect(ptr + "/" + kw + "/" + i, list.get(i), y -> list.set(j, y), out);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void edit(Slot s) {
    if (!(s.value() instanceof Map<?, ?> raw)) {
      Object n = gen.node(2);
      s.set().accept(n);
      log.add("replace " + s.pointer() + " with a new schema");
      return;
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    String at = s.pointer();
    for (int attempt = 0; attempt < 12; attempt++) {
      switch (r.nextInt(16)) {
        case 0 -> {
          if (type(m, at)) {
            return;
          }
        }
        case 1 -> {
          if (count(m, at, pick("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"))) {
            return;
          }
        }
        case 2 -> {
          if (bound(m, at)) {
            return;
          }
        }
        case 3, 4 -> {
          if (m.get("properties") instanceof Map<?, ?> props) {
            property(m, (Map<String, Object>) props, at);
            return;
          }
        }
        case 5 -> {
          if (m.get("properties") instanceof Map<?, ?> props && !props.isEmpty()) {
            required(m, new ArrayList<>(((Map<String, Object>) props).keySet()), at);
            return;
          }
        }
        case 6 -> {
          if ("object".equals(m.get("type")) || m.containsKey("properties")) {
            Object before = m.get("additionalProperties");
            switch (r.nextInt(4)) {
              case 0 -> m.put("additionalProperties", false);
              case 1 -> m.put("additionalProperties", true);
              case 2 -> m.put("additionalProperties", gen.scalar(3));
              default -> m.remove("additionalProperties");
            }
            log.add("additionalProperties at " + at + " from " + show(before) + " to " + show(m.get("additionalProperties")));
            return;
          }
        }
        case 7 -> {
          if (m.containsKey("enum") || m.containsKey("const")) {
            enumEdit(m, at);
            return;
          }
        }
        case 8 -> {
          if ("string".equals(m.get("type"))) {
            String kw = r.nextBoolean() ? "pattern" : "format";
            Map<String, List<String>> pool = kw.equals("pattern") ? JsonSchemaGen.PATTERNS : JsonSchemaGen.FORMATS;
            Object before = m.get(kw);
            if (before != null && r.nextBoolean()) {
              m.remove(kw);
            } else {
              m.put(kw, gen.pick(new ArrayList<>(pool.keySet())));
            }
            log.add(kw + " at " + at + " from " + show(before) + " to " + show(m.get(kw)));
            return;
          }
        }
        case 9 -> {
          Map<String, Object> copy = new LinkedHashMap<>(m);
          copy.remove("$schema");
          copy.remove("definitions");
          Object other = gen.node(3);
          String kw = pick("anyOf", "anyOf", "oneOf", "allOf");
          List<Object> branches = new ArrayList<>(List.of(copy, other));
          if (r.nextBoolean()) {
            java.util.Collections.reverse(branches);
          }
          keepOnly(m, "$schema", "definitions");
          m.put(kw, branches);
          log.add("wrap " + at + " in " + kw + " with another branch");
          return;
        }
        case 10 -> {
          for (String kw : new String[] {"anyOf", "oneOf", "allOf"}) {
            if (m.get(kw) instanceof List<?> l && !l.isEmpty()) {
              List<Object> branches = (List<Object>) l;
              switch (r.nextInt(3)) {
                case 0 -> {
                  branches.remove(r.nextInt(branches.size()));
                  log.add("remove a branch of " + kw + " at " + at);
                }
                case 1 -> {
                  branches.add(r.nextInt(branches.size() + 1), gen.node(3));
                  log.add("add a branch to " + kw + " at " + at);
                }
                default -> {
                  String to = pick("anyOf", "oneOf", "allOf");
                  m.remove(kw);
                  m.put(to, branches);
                  log.add("change " + kw + " to " + to + " at " + at);
                }
              }
              if (branches.isEmpty()) {
                m.remove(kw);
                m.remove("anyOf");
                m.remove("oneOf");
                m.remove("allOf");
              }
              return;
            }
          }
        }
        case 11 -> {
          if (m.get("items") instanceof List<?> l) {
            List<Object> tuple = (List<Object>) l;
            if (r.nextBoolean() || tuple.size() < 2) {
              tuple.add(gen.node(3));
              log.add("add a tuple item at " + at);
            } else {
              tuple.remove(tuple.size() - 1);
              log.add("remove the last tuple item at " + at);
            }
            return;
          }
          if ("array".equals(m.get("type"))) {
            if (Boolean.TRUE.equals(m.get("uniqueItems"))) {
              m.remove("uniqueItems");
            } else {
              m.put("uniqueItems", true);
            }
            log.add("toggle uniqueItems at " + at);
            return;
          }
        }
        case 12 -> {
          String kw = pick("title", "description", "default", "$comment", "examples");
          if (m.containsKey(kw)) {
            m.remove(kw);
          } else {
            m.put(kw, kw.equals("examples") ? new ArrayList<>(List.of("x")) : kw.equals("default") ? DocGen.sample(m, r)
                : "Changed.");
            if (m.get(kw) == DocGen.NONE) {
              m.remove(kw);
            }
          }
          log.add("annotation " + kw + " at " + at);
          return;
        }
        case 13 -> {
          if (m.containsKey("not")) {
            m.remove("not");
            log.add("remove not at " + at);
          } else {
            m.put("not", gen.enumeration());
            log.add("add not at " + at);
          }
          return;
        }
        case 14 -> {
          if (s.pointer().length() > 1) {
            s.set().accept(r.nextInt(4) == 0 ? Boolean.TRUE : gen.node(2));
            log.add("replace " + at + " with a new schema");
            return;
          }
        }
        default -> {
          if (m.get("multipleOf") != null || "integer".equals(m.get("type")) || "number".equals(m.get("type"))) {
            Object before = m.get("multipleOf");
            if (before != null && r.nextBoolean()) {
              m.remove("multipleOf");
            } else {
              m.put("multipleOf", gen.pick(JsonSchemaGen.MULTIPLES));
            }
            log.add("multipleOf at " + at + " from " + show(before) + " to " + show(m.get("multipleOf")));
            return;
          }
        }
      }
    }
    m.put("description", "Changed.");
    log.add("description at " + at);
  }

  private boolean type(Map<String, Object> m, String at) {
    Object t = m.get("type");
    Object before = t;
    if (t instanceof String s) {
      switch (r.nextInt(5)) {
        case 0 -> m.put("type", new ArrayList<>(List.of(s, gen.pick(new String[] {"null", "string", "integer"}))));
        case 1 -> m.put("type", s.equals("integer") ? "number" : s.equals("number") ? "integer" : gen.pick(JsonSchemaGen.TYPES));
        case 2 -> m.remove("type");
        default -> m.put("type", gen.pick(JsonSchemaGen.TYPES));
      }
    } else if (t instanceof List<?> l && l.size() > 1) {
      List<Object> types = new ArrayList<>(l);
      types.remove(r.nextInt(types.size()));
      m.put("type", types.size() == 1 ? types.get(0) : types);
    } else if (t == null && !m.containsKey("$ref") && !m.containsKey("enum")) {
      m.put("type", gen.pick(JsonSchemaGen.TYPES));
    } else {
      return false;
    }
    if (m.get("type") instanceof List<?> l && l.size() == 2 && l.get(0).equals(l.get(1))) {
      m.put("type", l.get(0));
    }
    log.add("type at " + at + " from " + show(before) + " to " + show(m.get("type")));
    return true;
  }

  private boolean count(Map<String, Object> m, String at, String kw) {
    String family = kw.endsWith("Length") ? "string" : kw.endsWith("Items") ? "array" : "object";
    if (!family.equals(m.get("type"))) {
      return false;
    }
    Object before = m.get(kw);
    if (before instanceof Number n && r.nextBoolean()) {
      if (r.nextBoolean()) {
        m.remove(kw);
      } else {
        m.put(kw, Math.max(0, n.intValue() + (r.nextBoolean() ? 1 : -1)));
      }
    } else {
      m.put(kw, r.nextInt(kw.startsWith("min") ? 3 : 6));
    }
    log.add(kw + " at " + at + " from " + show(before) + " to " + show(m.get(kw)));
    return true;
  }

  private boolean bound(Map<String, Object> m, String at) {
    if (!"integer".equals(m.get("type")) && !"number".equals(m.get("type"))) {
      return false;
    }
    String kw = pick("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    Object before = m.get(kw);
    if (before instanceof Number n && r.nextBoolean()) {
      if (r.nextBoolean()) {
        m.remove(kw);
      } else {
        m.put(kw, new BigDecimal(n.toString()).add(BigDecimal.valueOf(r.nextBoolean() ? 1 : -1)));
      }
    } else {
      m.put(kw, (long) (kw.contains("inimum") ? r.nextInt(20) - 10 : 10 + r.nextInt(100)));
    }
    log.add(kw + " at " + at + " from " + show(before) + " to " + show(m.get(kw)));
    return true;
  }

  @SuppressWarnings("unchecked")
  private void property(Map<String, Object> m, Map<String, Object> props, String at) {
    if (props.isEmpty() || r.nextBoolean()) {
      String name = gen.pick(JsonSchemaGen.NAMES);
      Object schema = gen.node(3);
      boolean required = r.nextInt(3) == 0;
      if (required && schema instanceof Map<?, ?> sm && r.nextBoolean()) {
        Object d = DocGen.sample((Map<String, Object>) sm, r);
        if (d != DocGen.NONE) {
          ((Map<String, Object>) sm).put("default", d);
        }
      }
      props.put(name, schema);
      if (required) {
        List<Object> req = m.get("required") instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        if (!req.contains(name)) {
          req.add(name);
        }
        m.put("required", req);
      }
      log.add("add " + (required ? "required " : "") + "property " + name + " at " + at);
    } else {
      List<String> names = new ArrayList<>(props.keySet());
      String name = names.get(r.nextInt(names.size()));
      props.remove(name);
      if (m.get("required") instanceof List<?> l) {
        l.remove(name);
        if (l.isEmpty()) {
          m.remove("required");
        }
      }
      log.add("remove property " + name + " at " + at);
    }
  }

  @SuppressWarnings("unchecked")
  private void required(Map<String, Object> m, List<String> names, String at) {
    List<Object> req = m.get("required") instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    String name = names.get(r.nextInt(names.size()));
    if (req.contains(name)) {
      req.remove(name);
      log.add("make " + name + " optional at " + at);
    } else {
      req.add(name);
      log.add("make " + name + " required at " + at);
    }
    if (req.isEmpty()) {
      m.remove("required");
    } else {
      m.put("required", req);
    }
  }

  @SuppressWarnings("unchecked")
  private void enumEdit(Map<String, Object> m, String at) {
    if (m.containsKey("const")) {
      Object c = m.remove("const");
      List<Object> values = new ArrayList<>();
      values.add(c);
      values.add("B");
      m.put("enum", values);
      log.add("const to enum at " + at);
      return;
    }
    List<Object> values = (List<Object>) m.get("enum");
    if (values.size() > 1 && r.nextBoolean()) {
      values.remove(r.nextInt(values.size()));
      log.add("remove an enum value at " + at);
    } else {
      Object v = gen.pick(new Object[] {"A", "B", "C", "D", 4L, 0.75, false});
      if (!values.contains(v)) {
        values.add(v);
      }
      log.add("add enum value " + v + " at " + at);
    }
    if (m.get("type") instanceof String t && values.stream().anyMatch(v -> !t.equals("string") || !(v instanceof String))) {
      m.remove("type");
    }
  }

  private static void keepOnly(Map<String, Object> m, String... keys) {
    m.keySet().retainAll(List.of(keys));
  }

  private String pick(String... xs) {
    return xs[r.nextInt(xs.length)];
  }

  private static String show(Object v) {
    return v == null ? "absent" : Tree.compact(v);
  }
}
