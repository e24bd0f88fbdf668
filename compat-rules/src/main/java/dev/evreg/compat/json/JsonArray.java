package dev.evreg.compat.json;

import dev.evreg.compat.source.Position;
import java.util.List;

/** A JSON array. */
public record JsonArray(List<JsonValue> items, Position position) implements JsonValue {

  public JsonArray {
    items = List.copyOf(items);
  }

  /** The item at a decimal index token, or null. */
  public JsonValue get(String indexToken) {
    try {
      int i = Integer.parseInt(indexToken);
      return i >= 0 && i < items.size() ? items.get(i) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public int size() {
    return items.size();
  }

  @Override
  public String kind() {
    return "array";
  }
}
