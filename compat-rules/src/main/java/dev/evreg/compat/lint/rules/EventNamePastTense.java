package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.RecordType;

/**
 * Events name facts, so their names read in the past tense (OrderPlaced, PaymentFailed,
 * UserSignedUp), unlike commands (CreateOrder) or nouns (OrderUpdate). A heuristic with a list
 * of irregular verbs; a warning.
 */
public final class EventNamePastTense implements LintRule {

  static final RuleInfo INFO = new RuleInfo("EVENT_NAME_PAST_TENSE", "NAMING", Severity.WARNING,
      "The event name does not read in the past tense");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    RecordType event = ctx.view().event();
    if (event == null || !Names.Case.PASCAL.matches(event.name()) || Names.isPastTense(event.name())) {
      return;
    }
    String suggestion = Names.suggestPastTense(event.name());
    ctx.report(event, event.location(), "Event name \"" + event.name() + "\" should say what happened, in the past tense"
        + (suggestion != null ? ", such as \"" + suggestion + "\"" : ", such as \"OrderPlaced\" or \"PaymentFailed\"") + ".");
  }
}
