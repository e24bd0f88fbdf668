package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.EnumType;

/** Enum symbols are UPPER_SNAKE_CASE. */
public final class EnumSymbolUpperSnake implements LintRule {

  static final RuleInfo INFO = new RuleInfo("ENUM_SYMBOL_UPPER_SNAKE", "NAMING", Severity.ERROR,
      "An enum symbol is not UPPER_SNAKE_CASE");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (EnumType e : ctx.view().enums()) {
      for (EnumType.Symbol s : e.symbols()) {
        if (!Names.Case.UPPER_SNAKE.matches(s.name())) {
          ctx.report(e, s.location(), "Symbol \"" + s.name() + "\" of enum \"" + e.name() + "\" should be UPPER_SNAKE_CASE, such as \""
              + Names.Case.UPPER_SNAKE.convert(s.name()) + "\".");
        }
      }
    }
  }
}
