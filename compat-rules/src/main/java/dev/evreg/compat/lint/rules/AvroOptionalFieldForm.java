package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.model.TypeRef;

/**
 * Avro optional fields are written {@code ["null", T]} with {@code "default": null}: null
 * first, so that the default can be null, and a default, so that the field can be added and
 * removed compatibly.
 */
public final class AvroOptionalFieldForm implements LintRule {

  static final RuleInfo INFO = new RuleInfo("AVRO_OPTIONAL_FIELD_FORM", "EVOLUTION", Severity.WARNING,
      "An Avro optional field is not [\"null\", T] with \"default\": null");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    if (ctx.view().format() != SchemaFormat.AVRO) {
      return;
    }
    for (RecordType r : ctx.view().records()) {
      for (Field f : r.fields()) {
        TypeRef t = f.type();
        if (t.kind() != TypeRef.Kind.UNION || t.arguments().stream().noneMatch(a -> a.kind() == TypeRef.Kind.NULL)) {
          continue;
        }
        boolean nullFirst = t.arguments().get(0).kind() == TypeRef.Kind.NULL;
        boolean nullDefault = "null".equals(f.defaultJson());
        if (!nullFirst || !nullDefault) {
          ctx.report(f, f.location(), "Optional field \"" + f.name() + "\" of \"" + r.name() + "\" should be declared as "
              + "[\"null\", ...] with \"default\": null" + (nullFirst ? "" : " (null first)") + (nullDefault ? "" : " (it has "
              + (f.defaultJson() == null ? "no default" : "default " + f.defaultJson()) + ")") + ", so that it can be added and removed compatibly.");
        }
      }
    }
  }
}
