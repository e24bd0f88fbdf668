package dev.evreg.compat.model;

import dev.evreg.compat.Location;

/** A record/message/object or an enum, with the name it is declared under. */
public sealed interface NamedType permits RecordType, EnumType {

  String name();

  /** The Avro namespace or Protobuf package (with enclosing messages); empty when none. */
  String namespace();

  String doc();

  Location location();

  default String fullName() {
    return namespace().isEmpty() ? name() : namespace() + "." + name();
  }
}
