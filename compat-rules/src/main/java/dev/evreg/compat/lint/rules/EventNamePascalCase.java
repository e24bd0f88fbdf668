package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.RecordType;

/** Event names are PascalCase: OrderPlaced, not order_placed or orderPlaced. */
public final class EventNamePascalCase implements LintRule {

  static final RuleInfo INFO = new RuleInfo("EVENT_NAME_PASCAL_CASE", "NAMING", Severity.ERROR,
      "The event name is not PascalCase");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    RecordType event = ctx.view().event();
    if (event != null && !Names.Case.PASCAL.matches(event.name())) {
      ctx.report(event, event.location(), "Event name \"" + event.name() + "\" should be PascalCase, such as \""
          + Names.Case.PASCAL.convert(event.name()) + "\".");
    }
  }
}
