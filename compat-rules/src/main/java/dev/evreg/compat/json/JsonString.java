package dev.evreg.compat.json;

import dev.evreg.compat.source.Position;

/** A JSON string. */
public record JsonString(String value, Position position) implements JsonValue {
  @Override
  public String kind() {
    return "string";
  }
}
