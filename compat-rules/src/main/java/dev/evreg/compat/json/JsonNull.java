package dev.evreg.compat.json;

import dev.evreg.compat.source.Position;

/** JSON null. */
public record JsonNull(Position position) implements JsonValue {
  @Override
  public String kind() {
    return "null";
  }
}
