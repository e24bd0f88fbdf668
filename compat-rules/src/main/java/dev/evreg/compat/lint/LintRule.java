package dev.evreg.compat.lint;

import dev.evreg.compat.RuleInfo;

/** One convention, with its catalogue entry; it reports through the context and never throws for a finding. */
public interface LintRule {

  RuleInfo info();

  /** Checks one schema; reports each violation with {@link LintContext#report}. */
  void check(LintContext context);
}
