package dev.evreg.compat;

import java.util.Locale;

/** Which Protobuf rule set judges a change. */
public enum ProtoRules {
  /** As the schema registry judges it (the default). */
  REGISTRY,
  /** Binary wire safety, as buf's WIRE category. */
  WIRE,
  /** Binary and JSON encoding safety, as buf's WIRE_JSON category. */
  WIRE_JSON;

  /** {@code registry}, {@code wire} or {@code wire-json} ({@code _} for {@code -}), in any case; IllegalArgumentException otherwise. */
  public static ProtoRules parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
