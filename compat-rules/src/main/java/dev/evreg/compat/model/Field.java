package dev.evreg.compat.model;

import dev.evreg.compat.Location;
import java.util.Map;

/**
 * A field of a record. {@code optional} means a valid event may leave it out (or null);
 * {@code number} is the Protobuf tag (0 elsewhere); {@code defaultJson} is the default
 * written as JSON, or null; {@code properties} are the extra annotations written on it
 * (such as {@code pii} or {@code x-evreg-ignore}), as plain Java values.
 */
public record Field(
    String name,
    TypeRef type,
    boolean optional,
    String doc,
    String defaultJson,
    int number,
    Map<String, Object> properties,
    Location location) {

  public Field {
    properties = Map.copyOf(properties);
  }
}
