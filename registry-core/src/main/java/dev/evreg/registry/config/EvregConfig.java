package dev.evreg.registry.config;

import dev.evreg.compat.source.SourceFile;
import dev.evreg.compat.source.SchemaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of {@code evreg.yaml}: one value per {@link ConfigSection}, the section's default
 * when the key (or the whole file) is absent.
 */
public final class EvregConfig {

  public static final String FILE_NAME = "evreg.yaml";

  private final Map<ConfigSection<?>, Object> values;
  private final Optional<Path> file;

  private EvregConfig(Map<ConfigSection<?>, Object> values, Optional<Path> file) {
    this.values = values;
    this.file = file;
  }

  public static EvregConfig defaults() {
    return new EvregConfig(new IdentityHashMap<>(), Optional.empty());
  }

  /** Reads {@code file}; a missing file gives the defaults when {@code required} is false. */
  public static EvregConfig load(Path file, String display, boolean required) {
    if (!Files.exists(file)) {
      if (required) {
        throw new ConfigException(display, 0, 0, "no such file");
      }
      return defaults();
    }
    String text;
    try {
      text = SourceFile.read(file, display, 1024 * 1024).text();
    } catch (SchemaException e) {
      throw new ConfigException(display, e.line(), e.column(), e.reason());
    }
    return parse(display, text, file);
  }

  /** Parses configuration text; {@code display} names the file in messages. */
  public static EvregConfig parse(String display, String text, Path file) {
    YamlNode root = YamlNode.parse(display, text);
    List<String> keys = ConfigSections.ALL.stream().map(ConfigSection::key).toList();
    if (!root.isNull() && !root.isMapping()) {
      throw root.error(display + " must be a mapping of settings (such as \"baseBranch: main\")");
    }
    Map<ConfigSection<?>, Object> values = new IdentityHashMap<>();
    Map<String, YamlNode> entries = root.mapping("the configuration", keys);
    for (ConfigSection<?> s : ConfigSections.ALL) {
      YamlNode v = entries.get(s.key());
      if (v != null && !v.isNull()) {
        values.put(s, s.parse(v));
      }
    }
    return new EvregConfig(values, Optional.ofNullable(file));
  }

  @SuppressWarnings("unchecked")
  public <T> T get(ConfigSection<T> section) {
    Object v = values.get(section);
    return v != null ? (T) v : section.defaults();
  }

  /** The file the configuration came from; empty for the defaults. */
  public Optional<Path> file() {
    return file;
  }

  public SchemaPaths schemas() {
    return get(ConfigSections.SCHEMAS);
  }

  public String baseBranch() {
    return get(ConfigSections.BASE_BRANCH);
  }

  public CompatibilitySettings compatibility() {
    return get(ConfigSections.COMPATIBILITY);
  }

  public dev.evreg.compat.lint.LintConfig lint() {
    return get(ConfigSections.LINT);
  }

  public List<Waiver> waivers() {
    return get(ConfigSections.WAIVERS);
  }
}
