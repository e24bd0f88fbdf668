package dev.evreg.compat;

/**
 * What the catalogue says about a rule: its stable id (UPPER_SNAKE, never renamed), a category,
 * its default severity and a one-line summary without a trailing period.
 */
public record RuleInfo(String id, String category, Severity defaultSeverity, String summary) {

  public RuleInfo {
    if (!id.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("rule id is not UPPER_SNAKE: " + id);
    }
  }
}
