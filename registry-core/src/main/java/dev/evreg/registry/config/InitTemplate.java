package dev.evreg.registry.config;

/** The commented {@code evreg.yaml} that {@code evreg init} writes: every key, at its default or as a commented example. */
public final class InitTemplate {

  private InitTemplate() {}

  /** The file's text, with {@code baseBranch} set to {@code base}. */
  public static String text(String base) {
    return """
        # evreg configuration: docs/configuration.md describes every key.
        # A missing key (or a missing file) means the default written here.

        schemas:
          # Files that hold schemas: globs relative to the repository root (** = any folders).
          # Only .avsc, .json and .proto files count.
          paths:
            - "schemas/**"
          # How a subject is named: "path" = the file path under the glob's folder, without
          # extension (schemas/orders/OrderPlaced.avsc -> orders/OrderPlaced); "record" = the
          # full name of the record the file declares (com.acme.orders.OrderPlaced).
          naming: path

        # The branch whose first-parent history holds the versions; 'evreg check' compares with it.
        baseBranch: %s

        compatibility:
          # NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE
          level: BACKWARD
          # JSON Schema: strict (adding a property to an open object breaks) or lenient
          jsonPolicy: strict
          # Protobuf: registry, wire or wire-json
          protoRules: registry
          # Per-subject settings: an exact subject name, or a glob (the first matching glob wins).
          subjects: {}
          #  "payments/*": FULL_TRANSITIVE
          #  orders/OrderPlaced:
          #    level: FORWARD
          #    jsonPolicy: lenient

        # Accepted breaking changes, each tied to the exact old and new schema (fingerprints as
        # 'evreg show' and 'evreg check --output json' print them), so that it cannot hide a later break.
        waivers: []
        #  - subject: orders/OrderPlaced
        #    rule: READER_FIELD_MISSING_DEFAULT_VALUE
        #    reason: "every consumer was upgraded first (INC-1234)"
        #    old: sha256:...
        #    new: sha256:...

        # The conventions 'evreg lint' and 'evreg check' enforce; 'evreg rules' lists the rules.
        lint:
          # default: eventId, eventType, occurredAt, source, correlationId; cloudevents: the CloudEvents 1.0 attributes
          profile: default
          # Rules or categories (ENVELOPE, NAMING, DOCS, EVOLUTION, PII, CLOUDEVENTS) to run; empty runs them all.
          use: []
          except: []
          # Per rule or category: error, warning, info or off.
          severity: {}
          #  EVENT_NAME_PAST_TENSE: error
          # Rules to skip for some files ("*" skips every rule).
          ignore: []
          #  - path: "schemas/legacy/**"
          #    rules: ["*"]
          # The envelope fields; without this key, the profile's.
          # envelope:
          #   fields:
          #     - name: eventId          # camelCase; Protobuf looks for event_id
          #       type: string           # string, timestamp, timestamp-or-string or string-or-integer
          #       required: true
          #   containers: [metadata, envelope]
          # The case of field names per format: camelCase, PascalCase, lower_snake_case or UPPER_SNAKE_CASE.
          fieldCase:
            avro: camelCase
            json: camelCase
            protobuf: lower_snake_case
          # Words that mark a field as personal; without this key, the built-in list (docs/configuration.md).
          # piiWords: [email, phone, address, "=name", "tax id"]
        """.formatted(base);
  }
}
