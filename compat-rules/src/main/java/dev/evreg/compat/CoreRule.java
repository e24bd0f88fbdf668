package dev.evreg.compat;

/** Rules that belong to no single format. */
public enum CoreRule {
  SCHEMA_TYPE_CHANGED("The schema type (Avro, JSON Schema, Protobuf) changed between versions");

  private final String summary;

  CoreRule(String summary) {
    this.summary = summary;
  }

  public String id() {
    return name();
  }

  public RuleInfo info() {
    return new RuleInfo(name(), "COMPATIBILITY", Severity.ERROR, summary);
  }
}
