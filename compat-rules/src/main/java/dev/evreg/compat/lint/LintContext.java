package dev.evreg.compat.lint;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.model.EventSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule sees: the parsed schema, its neutral view and the configuration; and where it
 * reports. {@code element} is the record, field or enum a finding is about (for inline
 * ignores), or null for the file.
 */
public final class LintContext {

  /** A violation as a rule reports it, before ignores and severity overrides apply. */
  record Raw(RuleInfo rule, Object element, Location location, String message) {}

  private final ParsedSchema schema;
  private final String path;
  private final LintConfig config;
  private final List<Raw> reported = new ArrayList<>();
  private RuleInfo current;

  LintContext(ParsedSchema schema, String path, LintConfig config) {
    this.schema = schema;
    this.path = path.replace('\\', '/');
    this.config = config;
  }

  public ParsedSchema schema() {
    return schema;
  }

  /** The file's path as the project names it ('/' separators), for folder conventions; no commit label. */
  public String path() {
    return path;
  }

  public EventSchema view() {
    return schema.view();
  }

  public LintConfig config() {
    return config;
  }

  void running(RuleInfo rule) {
    current = rule;
  }

  /** Reports a violation of the running rule; {@code message} is a sentence with the fix. */
  public void report(Object element, Location location, String message) {
    reported.add(new Raw(current, element, location, message));
  }

  List<Raw> reported() {
    return reported;
  }

  static Finding finding(Raw r, dev.evreg.compat.Severity severity) {
    return new Finding(r.rule().id(), severity, r.message(), r.location(), null);
  }
}
