package dev.evreg.compat.lint;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code evreg lint} checks: which rules ({@code use} categories or ids, minus
 * {@code except}), severity overrides ({@code off} disables), path ignores, the envelope
 * convention, field-name case per format and the words that mark personal data.
 */
public record LintConfig(
    Set<String> use,
    Set<String> except,
    Map<String, String> severity,
    List<PathIgnore> ignore,
    Envelope envelope,
    Map<SchemaFormat, Names.Case> fieldCase,
    List<String> piiWords) {

  /** Rules to skip for files whose path matches a glob ({@code *} in rules: all). */
  public record PathIgnore(String glob, Set<String> rules) {}

  /** The envelope: its fields, and the names of the one nested record they may live in. */
  public record Envelope(String profile, List<EnvelopeField> fields, List<String> containers) {
    /** What a message calls one field: "envelope field", or "CloudEvents attribute" in that profile. */
    public String noun() {
      return profile.equals(CLOUDEVENTS_PROFILE) ? "CloudEvents attribute" : "envelope field";
    }
  }

  /** One envelope field; {@code name} is written in camelCase and converted for Protobuf. */
  public record EnvelopeField(String name, Expect type, boolean required) {}

  /** The type an envelope field must have. */
  public enum Expect {
    STRING("a string"),
    TIMESTAMP("a timestamp"),
    /** CloudEvents' Timestamp: an RFC 3339 string in its JSON and Avro formats, or a timestamp type. */
    TIMESTAMP_OR_STRING("a timestamp or an RFC 3339 string"),
    STRING_OR_INTEGER("a string or an integer");

    private final String label;

    Expect(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final String DEFAULT_PROFILE = "default";
  public static final String CLOUDEVENTS_PROFILE = "cloudevents";

  /** eventId, eventType, occurredAt, source, correlationId required; causationId, partitionKey, schemaVersion checked when present. */
  public static Envelope defaultEnvelope() {
    return new Envelope(DEFAULT_PROFILE, List.of(
        new EnvelopeField("eventId", Expect.STRING, true),
        new EnvelopeField("eventType", Expect.STRING, true),
        new EnvelopeField("occurredAt", Expect.TIMESTAMP, true),
        new EnvelopeField("source", Expect.STRING, true),
        new EnvelopeField("correlationId", Expect.STRING, true),
        new EnvelopeField("causationId", Expect.STRING, false),
        new EnvelopeField("partitionKey", Expect.STRING, false),
        new EnvelopeField("schemaVersion", Expect.STRING_OR_INTEGER, false)), List.of("metadata", "envelope"));
  }

  /** The CloudEvents 1.0 attributes, at the top level. */
  public static Envelope cloudEvents() {
    return new Envelope(CLOUDEVENTS_PROFILE, List.of(
        new EnvelopeField("id", Expect.STRING, true),
        new EnvelopeField("source", Expect.STRING, true),
        new EnvelopeField("specversion", Expect.STRING, true),
        new EnvelopeField("type", Expect.STRING, true),
        new EnvelopeField("time", Expect.TIMESTAMP_OR_STRING, false),
        new EnvelopeField("subject", Expect.STRING, false),
        new EnvelopeField("datacontenttype", Expect.STRING, false),
        new EnvelopeField("dataschema", Expect.STRING, false)), List.of());
  }

  /**
   * Words that mark a field as personal. An entry is one or more words that must appear in a
   * row among the field name's words ("tax id" matches taxId and tax_id_number); an entry
   * starting with '=' must be the whole name ("=name" matches name but not topicName).
   */
  public static final List<String> DEFAULT_PII_WORDS = List.of("email", "phone", "mobile", "msisdn", "address", "street",
      "postcode", "postal code", "zip code", "zipcode", "birth", "birthday", "birthdate", "dob", "ip", "ssn",
      "social security", "tax id", "taxid", "passport", "iban", "surname", "=name", "first name", "last name", "full name",
      "given name", "family name", "middle name", "user name", "username", "customer name", "contact name", "person name");

  public static final LintConfig DEFAULTS = new LintConfig(Set.of(), Set.of(), Map.of(), List.of(), defaultEnvelope(),
      Map.of(SchemaFormat.AVRO, Names.Case.CAMEL, SchemaFormat.JSON, Names.Case.CAMEL, SchemaFormat.PROTOBUF, Names.Case.LOWER_SNAKE),
      DEFAULT_PII_WORDS);

  public LintConfig {
    use = Set.copyOf(use);
    except = Set.copyOf(except);
    severity = Map.copyOf(severity);
    ignore = List.copyOf(ignore);
    fieldCase = Map.copyOf(fieldCase);
    piiWords = List.copyOf(piiWords);
  }

  public LintConfig withEnvelope(Envelope e) {
    return new LintConfig(use, except, severity, ignore, e, fieldCase, piiWords);
  }

  public LintConfig withExcept(Set<String> ids) {
    return new LintConfig(use, ids, severity, ignore, envelope, fieldCase, piiWords);
  }

  public LintConfig withUse(Set<String> ids) {
    return new LintConfig(ids, except, severity, ignore, envelope, fieldCase, piiWords);
  }

  public LintConfig withSeverity(Map<String, String> overrides) {
    return new LintConfig(use, except, overrides, ignore, envelope, fieldCase, piiWords);
  }

  public LintConfig withIgnore(List<PathIgnore> ignores) {
    return new LintConfig(use, except, severity, ignores, envelope, fieldCase, piiWords);
  }

  public LintConfig withFieldCase(Map<SchemaFormat, Names.Case> cases) {
    return new LintConfig(use, except, severity, ignore, envelope, cases, piiWords);
  }

  public LintConfig withPiiWords(List<String> words) {
    return new LintConfig(use, except, severity, ignore, envelope, fieldCase, words);
  }

  /** The severity a rule reports with, or empty when it is switched off. */
  Optional<Severity> severityOf(String ruleId, String category, Severity defaultSeverity) {
    String s = severity.get(ruleId);
    if (s == null) {
      s = severity.get(category);
    }
    if (s == null) {
      return Optional.of(defaultSeverity);
    }
    return s.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Severity.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
  }

  boolean enabled(String ruleId, String category) {
    boolean used = use.isEmpty() || use.contains(ruleId) || use.contains(category);
    return used && !except.contains(ruleId) && !except.contains(category);
  }
}
