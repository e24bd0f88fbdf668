package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.TypeRef;

/** The event id is a plain string where a UUID type says what it holds (Avro uuid, JSON format uuid). */
public final class EnvelopeEventIdNotUuid implements LintRule {

  static final RuleInfo INFO = new RuleInfo("ENVELOPE_EVENT_ID_NOT_UUID", "ENVELOPE", Severity.INFO,
      "The event id is a string without the UUID logical type or format");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    EventSchema view = ctx.view();
    LintConfig.Envelope envelope = ctx.config().envelope();
    if (view.event() == null || view.format() == SchemaFormat.PROTOBUF || !envelope.profile().equals(LintConfig.DEFAULT_PROFILE)) {
      return;
    }
    EnvelopeLookup.find(view, envelope, "eventId").ifPresent(found -> {
      TypeRef t = found.field().type().nonNull();
      if (t.kind() == TypeRef.Kind.STRING && t.semantic() != TypeRef.Semantic.UUID) {
        ctx.report(found.field(), found.field().location(), "Envelope field \"eventId\" is a plain string; declare it as "
            + (view.format() == SchemaFormat.AVRO ? "{\"type\": \"string\", \"logicalType\": \"uuid\"}" : "{\"type\": \"string\", \"format\": \"uuid\"}")
            + " so that consumers know it holds a UUID.");
      }
    });
  }
}
