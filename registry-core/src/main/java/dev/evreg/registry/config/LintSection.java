package dev.evreg.registry.config;

import dev.evreg.compat.Suggestions;
import dev.evreg.compat.RuleCatalog;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.Names;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code lint:} which conventions {@code evreg lint} and {@code evreg check} enforce. Every rule id
 * or category named anywhere must exist; the error suggests the nearest one.
 */
final class LintSection implements ConfigSection<LintConfig> {

  private static final List<String> KEYS = List.of("profile", "use", "except", "severity", "ignore", "envelope",
      "fieldCase", "piiWords");

  @Override
  public String key() {
    return "lint";
  }

  @Override
  public LintConfig defaults() {
    return LintConfig.DEFAULTS;
  }

  @Override
  public LintConfig parse(YamlNode value) {
    Map<String, YamlNode> m = value.mapping("lint", KEYS);
    LintConfig c = LintConfig.DEFAULTS;
    if (m.containsKey("profile")) {
      String profile = m.get("profile").scalar("lint.profile").trim();
      if (profile.equals(LintConfig.CLOUDEVENTS_PROFILE)) {
        c = c.withEnvelope(LintConfig.cloudEvents());
      } else if (!profile.equals(LintConfig.DEFAULT_PROFILE)) {
        throw m.get("profile").error("unknown lint profile \"" + profile + "\""
            + Suggestions.hint(profile, List.of(LintConfig.DEFAULT_PROFILE, LintConfig.CLOUDEVENTS_PROFILE)));
      }
    }
    Set<String> names = ruleNames();
    if (m.containsKey("use")) {
      c = c.withUse(ids(m.get("use"), "lint.use", names));
    }
    if (m.containsKey("except")) {
      c = c.withExcept(ids(m.get("except"), "lint.except", names));
    }
    if (m.containsKey("severity")) {
      Map<String, String> severities = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode> e : m.get("severity").mapping("lint.severity", null).entrySet()) {
        known(e.getKey(), e.getValue(), names);
        String level = e.getValue().scalar("a severity").trim().toLowerCase(Locale.ROOT);
        if (!List.of("error", "warning", "info", "off").contains(level)) {
          throw e.getValue().error("unknown severity \"" + level + "\"" + Suggestions.hint(level, List.of("error", "warning", "info", "off")));
        }
        severities.put(e.getKey(), level);
      }
      c = c.withSeverity(severities);
    }
    if (m.containsKey("ignore")) {
      List<LintConfig.PathIgnore> ignores = new ArrayList<>();
      for (YamlNode item : m.get("ignore").sequence("lint.ignore")) {
        Map<String, YamlNode> i = item.mapping("an ignore", List.of("path", "rules"));
        if (!i.containsKey("path") || !i.containsKey("rules")) {
          throw item.error("an ignore needs \"path\" (a glob) and \"rules\" (rule ids, or \"*\" for all)");
        }
        String glob = i.get("path").scalar("lint.ignore path");
        Set<String> rules = new LinkedHashSet<>();
        for (YamlNode r : i.get("rules").sequence("lint.ignore rules")) {
          String id = r.scalar("a rule id").trim();
          if (!id.equals("*")) {
            known(id, r, names);
          }
          rules.add(id);
        }
        ignores.add(new LintConfig.PathIgnore(glob, rules));
      }
      c = c.withIgnore(ignores);
    }
    if (m.containsKey("envelope")) {
      c = c.withEnvelope(envelope(m.get("envelope"), c.envelope()));
    }
    if (m.containsKey("fieldCase")) {
      Map<SchemaFormat, Names.Case> cases = new EnumMap<>(SchemaFormat.class);
      cases.putAll(c.fieldCase());
      for (Map.Entry<String, YamlNode> e : m.get("fieldCase").mapping("lint.fieldCase", List.of("avro", "json", "protobuf")).entrySet()) {
        SchemaFormat f = SchemaFormat.fromName(e.getKey()).orElseThrow();
        cases.put(f, e.getValue().scalar("a case style", Names.Case::parse));
      }
      c = c.withFieldCase(cases);
    }
    if (m.containsKey("piiWords")) {
      List<String> words = new ArrayList<>();
      for (YamlNode w : m.get("piiWords").sequence("lint.piiWords")) {
        String word = w.scalar("a word").trim();
        if (word.isEmpty() || word.equals("=")) {
          throw w.error("an empty PII word");
        }
        words.add(word);
      }
      c = c.withPiiWords(words);
    }
    return c;
  }

  private static LintConfig.Envelope envelope(YamlNode node, LintConfig.Envelope base) {
    Map<String, YamlNode> m = node.mapping("lint.envelope", List.of("fields", "containers"));
    List<LintConfig.EnvelopeField> fields = base.fields();
    if (m.containsKey("fields")) {
      fields = new ArrayList<>();
      for (YamlNode item : m.get("fields").sequence("lint.envelope.fields")) {
        Map<String, YamlNode> f = item.mapping("an envelope field", List.of("name", "type", "required"));
        if (!f.containsKey("name")) {
          throw item.error("an envelope field needs \"name\"");
        }
        String name = f.get("name").scalar("a field name").trim();
        LintConfig.Expect type = f.containsKey("type") ? f.get("type").scalar("an envelope field type", t -> {
          String k = t.trim().toUpperCase(Locale.ROOT).replace('-', '_');
          try {
            return LintConfig.Expect.valueOf(k);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown envelope field type \"" + t + "\"; expected string, timestamp, timestamp-or-string or string-or-integer");
          }
        }) : LintConfig.Expect.STRING;
        boolean required = !f.containsKey("required") || f.get("required").scalar("required", s -> switch (s.trim()) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new IllegalArgumentException("required is true or false, not \"" + s + "\"");
        });
        fields.add(new LintConfig.EnvelopeField(name, type, required));
      }
    }
    List<String> containers = base.containers();
    if (m.containsKey("containers")) {
      containers = new ArrayList<>();
      for (YamlNode c : m.get("containers").sequence("lint.envelope.containers")) {
        containers.add(c.scalar("a record name").trim());
      }
    }
    return new LintConfig.Envelope(base.profile(), fields, containers);
  }

  private static Set<String> ids(YamlNode node, String what, Set<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (YamlNode n : node.sequence(what)) {
      String id = n.scalar("a rule id or category").trim().toUpperCase(Locale.ROOT);
      known(id, n, names);
      out.add(id);
    }
    return out;
  }

  private static void known(String id, YamlNode at, Set<String> names) {
    if (!names.contains(id)) {
      throw at.error("unknown rule id or category \"" + id + "\"" + Suggestions.nearest(id, names)
          .map(s -> "; did you mean \"" + s + "\"?").orElse("; 'evreg rules' lists them"));
    }
  }

  /** Every rule id and category of the catalogue. */
  static Set<String> ruleNames() {
    Set<String> names = new TreeSet<>(RuleCatalog.categories());
    RuleCatalog.builtIn().forEach(r -> names.add(r.id()));
    return names;
  }
}
