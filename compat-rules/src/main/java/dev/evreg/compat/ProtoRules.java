package dev.evreg.compat;

/** Which Protobuf rule set judges a change. */
public enum ProtoRules {
  /** As the schema registry judges it (the default). */
  REGISTRY,
  /** Binary wire safety, as buf's WIRE category. */
  WIRE,
  /** Binary and JSON encoding safety, as buf's WIRE_JSON category. */
  WIRE_JSON
}
