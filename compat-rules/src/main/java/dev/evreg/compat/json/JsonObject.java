package dev.evreg.compat.json;

import dev.evreg.compat.source.Position;
import java.util.Collection;
import java.util.Map;

/** A JSON object; members keep their order and the position of their names. */
public record JsonObject(Map<String, Member> members, Position position) implements JsonValue {

  /** One name/value pair. */
  public record Member(String name, Position namePosition, JsonValue value) {}

  public JsonObject {
    members = java.util.Collections.unmodifiableMap(members);
  }

  public JsonValue get(String name) {
    Member m = members.get(name);
    return m == null ? null : m.value();
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  /** The string value of {@code name}, or null when absent or not a string. */
  public String string(String name) {
    return get(name) instanceof JsonString s ? s.value() : null;
  }

  public Collection<Member> memberList() {
    return members.values();
  }

  /** Where the member's name is written; the object's own position when absent. */
  public Position positionOf(String name) {
    Member m = members.get(name);
    return m == null ? position : m.namePosition();
  }

  @Override
  public String kind() {
    return "object";
  }
}
