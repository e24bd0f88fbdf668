package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.RecordType;

/** The event has no documentation: Avro "doc", JSON Schema "description", a Protobuf leading comment. */
public final class EventDocMissing implements LintRule {

  static final RuleInfo INFO = new RuleInfo("EVENT_DOC_MISSING", "DOCS", Severity.WARNING, "The event has no documentation");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    RecordType event = ctx.view().event();
    if (event != null && event.doc().isBlank()) {
      ctx.report(event, event.location(), "Event \"" + event.name() + "\" has no documentation; say when it is emitted in "
          + DocWords.of(ctx.view().format()) + ".");
    }
  }

  /** Where documentation is written in each format. */
  static final class DocWords {
    private DocWords() {}

    static String of(SchemaFormat f) {
      return switch (f) {
        case AVRO -> "a \"doc\"";
        case JSON -> "a \"description\"";
        case PROTOBUF -> "a comment above it";
      };
    }
  }
}
