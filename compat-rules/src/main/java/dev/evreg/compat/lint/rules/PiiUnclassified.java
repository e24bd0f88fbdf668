package dev.evreg.compat.lint.rules;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;
import java.util.List;
import java.util.Locale;

/**
 * Fields whose names look personal (email, phone, address, birth date, IP, name, SSN or tax id;
 * the words are configurable) carry a classification: Avro or JSON Schema {@code "pii"} or
 * {@code "x-pii"} (true or false), a Protobuf field option whose name contains "pii", or an
 * {@code @pii} tag in the field's comment.
 */
public final class PiiUnclassified implements LintRule {

  static final RuleInfo INFO = new RuleInfo("PII_UNCLASSIFIED", "PII", Severity.WARNING,
      "A field that looks personal has no PII classification");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    List<Entry> entries = entries(ctx.config().piiWords());
    for (RecordType r : ctx.view().records()) {
      for (Field f : r.fields()) {
        String word = personal(f.name(), entries);
        if (word != null && !classified(f, ctx.view().format())) {
          ctx.report(f, f.location(), "Field \"" + f.name() + "\" of \"" + r.name() + "\" looks like personal data (\"" + word
              + "\") but has no classification; mark it " + how(ctx.view().format()) + " (false if it is not personal).");
        }
      }
    }
  }

  /** A configured entry: its words, and whether they must be the whole name. */
  record Entry(String text, List<String> words, boolean whole) {}

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  static List<Entry> entries(List<String> configured) {
    return configured.stream().map(e -> {
      boolean whole = e.startsWith("=");
      String text = e.substring(whole ? 1 : 0).trim();
      return new Entry(text, List.of(SPACES.split(text.toLowerCase(Locale.ROOT))), whole);
    }).toList();
  }

  /** The entry that marks {@code name} as personal, or null. */
  static String personal(String name, List<Entry> entries) {
    List<String> parts = Names.words(name).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    for (Entry e : entries) {
      if (e.whole() ? parts.equals(e.words()) : java.util.Collections.indexOfSubList(parts, e.words()) >= 0) {
        return e.text();
      }
    }
    return null;
  }

  private static boolean classified(Field f, SchemaFormat format) {
    if (format == SchemaFormat.PROTOBUF) {
      return f.properties().keySet().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains("pii"))
          || f.doc().toLowerCase(Locale.ROOT).contains("@pii");
    }
    return f.properties().containsKey("pii") || f.properties().containsKey("x-pii");
  }

  private static String how(SchemaFormat format) {
    return format == SchemaFormat.PROTOBUF ? "with an option such as [(acme.pii) = true] or an \"@pii\" tag in its comment"
        : "with \"pii\": true";
  }
}
