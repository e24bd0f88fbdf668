package dev.evreg.compat.protobuf;

/**
 * What can change between two versions of a {@code .proto} file, named as the schema registry
 * names its change types where it has one (the first group), plus the facts the stricter wire
 * rule sets need. Detection only: whether a change breaks is {@link ProtoPolicy}'s call. Each
 * constant carries a one-line summary and the sentence that explains a break, from the
 * candidate's point of view, for each direction.
 */
public enum ProtoChange {
  // The registry's change types (reference/compat-semantics.md).
  PACKAGE_CHANGED("The file's package changed",
      "every type's full name changes with it, so readers find none of the previous types; keep the package "
          + "and publish the new package as a new subject."),
  MESSAGE_ADDED("A message was added; the registry's FORWARD check treats it as removed",
      "a registry checks FORWARD by comparing the new schema against the previous one, which lacks the message, "
          + "and reports it as MESSAGE_REMOVED; define the message in a file of its own, or use a BACKWARD level."),
  MESSAGE_REMOVED("A message was removed",
      "records written with the previous schema may use it (the registry's wire format names the message by "
          + "its index), so the new schema cannot read them; keep the message, deprecated if need be."),
  MESSAGE_MOVED("A message moved to another position in its file", ""),
  ENUM_ADDED("An enum was added", ""),
  ENUM_REMOVED("An enum was removed", ""),
  ENUM_CONST_ADDED("An enum value was added", ""),
  ENUM_CONST_CHANGED("An enum value was renamed",
      "the JSON encoding writes enum values by name, so JSON written with one name is not read as the other; "
          + "keep the name, or add the new name as an alias (option allow_alias = true)."),
  ENUM_CONST_REMOVED("An enum value was removed", ""),
  FIELD_ADDED("A field was added", ""),
  FIELD_REMOVED("A field was removed", ""),
  FIELD_NAME_CHANGED("A field was renamed",
      "the JSON and text encodings write fields by name, so JSON written with one name is not read into the "
          + "other; keep the name."),
  FIELD_KIND_CHANGED("A field changed between a scalar or enum, a message and a map",
      "scalars, messages and maps are encoded differently, so neither side can read the other's values; keep "
          + "the type, or add a field with a new number and deprecate this one."),
  FIELD_SCALAR_KIND_CHANGED("A field changed to a scalar type from another wire group",
      "only types of one wire group ({int32, int64, uint32, uint64, bool, enums}, {sint32, sint64}, "
          + "{string, bytes}, {fixed32, sfixed32}, {fixed64, sfixed64}) read each other's values; keep the type, "
          + "or add a field with a new number."),
  FIELD_NAMED_TYPE_CHANGED("A field changed to another message type",
      "another message type decodes the bytes with other field numbers and types; keep the type, or add a field "
          + "with a new number."),
  FIELD_NUMERIC_LABEL_CHANGED("A numeric or enum field with a label on both sides changed label",
      "repeated numeric fields are written packed, which a singular field cannot read, and a required field "
          + "fails when it is absent; keep the label, or add a field with a new number."),
  FIELD_STRING_OR_BYTES_LABEL_CHANGED("A string or bytes field with a label on both sides changed label", ""),
  REQUIRED_FIELD_ADDED("A required field was added",
      "required fields must always be sent, so the side that does not know the field breaks the other (a reader "
          + "that requires it rejects messages without it); add the field as optional."),
  REQUIRED_FIELD_REMOVED("A required field was removed",
      "required fields must always be sent, so the side that does not know the field breaks the other (a reader "
          + "that requires it rejects messages without it); keep the field."),
  ONEOF_ADDED("A oneof was added", ""),
  ONEOF_REMOVED("A oneof was removed", ""),
  ONEOF_FIELD_ADDED("A field was added to an existing oneof",
      "consumers on the previous schema do not know the new member, so a message that sets it reads as having "
          + "none of the oneof set; add a field outside the oneof instead."),
  ONEOF_FIELD_REMOVED("A field was removed from a oneof",
      "data written with the previous schema may set that member, which the new schema cannot read, so the "
          + "oneof reads as unset; keep the member, deprecated if need be."),
  MULTIPLE_FIELDS_MOVED_TO_ONEOF("Several fields moved into one oneof",
      "data written with the previous schema may set several of them, and a oneof keeps only the last one read; "
          + "keep them outside the oneof."),
  FIELD_MOVED_TO_EXISTING_ONEOF("A field moved into a oneof that holds earlier members",
      "data written with the previous schema may set it together with the oneof's other members, and a oneof "
          + "keeps only the last one read; keep it outside the oneof."),
  ONEOF_FIELD_MOVED_TO_TOP_LEVEL("A field moved out of a oneof",
      "a oneof keeps only one member set, so moving a field into or out of one changes which values survive a "
          + "read (buf's WIRE rules refuse it); keep the field where it was."),

  // evreg's counterparts for the FORWARD direction of the registry's oneof checks.
  MULTIPLE_FIELDS_MOVED_OUT_OF_ONEOF("Several fields moved out of one oneof",
      "the new schema may set several of them together, and consumers on the previous schema, for which they "
          + "share a oneof, keep only the last one read; keep them in the oneof."),
  FIELD_MOVED_OUT_OF_SHARED_ONEOF("A field moved out of a oneof whose other members stay in a oneof",
      "the new schema may set it together with those members, and consumers on the previous schema, for which "
          + "they share a oneof, keep only the last one read; keep it in the oneof."),

  // Facts for the wire and wire-json rule sets (buf's WIRE and WIRE_JSON categories).
  FIELD_MOVED_TO_ONEOF("A field moved into a oneof",
      "a oneof keeps only one member set, so moving a field into or out of one changes which values survive a "
          + "read (buf's WIRE rules refuse it); keep the field where it was."),
  FIELD_MOVED_TO_OTHER_ONEOF("A field moved from one oneof to another",
      "a oneof keeps only one member set, so moving a field between oneofs changes which values survive a read "
          + "(buf's WIRE rules refuse it); keep the field in its oneof."),
  FIELD_NAMED_TYPE_PACKAGE_CHANGED("A field's message type has the same name in another package",
      "the wire rules compare message types by full name and treat a type from another package as another "
          + "type; keep the previous type."),
  FIELD_ENUM_KIND_CHANGED("A field changed between an enum and an integer or bool type",
      "an enum reader keeps only numbers it knows (proto2 enums drop the others), and the JSON encoding writes "
          + "enum values as names; keep the type."),
  FIELD_ENUM_TYPE_CHANGED("A field changed to another enum type",
      "values are read by number, and the new enum is not the previous one with values added (same simple name, "
          + "every previous value kept); keep the enum type."),
  FIELD_STRING_CHANGED_TO_BYTES("A string field changed to bytes",
      "a string reader rejects bytes that are not valid UTF-8, and the JSON encoding writes bytes as base64; "
          + "keep the type."),
  FIELD_BYTES_CHANGED_TO_STRING("A bytes field changed to string",
      "a string reader rejects bytes that are not valid UTF-8, and the JSON encoding writes bytes as base64; "
          + "keep the type."),
  FIELD_JSON_TYPE_CHANGED("A field changed to a type the binary encoding accepts but JSON writes differently",
      "the JSON encoding writes the two types differently (64-bit integers as strings, bool as true or false), "
          + "so JSON written with one is misread by the other; keep the type."),
  FIELD_NUMERIC_MADE_REPEATED("A singular numeric or enum field became a packed repeated field",
      "consumers on the previous schema expect one value and cannot read the packed list the new schema writes; "
          + "keep the field singular and add a repeated field with a new number."),
  FIELD_NUMERIC_MADE_SINGULAR("A packed repeated numeric or enum field became singular",
      "data written with the previous schema holds packed lists, which the new schema's singular field cannot "
          + "read; keep the field repeated."),
  FIELD_CARDINALITY_CHANGED("A string, bytes, message or unpacked field changed between singular and repeated",
      "the binary encoding accepts this, but the JSON encoding writes a repeated field as an array and a "
          + "singular one as a value, so JSON written with one is not read by the other; keep the cardinality."),
  FIELD_REQUIRED_CHANGED("A field changed to or from required",
      "a reader rejects a message that lacks a field it requires, and the other side may not send it; keep the "
          + "label."),
  FIELD_NUMBER_CHANGED("A field kept its name but changed its number",
      "the binary encoding identifies fields by number, so values written under the previous number are not "
          + "read into the field; keep the number."),
  FIELD_REMOVED_WITHOUT_RESERVATION("A field was removed without reserving its number",
      "a later version could reuse the number with another type and misread data written now; reserve the "
          + "number in the message (reserved N;)."),
  FIELD_REMOVED_WITHOUT_NAME_RESERVATION("A field was removed without reserving its name",
      "a later version could reuse the name, and JSON written now would be read into that field; reserve the "
          + "name in the message (reserved \"name\";)."),
  FIELD_JSON_NAME_CHANGED("A field's JSON name changed",
      "JSON written with the previous name is not read into the field; keep the JSON name, if need be with the "
          + "json_name option."),
  ENUM_CONST_REMOVED_WITHOUT_RESERVATION("An enum value was removed without reserving its number",
      "a later version could reuse the number with another meaning and misread data written now; reserve the "
          + "number in the enum (reserved N;)."),
  ENUM_CONST_REMOVED_WITHOUT_NAME_RESERVATION("An enum value was removed without reserving its name",
      "a later version could reuse the name with another number, and JSON written now would be misread; reserve "
          + "the name in the enum (reserved \"NAME\";)."),
  RESERVED_RANGE_REMOVED("Numbers a message or enum reserved are no longer reserved",
      "numbers are reserved because data written with earlier versions may still use them; keep the "
          + "reservation."),
  RESERVED_NAME_REMOVED("Names a message or enum reserved are no longer reserved",
      "names are reserved because JSON written with earlier versions may still use them; keep the reservation."),
  RESERVED_NUMBER_REUSED("A field or enum value uses a number the previous version reserved",
      "data written with earlier versions may use that number with another type or meaning; pick an unused "
          + "number."),
  RESERVED_NAME_REUSED("A field or enum value uses a name the previous version reserved",
      "JSON written with earlier versions may use that name with another meaning; pick another name.");

  private final String summary;
  private final String reason;

  ProtoChange(String summary, String reason) {
    this.summary = summary;
    this.reason = reason;
  }

  /** One line, no trailing period, for {@code evreg rules}. */
  public String summary() {
    return summary;
  }

  /** Why the change breaks and how to fix it: a clause that follows the change's description. */
  public String reason() {
    return reason;
  }
}
