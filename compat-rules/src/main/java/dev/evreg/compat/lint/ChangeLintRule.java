package dev.evreg.compat.lint;

import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.RuleInfo;

/** A convention that needs the previous version too; it runs where history is known ({@code evreg check}). */
public interface ChangeLintRule {

  RuleInfo info();

  /** Checks {@code context}'s schema against {@code previous}, of the same format. */
  void check(ParsedSchema previous, LintContext context);
}
