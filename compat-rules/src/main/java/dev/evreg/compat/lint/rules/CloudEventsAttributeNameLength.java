package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.Field;

/** CloudEvents attribute names should be at most 20 characters long. */
public final class CloudEventsAttributeNameLength implements LintRule {

  static final RuleInfo INFO = new RuleInfo("CLOUDEVENTS_ATTRIBUTE_NAME_LENGTH", "CLOUDEVENTS", Severity.WARNING,
      "A CloudEvents attribute name is longer than 20 characters");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (Field f : EnvelopeLookup.cloudEventsAttributes(ctx.view())) {
      if (f.name().length() > 20) {
        ctx.report(f, f.location(), "CloudEvents attribute \"" + f.name() + "\" has " + f.name().length()
            + " characters; the specification recommends at most 20 so that every transport can carry it.");
      }
    }
  }
}
