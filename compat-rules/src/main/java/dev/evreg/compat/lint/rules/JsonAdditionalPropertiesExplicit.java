package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.jsonschema.JsonSchemaDocument;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.RecordType;

/**
 * JSON Schema objects state {@code additionalProperties}: whether an object is open or closed
 * decides which changes are compatible later (adding an optional property to an open object
 * breaks under the STRICT policy), so it should be a decision, not a default.
 */
public final class JsonAdditionalPropertiesExplicit implements LintRule {

  static final RuleInfo INFO = new RuleInfo("JSON_ADDITIONAL_PROPERTIES_EXPLICIT", "EVOLUTION", Severity.WARNING,
      "A JSON Schema object does not state additionalProperties");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    if (ctx.view().format() != SchemaFormat.JSON) {
      return;
    }
    JsonSchemaDocument doc = (JsonSchemaDocument) ctx.schema();
    for (RecordType r : ctx.view().records()) {
      JsonValue node = doc.root().at(r.location().pointer());
      if (node instanceof JsonObject o && !o.has("additionalProperties") && !o.has("unevaluatedProperties")) {
        ctx.report(r, r.location(), "Object \"" + r.name() + "\" does not state \"additionalProperties\"; set it to false to close "
            + "the object (adding optional properties stays compatible), or to true to keep it open on purpose.");
      }
    }
  }
}
