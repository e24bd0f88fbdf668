package dev.evreg.cli;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.Severity;

/** Text rendering of findings: {@code path:line:col: severity RULE_ID message}, coloured only on a terminal. */
final class Style {

  private final boolean color;

  Style(boolean color) {
    this.color = color;
  }

  /** Colour when stdout is a terminal, {@code --no-color} is absent and NO_COLOR is unset. */
  static Style forTerminal(boolean noColor) {
    return new Style(Terminal.current().colour() && !noColor);
  }

  String line(Finding f, String suffix) {
    return f.location().display() + ": " + severity(f.severity()) + " " + f.ruleId() + " " + f.message()
        + (suffix == null || suffix.isEmpty() ? "" : " " + suffix);
  }

  String severity(Severity s) {
    if (!color) {
      return s.label();
    }
    String code = switch (s) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case INFO -> "\u001b[1;36m";
    };
    return code + s.label() + "\u001b[0m";
  }

  static String where(Location l) {
    return l == null ? "" : l.display();
  }
}
