package dev.evreg.compat.model;

import dev.evreg.compat.SchemaFormat;
import java.util.List;
import java.util.Optional;

/**
 * The format-neutral view of one schema file, used by lint and codegen: the event (the
 * top-level record, object or first message) and every named type the file declares.
 */
public record EventSchema(SchemaFormat format, String path, RecordType event, List<NamedType> types) {

  public EventSchema {
    types = List.copyOf(types);
  }

  public Optional<NamedType> type(String fullName) {
    return types.stream().filter(t -> t.fullName().equals(fullName)).findFirst();
  }

  public List<RecordType> records() {
    return types.stream().filter(RecordType.class::isInstance).map(RecordType.class::cast).toList();
  }

  public List<EnumType> enums() {
    return types.stream().filter(EnumType.class::isInstance).map(EnumType.class::cast).toList();
  }
}
