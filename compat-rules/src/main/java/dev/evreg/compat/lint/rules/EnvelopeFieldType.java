package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.EventSchema;

/** An envelope field has the wrong type (occurredAt must be a timestamp, eventId a string, ...). */
public final class EnvelopeFieldType implements LintRule {

  static final RuleInfo INFO = new RuleInfo("ENVELOPE_FIELD_TYPE", "ENVELOPE", Severity.ERROR,
      "An envelope field has the wrong type");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    EventSchema view = ctx.view();
    if (view.event() == null) {
      return;
    }
    LintConfig.Envelope envelope = ctx.config().envelope();
    for (LintConfig.EnvelopeField ef : envelope.fields()) {
      String name = EnvelopeLookup.nameIn(view.format(), ef.name());
      EnvelopeLookup.find(view, envelope, name).ifPresent(found -> {
        if (!EnvelopeLookup.hasType(found.field().type(), ef.type())) {
          ctx.report(found.field(), found.field().location(),
              Names.capitalize(ctx.config().envelope().noun()) + " \"" + name + "\" is " + EnvelopeLookup.describe(found.field().type()) + ", but it must be "
                  + ef.type().label() + "; declare it as " + EnvelopeLookup.howToWrite(view.format(), ef.type()) + ".");
        }
      });
    }
  }
}
