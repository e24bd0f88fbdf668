package dev.evreg.compat.avro;

import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonNumber;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.source.SchemaException;

/**
 * The shape of an Avro schema document, checked before Avro's parser so that the common
 * mistakes (a record without fields, a field without a type) are reported at the element,
 * in a sentence that names it. Anything this lets through is still judged by Avro.
 */
final class AvroShape {

  private final String path;

  private AvroShape(String path) {
    this.path = path;
  }

  static void check(String path, JsonValue schema) {
    new AvroShape(path).schema(schema);
  }

  private void schema(JsonValue v) {
    if (v instanceof JsonArray union) {
      union.items().forEach(this::schema);
    } else if (v instanceof JsonObject o) {
      object(o);
    } else if (!(v instanceof JsonString)) {
      throw error(v, "a schema is a JSON object, an array (a union) or a string (a type name), not a " + v.kind());
    }
  }

  private void object(JsonObject o) {
    JsonValue type = o.get("type");
    if (type == null) {
      throw error(o, "a schema object needs \"type\"");
    }
    if (!(type instanceof JsonString t)) {
      schema(type);
      return;
    }
    switch (t.value()) {
      case "record", "error" -> record(o, t.value());
      case "enum" -> {
        String name = name(o, "an enum");
        if (!(o.get("symbols") instanceof JsonArray)) {
          throw error(o.get("symbols") != null ? o.get("symbols") : o,
              "enum \"" + name + "\" needs \"symbols\", an array of names");
        }
      }
      case "fixed" -> {
        String name = name(o, "a fixed type");
        if (!(o.get("size") instanceof JsonNumber n) || !n.isIntegral() || n.decimal().signum() < 0) {
          throw error(o.get("size") != null ? o.get("size") : o,
              "fixed \"" + name + "\" needs \"size\", a number of bytes (a non-negative integer)");
        }
      }
      case "array" -> schema(required(o, "items", "an array needs \"items\", the schema of its elements"));
      case "map" -> schema(required(o, "values", "a map needs \"values\", the schema of its values"));
      default -> { } // a primitive, or a reference that Avro resolves
    }
  }

  private void record(JsonObject o, String kind) {
    String name = name(o, "a " + kind);
    JsonValue fields = o.get("fields");
    if (fields == null) {
      throw error(o, kind + " \"" + name + "\" needs \"fields\", an array of fields (it may be empty)");
    }
    if (!(fields instanceof JsonArray list)) {
      throw error(fields, "\"fields\" of " + kind + " \"" + name + "\" must be an array of field objects");
    }
    for (JsonValue f : list.items()) {
      if (!(f instanceof JsonObject field)) {
        throw error(f, "a field of " + kind + " \"" + name + "\" must be an object with \"name\" and \"type\"");
      }
      if (!(field.get("name") instanceof JsonString fieldName)) {
        throw error(field.get("name") != null ? field.get("name") : field,
            "a field of " + kind + " \"" + name + "\" needs \"name\", a string");
      }
      schema(required(field, "type", "field \"" + fieldName.value() + "\" of " + kind + " \"" + name + "\" needs \"type\""));
    }
  }

  private String name(JsonObject o, String what) {
    if (!(o.get("name") instanceof JsonString n)) {
      throw error(o.get("name") != null ? o.get("name") : o, what + " needs \"name\", a string");
    }
    return n.value();
  }

  private JsonValue required(JsonObject o, String key, String message) {
    JsonValue v = o.get(key);
    if (v == null) {
      throw error(o, message);
    }
    return v;
  }

  private SchemaException error(JsonValue at, String reason) {
    return new SchemaException(path, at.position(), "invalid Avro schema: " + reason);
  }
}
