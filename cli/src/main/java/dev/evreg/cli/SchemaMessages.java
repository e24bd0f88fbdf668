package dev.evreg.cli;

import dev.evreg.compat.source.SchemaException;

/** Keeps user-facing messages to one line (at most 500 characters on the command line). */
final class SchemaMessages {

  private SchemaMessages() {}

  static String oneLine(String s) {
    return SchemaException.oneLine(s, 500);
  }
}
