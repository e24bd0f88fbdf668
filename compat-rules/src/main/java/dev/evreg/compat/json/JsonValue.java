package dev.evreg.compat.json;

import dev.evreg.compat.source.Position;

/** A JSON value that remembers where it starts in its file. */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  Position position();

  /** A short name of the kind of value, for messages: object, array, string, number, boolean, null. */
  String kind();

  /** The value at {@code pointer} (RFC 6901, with or without a leading '#'), or null. */
  default JsonValue at(String pointer) {
    JsonValue current = this;
    for (String token : JsonPointer.tokens(pointer)) {
      if (current instanceof JsonObject o) {
        current = o.get(token);
      } else if (current instanceof JsonArray a) {
        current = a.get(token);
      } else {
        current = null;
      }
      if (current == null) {
        return null;
      }
    }
    return current;
  }
}
