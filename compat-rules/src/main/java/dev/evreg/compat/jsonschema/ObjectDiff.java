package dev.evreg.compat.jsonschema;

import dev.evreg.compat.Location;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The object keywords of one schema pair. A content model is <em>open</em> when
 * {@code additionalProperties} is absent or {@code true}, <em>closed</em> when it is
 * {@code false}, <em>partially open</em> when it is a schema or {@code patternProperties} is
 * present; a property added or removed is judged by the content model on the other side.
 */
final class ObjectDiff {

  enum Openness { OPEN, CLOSED, PARTIAL }

  /** Absent, true or {}: anything goes; false: nothing; else a schema. */
  enum Extra { OPEN, FALSE, SCHEMA }

  private final JsonSchemaDiff diff;

  ObjectDiff(JsonSchemaDiff diff) {
    this.diff = diff;
  }

  void compare(String path, SchemaNode o, SchemaNode u) {
    properties(path, o, u);
    required(path, o, u);
    diff.extra(path, o, u, "additionalProperties", o.get("additionalProperties"), u.get("additionalProperties"),
        JsonChange.ADDITIONAL_PROPERTIES_ADDED, JsonChange.ADDITIONAL_PROPERTIES_REMOVED,
        JsonChange.ADDITIONAL_PROPERTIES_EXTENDED, JsonChange.ADDITIONAL_PROPERTIES_NARROWED);
    diff.extra(path, o, u, "unevaluatedProperties", o.get("unevaluatedProperties"), u.get("unevaluatedProperties"),
        JsonChange.UNEVALUATED_PROPERTIES_ADDED, JsonChange.UNEVALUATED_PROPERTIES_REMOVED,
        JsonChange.UNEVALUATED_PROPERTIES_EXTENDED, JsonChange.UNEVALUATED_PROPERTIES_NARROWED);
    patternProperties(path, o, u);
    dependencies(path, o, u);
    diff.count(path, o, u, "maxProperties", JsonChange.MAX_PROPERTIES_ADDED, JsonChange.MAX_PROPERTIES_REMOVED,
        JsonChange.MAX_PROPERTIES_INCREASED, JsonChange.MAX_PROPERTIES_DECREASED);
    diff.count(path, o, u, "minProperties", JsonChange.MIN_PROPERTIES_ADDED, JsonChange.MIN_PROPERTIES_REMOVED,
        JsonChange.MIN_PROPERTIES_INCREASED, JsonChange.MIN_PROPERTIES_DECREASED);
    diff.subschema(path, o, u, "propertyNames");
    reserved(path, o, u);
  }

  private void properties(String path, SchemaNode o, SchemaNode u) {
    Map<String, JsonValue> po = members(o.get("properties"));
    Map<String, JsonValue> pu = members(u.get("properties"));
    if (po.isEmpty() && pu.isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>(po.keySet());
    names.addAll(pu.keySet());
    Set<String> requiredU = required(u);
    for (String name : names) {
      String at = path + "/properties/" + RefResolver.escape(name);
      SchemaNode a = po.containsKey(name) ? o.child(po.get(name), "properties", name) : null;
      SchemaNode b = pu.containsKey(name) ? u.child(pu.get(name), "properties", name) : null;
      if (a != null && b != null) {
        diff.compare(at, a, b);
      } else if (b != null) {
        added(at, name, o, u, b, requiredU.contains(name));
      } else {
        removed(at, name, o, u, a);
      }
    }
  }

  private void added(String at, String name, SchemaNode o, SchemaNode u, SchemaNode prop, boolean required) {
    SchemaNode resolved = diff.shared.refs.resolve(prop);
    Openness open = openness(o);
    JsonChange type;
    boolean withDefault = resolved.has("default") || prop.has("default");
    if (required && withDefault && open == Openness.PARTIAL
        && !covered(o, name, schema -> diff.compatible(schema, prop), resolved.acceptsEverything(), true)) {
      // old documents may hold the name as an additional property with a value the new property refuses
      type = JsonChange.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
    } else if (required) {
      type = open == Openness.OPEN
          ? (withDefault ? JsonChange.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL : JsonChange.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL)
          : (withDefault ? JsonChange.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL : JsonChange.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
    } else if (open == Openness.OPEN) {
      type = resolved.acceptsEverything()
          ? JsonChange.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL : JsonChange.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
    } else if (open == Openness.CLOSED) {
      type = JsonChange.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
    } else {
      type = covered(o, name, schema -> diff.compatible(schema, prop), resolved.acceptsEverything(), true)
          ? JsonChange.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : JsonChange.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
    }
    diff.changes.add(new Change(type, at, o.location("properties"), nameLocation(u, name), name, null, JsonSchemaDiff.show(prop.value())));
  }

  private void removed(String at, String name, SchemaNode o, SchemaNode u, SchemaNode prop) {
    Openness open = openness(u);
    JsonChange type;
    if (open == Openness.OPEN) {
      type = JsonChange.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL;
    } else if (open == Openness.CLOSED) {
      type = diff.shared.refs.resolve(prop).isFalse()
          ? JsonChange.PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL : JsonChange.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL;
    } else {
      type = covered(u, name, schema -> diff.compatible(prop, schema), false, diff.shared.refs.resolve(prop).isFalse())
          ? JsonChange.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : JsonChange.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
    }
    diff.changes.add(new Change(type, at, nameLocation(o, name), u.location("properties"), name, JsonSchemaDiff.show(prop.value()), null));
  }

  /**
   * Whether the schemas that govern property {@code name} in {@code model} (the matching
   * {@code patternProperties}, else {@code additionalProperties}) all pass {@code test}.
   * A name that falls to open additional properties is covered only when {@code openOk}; one
   * that falls to {@code false} only when {@code falseOk}: for a property added, when the
   * writer's model is {@code false} there, since no writer document can hold it; for a property
   * removed, only when the property itself accepted nothing, since the reader's model then
   * refuses every writer document that holds it.
   */
  private boolean covered(SchemaNode model, String name, java.util.function.Predicate<SchemaNode> test, boolean openOk,
      boolean falseOk) {
    boolean matched = false;
    for (Map.Entry<String, JsonValue> e : members(model.get("patternProperties")).entrySet()) {
      if (Pattern.compile(e.getKey()).matcher(name).find()) {
        matched = true;
        if (!test.test(model.child(e.getValue(), "patternProperties", e.getKey()))) {
          return false;
        }
      }
    }
    if (matched) {
      return true;
    }
    JsonValue ap = model.get("additionalProperties");
    return switch (extra(model, ap)) {
      case OPEN -> openOk;
      case FALSE -> falseOk;
      case SCHEMA -> test.test(model.child(ap, "additionalProperties"));
    };
  }

  private void required(String path, SchemaNode o, SchemaNode u) {
    Set<String> ro = required(o);
    Set<String> ru = required(u);
    Map<String, JsonValue> po = members(o.get("properties"));
    Map<String, JsonValue> pu = members(u.get("properties"));
    for (String name : ru) {
      if (ro.contains(name) || pu.containsKey(name) && !po.containsKey(name)) {
        continue; // unchanged, or a new property judged with its content model
      }
      boolean withDefault = pu.containsKey(name)
          && diff.shared.refs.resolve(u.child(pu.get(name), "properties", name)).has("default");
      diff.add(withDefault ? JsonChange.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED : JsonChange.REQUIRED_ATTRIBUTE_ADDED,
          path + "/required/" + RefResolver.escape(name), o, u, "required", null, "\"" + name + "\"");
    }
    for (String name : ro) {
      if (!ru.contains(name)) {
        diff.add(JsonChange.REQUIRED_ATTRIBUTE_REMOVED, path + "/required/" + RefResolver.escape(name), o, u, "required",
            "\"" + name + "\"", null);
      }
    }
  }

  static Extra extra(SchemaNode owner, JsonValue v) {
    if (v == null || v instanceof JsonBoolean bool && bool.value()) {
      return Extra.OPEN;
    }
    if (v instanceof JsonBoolean) {
      return Extra.FALSE;
    }
    return owner.child(v).acceptsEverything() ? Extra.OPEN : Extra.SCHEMA;
  }

  static Openness openness(SchemaNode n) {
    if (!members(n.get("patternProperties")).isEmpty()) {
      return Openness.PARTIAL;
    }
    return switch (extra(n, n.get("additionalProperties"))) {
      case OPEN -> Openness.OPEN;
      case FALSE -> Openness.CLOSED;
      case SCHEMA -> Openness.PARTIAL;
    };
  }

  /** A pattern on one side only moves names between patternProperties and additionalProperties. */
  private void patternProperties(String path, SchemaNode o, SchemaNode u) {
    Map<String, JsonValue> po = members(o.get("patternProperties"));
    Map<String, JsonValue> pu = members(u.get("patternProperties"));
    Set<String> patterns = new LinkedHashSet<>(po.keySet());
    patterns.addAll(pu.keySet());
    for (String p : patterns) {
      String at = path + "/patternProperties/" + RefResolver.escape(p);
      if (po.containsKey(p) && pu.containsKey(p)) {
        diff.compare(at, o.child(po.get(p), "patternProperties", p), u.child(pu.get(p), "patternProperties", p));
        continue;
      }
      boolean wider;
      if (pu.containsKey(p)) {
        SchemaNode now = u.child(pu.get(p), "patternProperties", p);
        JsonValue ap = o.get("additionalProperties");
        wider = switch (extra(o, ap)) {
          case OPEN -> now.acceptsEverything();
          case FALSE -> true;
          case SCHEMA -> diff.compatible(o.child(ap, "additionalProperties"), now);
        };
      } else {
        SchemaNode before = o.child(po.get(p), "patternProperties", p);
        JsonValue ap = u.get("additionalProperties");
        wider = switch (extra(u, ap)) {
          case OPEN -> true;
          case FALSE -> false;
          case SCHEMA -> diff.compatible(before, u.child(ap, "additionalProperties"));
        };
      }
      diff.add(wider ? JsonChange.ADDITIONAL_PROPERTIES_EXTENDED : JsonChange.ADDITIONAL_PROPERTIES_NARROWED, at, o, u,
          "patternProperties", po.containsKey(p) ? JsonSchemaDiff.show(po.get(p)) : null,
          pu.containsKey(p) ? JsonSchemaDiff.show(pu.get(p)) : null);
    }
  }

  /** dependencies (draft 4-7), dependentRequired and dependentSchemas (2019-09 on). */
  private void dependencies(String path, SchemaNode o, SchemaNode u) {
    Map<String, JsonValue> ao = dependencyMap(o, true);
    Map<String, JsonValue> au = dependencyMap(u, true);
    Set<String> keys = new LinkedHashSet<>(ao.keySet());
    keys.addAll(au.keySet());
    for (String k : keys) {
      String at = path + "/dependencies/" + RefResolver.escape(k);
      Set<String> a = strings(ao.get(k));
      Set<String> b = strings(au.get(k));
      JsonChange type;
      if (a == null) {
        type = JsonChange.DEPENDENCY_ARRAY_ADDED;
      } else if (b == null) {
        type = JsonChange.DEPENDENCY_ARRAY_REMOVED;
      } else if (a.equals(b)) {
        continue;
      } else if (a.containsAll(b)) {
        type = JsonChange.DEPENDENCY_ARRAY_NARROWED;
      } else if (b.containsAll(a)) {
        type = JsonChange.DEPENDENCY_ARRAY_EXTENDED;
      } else {
        type = JsonChange.DEPENDENCY_ARRAY_CHANGED;
      }
      diff.add(type, at, o, u, keywordOf(o, u, k), a == null ? null : a.toString(), b == null ? null : b.toString());
    }
    Map<String, JsonValue> so = dependencyMap(o, false);
    Map<String, JsonValue> su = dependencyMap(u, false);
    keys = new LinkedHashSet<>(so.keySet());
    keys.addAll(su.keySet());
    for (String k : keys) {
      String at = path + "/dependencies/" + RefResolver.escape(k);
      String kw = keywordOf(o, u, k);
      if (so.containsKey(k) && su.containsKey(k)) {
        diff.compare(at, o.child(so.get(k), kw, k), u.child(su.get(k), kw, k));
      } else if (su.containsKey(k)) {
        diff.add(JsonChange.DEPENDENCY_SCHEMA_ADDED, at, o, u, kw, null, JsonSchemaDiff.show(su.get(k)));
      } else {
        diff.add(JsonChange.DEPENDENCY_SCHEMA_REMOVED, at, o, u, kw, JsonSchemaDiff.show(so.get(k)), null);
      }
    }
  }

  private static Map<String, JsonValue> dependencyMap(SchemaNode n, boolean arrays) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    members(n.get("dependencies")).forEach((k, v) -> {
      if (v instanceof JsonArray == arrays) {
        out.put(k, v);
      }
    });
    members(n.get(arrays ? "dependentRequired" : "dependentSchemas")).forEach(out::put);
    return out;
  }

  private static String keywordOf(SchemaNode o, SchemaNode u, String key) {
    for (String kw : List.of("dependencies", "dependentRequired", "dependentSchemas")) {
      if (members(u.get(kw)).containsKey(key) || members(o.get(kw)).containsKey(key)) {
        return kw;
      }
    }
    return "dependencies";
  }

  /** Names reserved for past properties ({@code x-reserved}: an array or a comma list). */
  private void reserved(String path, SchemaNode o, SchemaNode u) {
    Set<String> ro = reservedNames(o);
    Set<String> ru = reservedNames(u);
    for (String name : ro) {
      if (!ru.contains(name)) {
        diff.add(JsonChange.RESERVED_PROPERTY_REMOVED, path + "/x-reserved", o, u, "x-reserved", "\"" + name + "\"", null);
      }
    }
    for (String name : members(u.get("properties")).keySet()) {
      if (ru.contains(name)) {
        diff.add(JsonChange.RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY, path + "/properties/" + RefResolver.escape(name),
            o, u, "properties", null, "\"" + name + "\"");
      }
    }
  }

  private static Set<String> reservedNames(SchemaNode n) {
    Set<String> out = new LinkedHashSet<>();
    JsonValue v = n.get("x-reserved");
    if (v instanceof JsonString s) {
      for (String part : s.value().split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    } else if (v instanceof JsonArray a) {
      a.items().stream().filter(JsonString.class::isInstance).forEach(x -> out.add(((JsonString) x).value()));
    }
    return out;
  }

  /** Where property {@code name} is declared: its name in {@code properties}. */
  private static Location nameLocation(SchemaNode owner, String name) {
    JsonObject props = (JsonObject) owner.get("properties");
    return Location.of(owner.doc().source().path(), props.positionOf(name),
        owner.pointer() + "/properties/" + RefResolver.escape(name));
  }

  static Map<String, JsonValue> members(JsonValue v) {
    Map<String, JsonValue> out = new LinkedHashMap<>();
    if (v instanceof JsonObject o) {
      o.memberList().forEach(m -> out.put(m.name(), m.value()));
    }
    return out;
  }

  static Set<String> required(SchemaNode n) {
    Set<String> out = new LinkedHashSet<>();
    if (n.get("required") instanceof JsonArray a) {
      a.items().stream().filter(JsonString.class::isInstance).forEach(v -> out.add(((JsonString) v).value()));
    }
    return out;
  }

  private static Set<String> strings(JsonValue v) {
    if (!(v instanceof JsonArray a)) {
      return null;
    }
    Set<String> out = new java.util.TreeSet<>();
    a.items().stream().filter(JsonString.class::isInstance).forEach(x -> out.add(((JsonString) x).value()));
    return out;
  }
}
