package dev.evreg.compat;

/** Rules that belong to no single format. */
public enum CoreRule {
  SCHEMA_TYPE_CHANGED("COMPATIBILITY", "The schema type (Avro, JSON Schema, Protobuf) changed between versions"),
  /** Not found by an engine: the id under which reports list a schema that stopped the check. */
  SCHEMA_UNREADABLE("INPUT", "A schema file could not be read, parsed, resolved or checked");

  private final String category;
  private final String summary;

  CoreRule(String category, String summary) {
    this.category = category;
    this.summary = summary;
  }

  public String id() {
    return name();
  }

  public RuleInfo info() {
    return new RuleInfo(name(), category, Severity.ERROR, summary);
  }
}
