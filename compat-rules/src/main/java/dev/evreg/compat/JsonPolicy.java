package dev.evreg.compat;

import java.util.Locale;

/** How strictly JSON Schema changes to open content models are judged. */
public enum JsonPolicy {
  /** Adding or removing properties of an open object is a break (the registry default). */
  STRICT,
  /** Changes to open content models are accepted. */
  LENIENT;

  /** {@code strict} or {@code lenient}, in any case; IllegalArgumentException otherwise. */
  public static JsonPolicy parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
