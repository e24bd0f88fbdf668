package dev.evreg.compat;

/** How strictly JSON Schema changes to open content models are judged. */
public enum JsonPolicy {
  /** Adding or removing properties of an open object is a break (the registry default). */
  STRICT,
  /** Changes to open content models are accepted. */
  LENIENT
}
