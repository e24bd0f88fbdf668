package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;

/** A field has no documentation. */
public final class FieldDocMissing implements LintRule {

  static final RuleInfo INFO = new RuleInfo("FIELD_DOC_MISSING", "DOCS", Severity.WARNING, "A field has no documentation");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (RecordType r : ctx.view().records()) {
      for (Field f : r.fields()) {
        if (f.doc().isBlank()) {
          ctx.report(f, f.location(), "Field \"" + f.name() + "\" of \"" + r.name() + "\" has no documentation; say what it holds in "
              + EventDocMissing.DocWords.of(ctx.view().format()) + ".");
        }
      }
    }
  }
}
