package dev.evreg.registry.config;

import dev.evreg.compat.Suggestions;
import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.ProtoRules;
import dev.evreg.compat.RuleCatalog;
import dev.evreg.compat.RuleInfo;
import dev.evreg.registry.Fingerprint;
import dev.evreg.registry.RegistryRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The sections of {@code evreg.yaml}, in the order {@code evreg init} writes them. */
public final class ConfigSections {

  private ConfigSections() {}

  private static final List<String> SETTINGS = List.of("level", "jsonPolicy", "protoRules");

  /** {@code schemas:} which files hold schemas and how subjects are named. */
  public static final ConfigSection<SchemaPaths> SCHEMAS = new ConfigSection<>() {
    @Override
    public String key() {
      return "schemas";
    }

    @Override
    public SchemaPaths defaults() {
      return SchemaPaths.DEFAULTS;
    }

    @Override
    public SchemaPaths parse(YamlNode value) {
      Map<String, YamlNode> m = value.mapping("schemas", List.of("paths", "naming"));
      List<Glob> globs = new ArrayList<>();
      YamlNode paths = m.get("paths");
      if (paths != null) {
        for (YamlNode p : paths.sequence("schemas.paths")) {
          globs.add(p.scalar("a schema path pattern", Glob::of));
        }
        if (globs.isEmpty()) {
          throw paths.error("schemas.paths is empty; list at least one pattern, such as \"schemas/**\"");
        }
      } else {
        globs.addAll(SchemaPaths.DEFAULTS.globs());
      }
      SubjectNaming naming = m.containsKey("naming")
          ? m.get("naming").scalar("schemas.naming", SubjectNaming::parse) : SubjectNaming.PATH;
      return new SchemaPaths(globs, naming);
    }
  };

  /** {@code baseBranch:} the branch whose first-parent history holds the versions. */
  public static final ConfigSection<String> BASE_BRANCH = new ConfigSection<>() {
    @Override
    public String key() {
      return "baseBranch";
    }

    @Override
    public String defaults() {
      return "main";
    }

    @Override
    public String parse(YamlNode value) {
      String name = value.scalar("baseBranch").trim();
      if (name.isEmpty() || name.contains(" ") || name.contains("..")) {
        throw value.error("baseBranch \"" + name + "\" is not a branch name");
      }
      return name;
    }
  };

  /** {@code compatibility:} levels, policies and per-subject overrides. */
  public static final ConfigSection<CompatibilitySettings> COMPATIBILITY = new ConfigSection<>() {
    @Override
    public String key() {
      return "compatibility";
    }

    @Override
    public CompatibilitySettings defaults() {
      return CompatibilitySettings.DEFAULTS;
    }

    @Override
    public CompatibilitySettings parse(YamlNode value) {
      List<String> keys = new ArrayList<>(SETTINGS);
      keys.add("subjects");
      Map<String, YamlNode> m = value.mapping("compatibility", keys);
      CompatibilitySettings d = CompatibilitySettings.DEFAULTS;
      Level level = m.containsKey("level") ? level(m.get("level")) : d.level();
      JsonPolicy policy = m.containsKey("jsonPolicy") ? policy(m.get("jsonPolicy")) : d.jsonPolicy();
      ProtoRules rules = m.containsKey("protoRules") ? protoRules(m.get("protoRules")) : d.protoRules();
      List<SubjectOverride> overrides = new ArrayList<>();
      YamlNode subjects = m.get("subjects");
      if (subjects != null) {
        for (Map.Entry<String, YamlNode> e : subjects.mapping("compatibility.subjects", null).entrySet()) {
          Glob glob;
          try {
            glob = Glob.of(e.getKey());
          } catch (IllegalArgumentException ex) {
            throw e.getValue().error(ex.getMessage());
          }
          YamlNode v = e.getValue();
          if (v.isScalar()) {
            overrides.add(new SubjectOverride(glob, level(v), null, null, v.line()));
            continue;
          }
          Map<String, YamlNode> o = v.mapping("the settings of \"" + e.getKey() + "\"", SETTINGS);
          overrides.add(new SubjectOverride(glob,
              o.containsKey("level") ? level(o.get("level")) : null,
              o.containsKey("jsonPolicy") ? policy(o.get("jsonPolicy")) : null,
              o.containsKey("protoRules") ? protoRules(o.get("protoRules")) : null, v.line()));
        }
      }
      return new CompatibilitySettings(level, policy, rules, overrides);
    }
  };

  /** {@code waivers:} accepted breaking changes, each tied to the exact pair of schemas. */
  public static final ConfigSection<List<Waiver>> WAIVERS = new ConfigSection<>() {
    @Override
    public String key() {
      return "waivers";
    }

    @Override
    public List<Waiver> defaults() {
      return List.of();
    }

    @Override
    public List<Waiver> parse(YamlNode value) {
      Set<String> rules = new TreeSet<>();
      RuleCatalog.builtIn().stream().map(RuleInfo::id).forEach(rules::add);
      RegistryRule.all().stream().map(RuleInfo::id).forEach(rules::add);
      List<Waiver> waivers = new ArrayList<>();
      for (YamlNode item : value.sequence("waivers")) {
        if (!item.isMapping()) {
          throw item.error("a waiver must be a mapping with subject, rule, reason, old and new");
        }
        Map<String, YamlNode> w = item.mapping("a waiver", List.of("subject", "rule", "reason", "old", "new"));
        String subject = required(item, w, "subject").scalar("subject");
        YamlNode ruleNode = required(item, w, "rule");
        String rule = ruleNode.scalar("rule");
        if (!rules.contains(rule)) {
          throw ruleNode.error("unknown rule \"" + rule + "\"" + Suggestions.nearest(rule, rules)
              .map(s -> "; did you mean \"" + s + "\"?").orElse("; 'evreg rules' lists the rule ids"));
        }
        String reason = required(item, w, "reason").scalar("reason").trim();
        if (reason.isEmpty()) {
          throw w.get("reason").error("the reason of a waiver must say why the break is accepted");
        }
        Fingerprint old = fingerprint(required(item, w, "old"));
        Fingerprint neu = null;
        if (w.containsKey("new") && !w.get("new").isNull()) {
          neu = fingerprint(w.get("new"));
        } else if (!rule.equals(RegistryRule.SUBJECT_DELETED.id())) {
          throw item.error("a waiver needs \"new\": the fingerprint of the accepted schema ('evreg check --output json' prints it)");
        }
        waivers.add(new Waiver(subject, rule, reason, old, neu, item.line()));
      }
      return List.copyOf(waivers);
    }
  };

  /** {@code lint:} the conventions evreg lint and evreg check enforce. */
  public static final ConfigSection<dev.evreg.compat.lint.LintConfig> LINT = new LintSection();

  /** Every section; a top-level key that none of them claims is an error. */
  public static final List<ConfigSection<?>> ALL = List.of(SCHEMAS, BASE_BRANCH, COMPATIBILITY, WAIVERS, LINT);

  private static YamlNode required(YamlNode item, Map<String, YamlNode> m, String key) {
    YamlNode v = m.get(key);
    if (v == null || v.isNull()) {
      throw item.error("a waiver needs \"" + key + "\"");
    }
    return v;
  }

  private static Fingerprint fingerprint(YamlNode n) {
    return n.scalar("a fingerprint", text -> {
      try {
        return Fingerprint.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("\"" + text + "\" is not a fingerprint (sha256: and 64 hex digits, "
            + "as 'evreg show' prints it)");
      }
    });
  }

  static Level level(YamlNode n) {
    return choice(n, "compatibility level", Arrays.stream(Level.values()).map(Level::name).toList(), Level::parse);
  }

  static JsonPolicy policy(YamlNode n) {
    return choice(n, "JSON Schema policy", List.of("strict", "lenient"), JsonPolicy::parse);
  }

  static ProtoRules protoRules(YamlNode n) {
    return choice(n, "Protobuf rule set", List.of("registry", "wire", "wire-json"), ProtoRules::parse);
  }

  private static <T> T choice(YamlNode n, String what, List<String> names, Function<String, T> parse) {
    String text = n.scalar(what).trim();
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw n.error("unknown " + what + " \"" + text + "\"" + Suggestions.hint(text, names));
    }
  }
}
