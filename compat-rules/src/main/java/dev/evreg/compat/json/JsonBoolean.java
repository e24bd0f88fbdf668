package dev.evreg.compat.json;

import dev.evreg.compat.source.Position;

/** A JSON boolean. */
public record JsonBoolean(boolean value, Position position) implements JsonValue {
  @Override
  public String kind() {
    return "boolean";
  }
}
