package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.EventSchema;

/** A required envelope field is declared optional (nullable in Avro, not required in JSON Schema). */
public final class EnvelopeFieldOptional implements LintRule {

  static final RuleInfo INFO = new RuleInfo("ENVELOPE_FIELD_OPTIONAL", "ENVELOPE", Severity.WARNING,
      "A required envelope field is declared optional");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    EventSchema view = ctx.view();
    if (view.event() == null || view.format() == SchemaFormat.PROTOBUF) {
      return; // every proto3 field is optional on the wire
    }
    LintConfig.Envelope envelope = ctx.config().envelope();
    for (LintConfig.EnvelopeField ef : envelope.fields()) {
      if (!ef.required()) {
        continue;
      }
      EnvelopeLookup.find(view, envelope, ef.name()).ifPresent(found -> {
        if (found.field().optional()) {
          ctx.report(found.field(), found.field().location(), Names.capitalize(ctx.config().envelope().noun()) + " \"" + ef.name() + "\" is optional, so events may lack it; "
              + (view.format() == SchemaFormat.AVRO ? "drop the null branch from its union" : "list it in \"required\"") + ".");
        }
      });
    }
  }
}
