package dev.evreg.cli;

/** Keeps user-facing messages to one line. */
final class SchemaMessages {

  private SchemaMessages() {}

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String flat = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    return flat.length() > 500 ? flat.substring(0, 497) + "..." : flat;
  }
}
