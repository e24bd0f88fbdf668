package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;

/** Protobuf fields are not proto2 {@code required}: a required field can never be removed compatibly. */
public final class ProtoNoRequired implements LintRule {

  static final RuleInfo INFO = new RuleInfo("PROTO_NO_REQUIRED", "EVOLUTION", Severity.ERROR,
      "A Protobuf field is declared required");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    if (ctx.view().format() != SchemaFormat.PROTOBUF) {
      return;
    }
    for (RecordType r : ctx.view().records()) {
      for (Field f : r.fields()) {
        if (!f.optional()) {
          ctx.report(f, f.location(), "Field \"" + f.name() + "\" of \"" + r.name() + "\" is required; make it optional, since a "
              + "required field can never be removed or stop being sent without breaking readers.");
        }
      }
    }
  }
}
