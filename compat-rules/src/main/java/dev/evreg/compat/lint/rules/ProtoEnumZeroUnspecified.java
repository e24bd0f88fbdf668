package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.EnumType;

/** A Protobuf enum's zero value is named {@code <ENUM>_UNSPECIFIED}: it is what readers see when the field is unset. */
public final class ProtoEnumZeroUnspecified implements LintRule {

  static final RuleInfo INFO = new RuleInfo("PROTO_ENUM_ZERO_UNSPECIFIED", "EVOLUTION", Severity.WARNING,
      "A Protobuf enum's zero value is not named *_UNSPECIFIED");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    if (ctx.view().format() != SchemaFormat.PROTOBUF) {
      return;
    }
    for (EnumType e : ctx.view().enums()) {
      String expected = Names.Case.UPPER_SNAKE.convert(e.name()) + "_UNSPECIFIED";
      for (EnumType.Symbol s : e.symbols()) {
        if (s.number() == 0 && !s.name().endsWith("_UNSPECIFIED")) {
          ctx.report(e, s.location(), "The zero value \"" + s.name() + "\" of enum \"" + e.name() + "\" should be named \"" + expected
              + "\": readers see it whenever the field is unset, so it should not mean anything else.");
        }
      }
    }
  }
}
