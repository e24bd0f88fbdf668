package dev.evreg.registry.config;

import dev.evreg.compat.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A node of a YAML document with its line and column, and checks that fail with a
 * {@link ConfigException} pointing at it: wrong kind of value, unknown key (with the nearest
 * known key), duplicate key.
 */
public final class YamlNode {

  private final String file;
  private final Node node;

  private YamlNode(String file, Node node) {
    this.file = file;
    this.node = node;
  }

  /** Parses a document; an empty document is a null node. */
  public static YamlNode parse(String file, String text) {
    LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(50).setCodePointLimit(1024 * 1024).build();
    try {
      return new YamlNode(file, new Compose(settings).composeString(text).orElse(null));
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
      throw new ConfigException(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
          "invalid YAML: " + problem);
    } catch (YamlEngineException e) {
      throw new ConfigException(file, 0, 0, "invalid YAML: " + e.getMessage());
    }
  }

  public String file() {
    return file;
  }

  public int line() {
    return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  public int column() {
    return node == null ? 0 : node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
  }

  /** True for an absent or empty value ({@code key:} or {@code key: null}). */
  public boolean isNull() {
    return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
  }

  public boolean isScalar() {
    return node instanceof ScalarNode && !isNull();
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  public ConfigException error(String reason) {
    return new ConfigException(file, line(), column(), reason);
  }

  /**
   * The entries of a mapping, keys in file order. A key not in {@code allowed} is an error that
   * names the nearest allowed key; {@code allowed} null accepts any key.
   */
  public Map<String, YamlNode> mapping(String what, Collection<String> allowed) {
    if (isNull()) {
      return Map.of();
    }
    if (!(node instanceof MappingNode m)) {
      throw error(what + " must be a mapping of keys to values, not " + kind());
    }
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      YamlNode key = new YamlNode(file, t.getKeyNode());
      if (!key.isScalar()) {
        throw key.error("a key in " + what + " must be a plain name");
      }
      String name = key.scalarText();
      if (allowed != null && !allowed.contains(name)) {
        throw key.error("unknown key \"" + name + "\" in " + what + Suggestions.hint(name, allowed));
      }
      if (entries.containsKey(name)) {
        throw key.error("duplicate key \"" + name + "\" in " + what);
      }
      entries.put(name, new YamlNode(file, t.getValueNode()));
    }
    return entries;
  }

  /** The items of a sequence; a single scalar counts as a sequence of one. */
  public List<YamlNode> sequence(String what) {
    if (isNull()) {
      return List.of();
    }
    if (node instanceof SequenceNode s) {
      List<YamlNode> items = new ArrayList<>();
      for (Node n : s.getValue()) {
        items.add(new YamlNode(file, n));
      }
      return items;
    }
    if (isScalar()) {
      return List.of(this);
    }
    throw error(what + " must be a list, not " + kind());
  }

  /** A scalar's text; {@code what} names the value in the error when it is not a scalar. */
  public String scalar(String what) {
    if (!isScalar()) {
      throw error(what + " must be a single value, not " + kind());
    }
    return scalarText();
  }

  /** A scalar converted by {@code parse}, whose IllegalArgumentException becomes an error here. */
  public <T> T scalar(String what, Function<String, T> parse) {
    String text = scalar(what);
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw error(what + ": " + e.getMessage());
    }
  }

  private String scalarText() {
    return ((ScalarNode) node).getValue();
  }

  private String kind() {
    if (isNull()) {
      return "empty";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "\"" + scalarText() + "\"";
  }
}
