package dev.evreg.compat;

import java.util.Objects;

/**
 * One result of a check: a rule, how severe, a full-sentence message, where it is in the new
 * file and, for a change between versions, where the element was in the old one.
 */
public record Finding(String ruleId, Severity severity, String message, Location location, Location previous) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId == null");
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(location, "location == null");
  }

  /** {@code path:line:col: severity RULE_ID message}, the text form every output format starts from. */
  public String display() {
    return location.display() + ": " + severity.label() + " " + ruleId + " " + message;
  }

  public Finding withSeverity(Severity s) {
    return new Finding(ruleId, s, message, location, previous);
  }
}
