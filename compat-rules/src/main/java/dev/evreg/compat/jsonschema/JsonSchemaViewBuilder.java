package dev.evreg.compat.jsonschema;

import dev.evreg.compat.Location;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonPointer;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.json.JsonWriter;
import dev.evreg.compat.model.EnumType;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.NamedType;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.model.TypeRef;
import dev.evreg.compat.model.TypeRef.Kind;
import dev.evreg.compat.model.TypeRef.Semantic;
import dev.evreg.compat.source.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the neutral view of a JSON Schema: the root (after a local {@code $ref}) is the event;
 * object schemas become records named by their definition, title or property; string enums
 * become enums. Local references are followed; references to other files are left as "any".
 */
final class JsonSchemaViewBuilder {

  private static final int MAX_REF_HOPS = 32;

  private final JsonSchemaDocument doc;
  private final Map<String, NamedType> types = new LinkedHashMap<>();
  private final Map<JsonObject, String> names = new IdentityHashMap<>();

  JsonSchemaViewBuilder(JsonSchemaDocument doc) {
    this.doc = doc;
  }

  private record Resolved(JsonValue node, String pointer, String refName) {}

  EventSchema build() {
    String stem = doc.source().path().replaceAll(".*[/\\\\]", "").replaceFirst("\\.[^.]*$", "");
    Resolved root = deref(doc.root(), "#");
    RecordType event = null;
    if (root.node() instanceof JsonObject o && isObject(o)) {
      String name = root.refName() != null ? root.refName() : o.string("title") != null ? identifier(o.string("title")) : identifier(stem);
      event = record(o, root.pointer(), name);
    }
    List<NamedType> all = new ArrayList<>(types.values());
    return new EventSchema(doc.format(), doc.source().path(), event, all);
  }

  private Resolved deref(JsonValue v, String pointer) {
    String refName = null;
    for (int hop = 0; hop < MAX_REF_HOPS && v instanceof JsonObject o && o.string("$ref") != null; hop++) {
      String ref = o.string("$ref");
      if (!ref.startsWith("#")) {
        break;
      }
      JsonValue target = doc.root().at(ref);
      if (target == null) {
        break;
      }
      List<String> tokens = JsonPointer.tokens(ref);
      refName = tokens.isEmpty() ? refName : identifier(tokens.get(tokens.size() - 1));
      v = target;
      pointer = ref;
    }
    return new Resolved(v, pointer, refName);
  }

  private RecordType record(JsonObject o, String pointer, String name) {
    if (names.containsKey(o)) {
      NamedType existing = types.get(names.get(o));
      return existing instanceof RecordType r ? r : null;
    }
    String unique = name;
    for (int i = 2; types.containsKey(unique); i++) {
      unique = name + i;
    }
    names.put(o, unique);
    types.put(unique, null); // reserved while the fields are built: recursion terminates
    Set<String> required = new java.util.HashSet<>();
    if (o.get("required") instanceof JsonArray req) {
      req.items().forEach(r -> required.add(((JsonString) r).value()));
    }
    List<Field> fields = new ArrayList<>();
    if (o.get("properties") instanceof JsonObject props) {
      for (JsonObject.Member m : props.memberList()) {
        String at = JsonPointer.append(pointer + "/properties", m.name());
        TypeRef t = typeRef(m.value(), at, capitalize(identifier(m.name())));
        JsonObject p = m.value() instanceof JsonObject po ? po : null;
        JsonObject target = deref(m.value(), at).node() instanceof JsonObject to ? to : p;
        String docText = p != null && p.string("description") != null ? p.string("description")
            : target != null && target.string("description") != null ? target.string("description") : "";
        String def = p != null && p.get("default") != null ? JsonWriter.compact(p.get("default")) : null;
        fields.add(new Field(m.name(), t, !required.contains(m.name()), docText, def, 0,
            annotations(p), location(m.namePosition(), at)));
      }
    }
    RecordType record = new RecordType(unique, "", o.string("description") == null ? "" : o.string("description"),
        fields, annotations(o), location(o.position(), pointer));
    types.put(unique, record);
    return record;
  }

  private TypeRef typeRef(JsonValue schema, String pointer, String hint) {
    Resolved r = deref(schema, pointer);
    if (r.node() instanceof JsonBoolean || !(r.node() instanceof JsonObject o)) {
      return TypeRef.of(Kind.ANY, "any");
    }
    if (r.node() != schema && schema instanceof JsonObject s && s.string("$ref") != null && !s.string("$ref").startsWith("#")) {
      return TypeRef.of(Kind.ANY, s.string("$ref"));
    }
    String name = r.refName() != null ? r.refName() : o.string("title") != null ? identifier(o.string("title")) : hint;
    if (o.get("enum") instanceof JsonArray values && !values.items().isEmpty()
        && values.items().stream().allMatch(JsonString.class::isInstance)) {
      registerEnum(o, r.pointer(), name, values);
      return TypeRef.of(Kind.ENUM, name);
    }
    for (String combinator : new String[] {"oneOf", "anyOf"}) {
      if (o.get(combinator) instanceof JsonArray branches) {
        List<TypeRef> args = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
          args.add(typeRef(branches.items().get(i), r.pointer() + "/" + combinator + "/" + i, name + (i + 1)));
        }
        return new TypeRef(Kind.UNION, combinator, Semantic.NONE, args);
      }
    }
    if (o.get("type") instanceof JsonArray typeList) {
      List<TypeRef> args = new ArrayList<>();
      for (JsonValue t : typeList.items()) {
        args.add(single(((JsonString) t).value(), o, r.pointer(), name));
      }
      return args.size() == 1 ? args.get(0) : new TypeRef(Kind.UNION, "type", Semantic.NONE, args);
    }
    String type = o.string("type");
    if (type == null) {
      type = o.has("properties") ? "object" : o.has("items") ? "array" : null;
    }
    return type == null ? TypeRef.of(Kind.ANY, "any") : single(type, o, r.pointer(), name);
  }

  private TypeRef single(String type, JsonObject o, String pointer, String name) {
    return switch (type) {
      case "string" -> new TypeRef(Kind.STRING, "string", formatSemantic(o.string("format")), List.of());
      case "integer" -> TypeRef.of(Kind.LONG, "integer");
      case "number" -> TypeRef.of(Kind.DOUBLE, "number");
      case "boolean" -> TypeRef.of(Kind.BOOLEAN, "boolean");
      case "null" -> TypeRef.of(Kind.NULL, "null");
      case "array" -> {
        JsonValue items = o.get("items") instanceof JsonArray ? null : o.get("items");
        yield new TypeRef(Kind.ARRAY, "array", Semantic.NONE,
            List.of(items == null ? TypeRef.of(Kind.ANY, "any") : typeRef(items, pointer + "/items", name + "Item")));
      }
      default -> {
        if (o.get("properties") instanceof JsonObject) {
          RecordType rec = record(o, pointer, name);
          yield TypeRef.of(Kind.RECORD, rec == null ? name : rec.name());
        }
        JsonValue ap = o.get("additionalProperties");
        yield new TypeRef(Kind.MAP, "object", Semantic.NONE, List.of(TypeRef.of(Kind.STRING, "string"),
            ap instanceof JsonObject ? typeRef(ap, pointer + "/additionalProperties", name + "Value") : TypeRef.of(Kind.ANY, "any")));
      }
    };
  }

  private void registerEnum(JsonObject o, String pointer, String name, JsonArray values) {
    if (names.containsKey(o)) {
      return;
    }
    names.put(o, name);
    List<EnumType.Symbol> symbols = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      JsonValue v = values.items().get(i);
      symbols.add(new EnumType.Symbol(((JsonString) v).value(), i, location(v.position(), pointer + "/enum/" + i)));
    }
    types.putIfAbsent(name, new EnumType(name, "", o.string("description") == null ? "" : o.string("description"),
        symbols, location(o.position(), pointer)));
  }

  private static Semantic formatSemantic(String format) {
    if (format == null) {
      return Semantic.NONE;
    }
    return switch (format) {
      case "date-time" -> Semantic.TIMESTAMP;
      case "uuid" -> Semantic.UUID;
      case "date" -> Semantic.DATE;
      case "time" -> Semantic.TIME;
      case "duration" -> Semantic.DURATION;
      default -> Semantic.NONE;
    };
  }

  private static boolean isObject(JsonObject o) {
    return "object".equals(o.string("type")) || o.get("properties") instanceof JsonObject
        || (o.get("type") instanceof JsonArray a && a.items().stream().anyMatch(t -> t instanceof JsonString s && s.value().equals("object")));
  }

  /** Extension annotations ({@code x-...}) and {@code pii}, as plain values. */
  private static Map<String, Object> annotations(JsonObject o) {
    Map<String, Object> out = new HashMap<>();
    if (o != null) {
      for (JsonObject.Member m : o.memberList()) {
        if (m.name().startsWith("x-") || m.name().equals("pii")) {
          Object v = JsonWriter.toJava(m.value());
          if (v != null) {
            out.put(m.name(), v);
          }
        }
      }
    }
    return out;
  }

  private Location location(Position p, String pointer) {
    return Location.of(doc.source().path(), p, pointer);
  }

  static String identifier(String s) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : s.toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '_') {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = sb.length() > 0;
      }
    }
    return sb.length() == 0 ? "Schema" : sb.toString();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
