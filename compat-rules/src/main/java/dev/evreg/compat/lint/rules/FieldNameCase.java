package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;

/** Field names follow the configured case: camelCase for Avro and JSON Schema, lower_snake_case for Protobuf. */
public final class FieldNameCase implements LintRule {

  static final RuleInfo INFO = new RuleInfo("FIELD_NAME_CASE", "NAMING", Severity.ERROR,
      "A field name is not in the configured case");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    Names.Case style = ctx.config().fieldCase().get(ctx.view().format());
    if (style == null) {
      return;
    }
    for (RecordType r : ctx.view().records()) {
      for (Field f : r.fields()) {
        if (!style.matches(f.name())) {
          ctx.report(f, f.location(), "Field \"" + f.name() + "\" of \"" + r.name() + "\" should be " + style.label()
              + ", such as \"" + style.convert(f.name()) + "\".");
        }
      }
    }
  }
}
