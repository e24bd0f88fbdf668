package dev.evreg.compat.lint;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.RuleCatalog;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.Suggestions;
import dev.evreg.compat.model.EnumType;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.source.SchemaException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the enabled lint rules on a schema and applies, in order: inline ignores
 * ({@code "x-evreg-ignore": ["RULE_ID"]} on an Avro/JSON record or field, a Protobuf comment
 * {@code // evreg:ignore RULE_ID reason} on the element or {@code // evreg:ignore-file RULE_ID}
 * anywhere), path ignores and severity overrides. An unknown rule id in an ignore is bad input.
 */
public final class Linter {

  private static final Pattern PROTO_IGNORE = Pattern.compile("evreg:ignore\\s+([A-Z][A-Z0-9_]*)");
  private static final Pattern PROTO_IGNORE_FILE = Pattern.compile("evreg:ignore-file\\s+([A-Z][A-Z0-9_]*)");

  private final LintConfig config;
  /** The ignore globs, compiled on first use (lint runs files in parallel). */
  private final Map<String, PathMatcher> matchers = new ConcurrentHashMap<>();

  public Linter(LintConfig config) {
    this.config = config;
  }

  public List<Finding> lint(ParsedSchema schema) {
    return lint(schema, schema.source().path());
  }

  /**
   * Lints a schema whose file the project names {@code path}, which path ignores and folder
   * conventions use: a version from git history is displayed as {@code commit:path}.
   */
  public List<Finding> lint(ParsedSchema schema, String path) {
    LintContext ctx = new LintContext(schema, path, config);
    Path file = Path.of(ctx.path());
    for (LintRule rule : LintRules.all()) {
      if (active(rule.info(), file)) {
        ctx.running(rule.info());
        try {
          rule.check(ctx);
        } catch (StackOverflowError e) {
          throw SchemaException.tooDeep(schema.source().path(), "run lint rule " + rule.info().id());
        }
      }
    }
    return finish(ctx);
  }

  /** The rules that compare with the previous version (run by {@code evreg check}). */
  public List<Finding> lintChange(ParsedSchema previous, ParsedSchema schema) {
    LintContext ctx = new LintContext(schema, schema.source().path(), config);
    for (ChangeLintRule rule : LintRules.changeRules()) {
      if (active(rule.info(), Path.of(ctx.path())) && previous.format() == schema.format()) {
        ctx.running(rule.info());
        rule.check(previous, ctx);
      }
    }
    return finish(ctx);
  }

  private boolean active(RuleInfo r, Path path) {
    // CloudEvents attribute rules belong to that profile; the envelope rules serve both profiles.
    if (r.category().equals("CLOUDEVENTS") && !config.envelope().profile().equals(LintConfig.CLOUDEVENTS_PROFILE)) {
      return false;
    }
    return config.enabled(r.id(), r.category()) && config.severityOf(r.id(), r.category(), r.defaultSeverity()).isPresent()
        && !ignoredByPath(r.id(), path);
  }

  private boolean ignoredByPath(String ruleId, Path path) {
    for (LintConfig.PathIgnore ig : config.ignore()) {
      if ((ig.rules().contains(ruleId) || ig.rules().contains("*"))
          && matchers.computeIfAbsent(ig.glob(), g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).matches(path)) {
        return true;
      }
    }
    return false;
  }

  private List<Finding> finish(LintContext ctx) {
    ParsedSchema schema = ctx.schema();
    Map<Object, Object> owners = owners(schema);
    Set<String> fileIgnores = fileIgnores(schema);
    Map<Object, Set<String>> ignores = new IdentityHashMap<>();
    List<Finding> out = new ArrayList<>();
    for (LintContext.Raw r : ctx.reported()) {
      if (fileIgnores.contains(r.rule().id()) || ignored(r.rule().id(), r.element(), owners, schema, ignores)) {
        continue;
      }
      Optional<Severity> s = config.severityOf(r.rule().id(), r.rule().category(), r.rule().defaultSeverity());
      s.ifPresent(sev -> out.add(LintContext.finding(r, sev)));
    }
    out.sort(Comparator.comparingInt((Finding f) -> f.location().line()).thenComparingInt(f -> f.location().column())
        .thenComparing(Finding::ruleId));
    return out;
  }

  /** Each field's record, each record's file root: an ignore on a record covers its fields. */
  private static Map<Object, Object> owners(ParsedSchema schema) {
    Map<Object, Object> owners = new IdentityHashMap<>();
    for (RecordType r : schema.view().records()) {
      for (Field f : r.fields()) {
        owners.put(f, r);
      }
    }
    return owners;
  }

  /** Whether the element, its record or the event ignores the rule; {@code seen} keeps each element's ignores. */
  private boolean ignored(String ruleId, Object element, Map<Object, Object> owners, ParsedSchema schema,
      Map<Object, Set<String>> seen) {
    for (Object e = element; e != null; e = owners.get(e)) {
      if (seen.computeIfAbsent(e, x -> ignores(x, schema)).contains(ruleId)) {
        return true;
      }
    }
    Object event = schema.view().event();
    return event != null && seen.computeIfAbsent(event, x -> ignores(x, schema)).contains(ruleId);
  }

  /** The rule ids an element ignores, each checked against the catalogue. */
  private static Set<String> ignores(Object element, ParsedSchema schema) {
    Set<String> ids = new HashSet<>();
    Location at;
    if (schema.format() == SchemaFormat.PROTOBUF) {
      String doc = element instanceof RecordType r ? r.doc() : element instanceof Field f ? f.doc() : element instanceof EnumType e ? e.doc() : "";
      Matcher m = PROTO_IGNORE.matcher(doc == null ? "" : doc);
      while (m.find()) {
        ids.add(m.group(1));
      }
      at = location(element);
    } else {
      Map<String, Object> props = element instanceof RecordType r ? r.properties() : element instanceof Field f ? f.properties() : Map.of();
      Object v = props.get("x-evreg-ignore");
      if (v instanceof List<?> list) {
        list.forEach(x -> ids.add(String.valueOf(x)));
      } else if (v != null) {
        for (String s : String.valueOf(v).split(",")) {
          ids.add(s.trim());
        }
      }
      at = location(element);
    }
    for (String id : ids) {
      if (RuleCatalog.find(id).isEmpty()) {
        throw new SchemaException(at == null ? schema.source().path() : at.path(), at == null ? 0 : at.line(),
            at == null ? 0 : at.column(), unknownRule(id));
      }
    }
    return ids;
  }

  private static Set<String> fileIgnores(ParsedSchema schema) {
    Set<String> ids = new HashSet<>();
    if (schema.format() == SchemaFormat.PROTOBUF) {
      Matcher m = PROTO_IGNORE_FILE.matcher(schema.source().text());
      while (m.find()) {
        if (RuleCatalog.find(m.group(1)).isEmpty()) {
          dev.evreg.compat.source.Position p = dev.evreg.compat.source.Position.at(schema.source().text(), m.start(1));
          throw new SchemaException(schema.source().path(), p, unknownRule(m.group(1)));
        }
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  private static Location location(Object element) {
    if (element instanceof RecordType r) {
      return r.location();
    }
    if (element instanceof Field f) {
      return f.location();
    }
    return element instanceof EnumType e ? e.location() : null;
  }

  /** "unknown rule id "X"; did you mean "Y"?" */
  public static String unknownRule(String id) {
    return unknownRule(id, "rule id");
  }

  /** The same, naming what was expected ({@code rule id or category} where categories count too). */
  public static String unknownRule(String id, String what) {
    return "unknown " + what + " \"" + id + "\"" + suggestion(id).map(s -> "; did you mean \"" + s + "\"?")
        .orElse("; run 'evreg rules' for the list");
  }

  /** The catalogue id nearest to {@code id} by edit distance, when it is near. */
  public static Optional<String> suggestion(String id) {
    return Suggestions.nearest(id, RuleCatalog.builtIn().stream().map(RuleInfo::id).toList(), 3);
  }

  /** Validates the rule ids and categories a configuration names; the first unknown one is reported. */
  public static Optional<String> unknownIdIn(LintConfig config) {
    Set<String> categories = RuleCatalog.categories();
    List<String> named = new ArrayList<>(config.use());
    named.addAll(config.except());
    named.addAll(config.severity().keySet());
    config.ignore().forEach(i -> named.addAll(i.rules()));
    for (String n : named) {
      if (!n.equals("*") && !categories.contains(n) && RuleCatalog.find(n).isEmpty()) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
