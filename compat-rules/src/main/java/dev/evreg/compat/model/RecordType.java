package dev.evreg.compat.model;

import dev.evreg.compat.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An Avro record, a JSON Schema object or a Protobuf message. {@code doc} is empty when absent. */
public record RecordType(
    String name,
    String namespace,
    String doc,
    List<Field> fields,
    Map<String, Object> properties,
    Location location) implements NamedType {

  public RecordType {
    fields = List.copyOf(fields);
    properties = Map.copyOf(properties);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
