package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.Field;
import java.util.Locale;

/** CloudEvents attribute names use only lowercase letters and digits. */
public final class CloudEventsAttributeName implements LintRule {

  static final RuleInfo INFO = new RuleInfo("CLOUDEVENTS_ATTRIBUTE_NAME", "CLOUDEVENTS", Severity.ERROR,
      "A CloudEvents attribute name has characters other than lowercase letters and digits");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (Field f : EnvelopeLookup.cloudEventsAttributes(ctx.view())) {
      if (!f.name().matches("[a-z0-9]+")) {
        String fixed = f.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        ctx.report(f, f.location(), "CloudEvents attribute \"" + f.name() + "\" must use only lowercase letters a-z and digits 0-9, "
            + "such as \"" + fixed + "\".");
      }
    }
  }
}
