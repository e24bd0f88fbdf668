package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import java.util.Optional;

/** A required envelope field (eventId, eventType, occurredAt, source, correlationId) is absent. */
public final class EnvelopeFieldMissing implements LintRule {

  static final RuleInfo INFO = new RuleInfo("ENVELOPE_FIELD_MISSING", "ENVELOPE", Severity.ERROR,
      "The event lacks a required envelope field");

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
      if (!ef.required() || EnvelopeLookup.find(view, envelope, name).isPresent()) {
        continue;
      }
      Optional<Field> near = EnvelopeLookup.nearMiss(view, envelope, name);
      String hint = near.map(f -> "; \"" + f.name() + "\" is there, but the field must be named \"" + name + "\"")
          .orElse("; add it as " + EnvelopeLookup.howToWrite(view.format(), ef.type()));
      ctx.report(view.event(), near.map(Field::location).orElse(view.event().location()),
          "Event \"" + view.event().name() + "\" has no " + envelope.noun() + " \"" + name + "\" (looked "
              + EnvelopeLookup.lookedIn(view, envelope) + ")" + hint + ".");
    }
  }
}
