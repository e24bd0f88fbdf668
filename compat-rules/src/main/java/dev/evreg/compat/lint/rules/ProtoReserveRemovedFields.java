package dev.evreg.compat.lint.rules;

import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.Type;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.ChangeLintRule;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.protobuf.ProtoSchema;
import dev.evreg.compat.protobuf.Reserveds;
import java.util.ArrayList;
import java.util.List;

/**
 * A Protobuf field removed since the previous version has its number and name reserved, so that
 * nobody reuses them with another meaning. Needs the previous version: {@code evreg check} runs it.
 */
public final class ProtoReserveRemovedFields implements ChangeLintRule {

  static final RuleInfo INFO = new RuleInfo("PROTO_RESERVE_REMOVED_FIELDS", "EVOLUTION", Severity.ERROR,
      "A removed Protobuf field's number and name are not reserved");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ParsedSchema previous, LintContext ctx) {
    if (ctx.view().format() != SchemaFormat.PROTOBUF) {
      return;
    }
    ProtoSchema before = (ProtoSchema) previous;
    ProtoSchema now = (ProtoSchema) ctx.schema();
    for (Type t : before.file().typesAndNestedTypes()) {
      if (!(t instanceof MessageType old) || !(now.schema().getType(t.getType()) instanceof MessageType current)) {
        continue;
      }
      Reserveds reserved = Reserveds.of(current.toElement().getReserveds(), Reserveds.FIELD_NUMBER_MAX);
      for (com.squareup.wire.schema.Field f : old.getFieldsAndOneOfFields()) {
        if (current.field(f.getTag()) != null) {
          continue;
        }
        boolean numberReserved = reserved.hasNumber(f.getTag());
        boolean nameReserved = reserved.hasName(f.getName());
        if (!numberReserved || !nameReserved) {
          List<String> missing = new ArrayList<>();
          if (!numberReserved) {
            missing.add(String.valueOf(f.getTag()));
          }
          if (!nameReserved) {
            missing.add("\"" + f.getName() + "\"");
          }
          ctx.report(null, now.location(current.getLocation(), "#/" + current.getType()),
              "Field " + f.getTag() + " (\"" + f.getName() + "\") was removed from message \"" + current.getType()
                  + "\" without reserving it; add reserved " + String.join(", ", missing) + "; to the message.");
        }
      }
    }
  }
}
