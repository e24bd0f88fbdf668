package dev.evreg.compat.jsonschema;

import dev.evreg.compat.Location;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonPointer;
import dev.evreg.compat.json.JsonValue;

/**
 * A schema (an object or a boolean) inside a document, with its JSON pointer there and the
 * base URI in force for {@code $ref} resolution.
 */
record SchemaNode(JsonSchemaDocument doc, JsonValue value, String pointer, String base) {

  JsonObject object() {
    return value instanceof JsonObject o ? o : null;
  }

  boolean isFalse() {
    return value instanceof JsonBoolean b && !b.value();
  }

  /** {@code true}, or an object without validation keywords: accepts every document. */
  boolean acceptsEverything() {
    if (value instanceof JsonBoolean b) {
      return b.value();
    }
    return JsonSchemaDiff.validationKeywords(object()).isEmpty();
  }

  JsonValue get(String keyword) {
    JsonObject o = object();
    return o == null ? null : o.get(keyword);
  }

  boolean has(String keyword) {
    return get(keyword) != null;
  }

  /** The subschema in member {@code keyword} (and, for maps and arrays, entry {@code key}). */
  SchemaNode child(JsonValue v, String... tokens) {
    String p = pointer;
    for (String t : tokens) {
      p = JsonPointer.append(p, t);
    }
    String childBase = base;
    if (v instanceof JsonObject o && o.string("$id") != null) {
      childBase = RefResolver.resolveUri(base, o.string("$id"));
    }
    return new SchemaNode(doc, v, p, childBase);
  }

  /** Where {@code keyword} is written in this schema, or the schema itself when absent. */
  Location location(String keyword) {
    JsonObject o = object();
    JsonValue at = keyword != null && o != null && o.get(keyword) != null ? o.get(keyword) : value;
    String ptr = keyword != null && o != null && o.get(keyword) != null ? JsonPointer.append(pointer, keyword) : pointer;
    return Location.of(doc.source().path(), at.position(), ptr);
  }
}
