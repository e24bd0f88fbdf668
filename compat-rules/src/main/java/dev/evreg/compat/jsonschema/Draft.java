package dev.evreg.compat.jsonschema;

/** The JSON Schema drafts evreg reads; a schema without {@code $schema} is read as draft 7. */
public enum Draft {
  DRAFT_4("http://json-schema.org/draft-04/schema"),
  DRAFT_6("http://json-schema.org/draft-06/schema"),
  DRAFT_7("http://json-schema.org/draft-07/schema"),
  DRAFT_2019_09("https://json-schema.org/draft/2019-09/schema"),
  DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema");

  private final String uri;

  Draft(String uri) {
    this.uri = uri;
  }

  public String uri() {
    return uri;
  }

  /** The draft a {@code $schema} URI names (http or https, with or without '#'), or null. */
  public static Draft fromUri(String schemaUri) {
    String u = schemaUri.trim().replaceFirst("^https?://", "").replaceFirst("#$", "");
    for (Draft d : values()) {
      if (d.uri.replaceFirst("^https?://", "").equals(u)) {
        return d;
      }
    }
    return null;
  }

  public boolean atLeast(Draft other) {
    return ordinal() >= other.ordinal();
  }
}
