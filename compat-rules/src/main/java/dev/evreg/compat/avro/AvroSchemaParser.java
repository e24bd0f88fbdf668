package dev.evreg.compat.avro;

import dev.evreg.compat.Suggestions;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.source.Position;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Parses {@code .avsc} files with Avro's own parser (defaults validated), after a strict JSON
 * parse that keeps positions. Avro's errors carry no position; this class finds the element
 * they are about and reports its line and column.
 */
public final class AvroSchemaParser {

  private static final Set<String> TYPES = Set.of("null", "boolean", "int", "long", "float", "double",
      "bytes", "string", "record", "error", "enum", "fixed", "array", "map");

  private final JsonParser json;

  public AvroSchemaParser() {
    this(new JsonParser());
  }

  public AvroSchemaParser(JsonParser json) {
    this.json = json;
  }

  public AvroSchema parse(SourceFile source) {
    JsonValue tree = json.parse(source);
    AvroShape.check(source.path(), tree);
    Schema schema;
    try {
      schema = new Schema.Parser().setValidateDefaults(true).parse(source.text());
    } catch (RuntimeException e) {
      String message = Objects.toString(e.getMessage(), e.getClass().getSimpleName());
      throw new SchemaException(source.path(), locate(message, tree), "invalid Avro schema: " + describe(message));
    }
    return new AvroSchema(source, tree, schema);
  }

  // --- locating Avro's errors ---------------------------------------------------------------

  private static final Pattern INVALID_DEFAULT = Pattern.compile("Invalid default for field (\\S+): (.*)", Pattern.DOTALL);
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field (\\S+) in record (\\S+):.*", Pattern.DOTALL);
  private static final Pattern REDEFINE = Pattern.compile("Can't redefine: (\\S+)");
  private static final Pattern DUPLICATE_SYMBOL = Pattern.compile("Duplicate enum symbol: (\\S+)");
  private static final Pattern DUPLICATE_IN_UNION = Pattern.compile("Duplicate in union: ?(\\S+)");
  private static final Pattern NAMED_TOKEN = Pattern.compile(
      "(?:Undefined schema|Undefined name|Illegal initial character|Illegal character in|The Enum Default|"
          + "Type not supported|Unknown schema|Illegal character):? \"?([^\\s\"]+)\"?.*", Pattern.DOTALL);
  private static final Pattern UNDEFINED = Pattern.compile("Undefined (?:schema|name): \"?([^\s\"]+)\"?", Pattern.DOTALL);
  private static final Pattern TRAILING_JSON = Pattern.compile("^([^{\\[]*?): ([{\\[].*)$", Pattern.DOTALL);

  static Position locate(String message, JsonValue tree) {
    Matcher m;
    if ((m = INVALID_DEFAULT.matcher(message)).matches()) {
      JsonObject field = fieldNamed(tree, m.group(1), 1);
      if (field != null) {
        return field.get("default") != null ? field.get("default").position() : field.position();
      }
    }
    if ((m = DUPLICATE_FIELD.matcher(message)).matches()) {
      JsonObject field = fieldNamed(tree, m.group(1), 2);
      if (field != null) {
        return field.position();
      }
    }
    if ((m = REDEFINE.matcher(message)).find()) {
      String name = AvroTree.simple(m.group(1));
      List<JsonValue> defs = find(tree, v -> v instanceof JsonObject o && o.string("name") != null
          && AvroTree.simple(o.string("name")).equals(name) && o.get("type") instanceof JsonString);
      if (!defs.isEmpty()) {
        return defs.get(defs.size() > 1 ? 1 : 0).position();
      }
    }
    if ((m = DUPLICATE_SYMBOL.matcher(message)).find()) {
      String symbol = m.group(1);
      for (JsonValue v : find(tree, v -> v instanceof JsonObject o && o.get("symbols") instanceof JsonArray)) {
        List<JsonValue> same = ((JsonArray) ((JsonObject) v).get("symbols")).items().stream()
            .filter(s -> s instanceof JsonString js && js.value().equals(symbol)).toList();
        if (same.size() > 1) {
          return same.get(1).position();
        }
      }
    }
    if ((m = DUPLICATE_IN_UNION.matcher(message)).find()) {
      String branch = m.group(1);
      List<JsonValue> unions = find(tree, v -> v instanceof JsonArray a && a.items().stream()
          .filter(i -> i instanceof JsonString s && s.value().equals(branch)).count() > 1);
      if (!unions.isEmpty()) {
        return unions.get(0).position();
      }
    }
    if (message.startsWith("A schema \"type\" MUST")) {
      List<JsonValue> bad = find(tree, v -> v instanceof JsonObject o && o.get("type") instanceof JsonString s
          && !TYPES.contains(s.value()));
      if (!bad.isEmpty()) {
        return ((JsonObject) bad.get(0)).get("type").position();
      }
    }
    if ((m = TRAILING_JSON.matcher(message)).matches()) {
      try {
        JsonValue fragment = new JsonParser().parse(new SourceFile("", m.group(2)));
        List<JsonValue> same = find(tree, v -> sameJson(v, fragment));
        if (!same.isEmpty()) {
          return same.get(0).position();
        }
      } catch (SchemaException ignored) {
        // not a JSON fragment after all
      }
    }
    if ((m = NAMED_TOKEN.matcher(message)).matches()) {
      String token = m.group(1);
      List<JsonValue> hits = find(tree, v -> v instanceof JsonString s && s.value().equals(token));
      if (!hits.isEmpty()) {
        return hits.get(0).position();
      }
    }
    return tree.position();
  }

  /** Avro's message as one sentence, without the JSON fragments it sometimes appends. */
  static String describe(String message) {
    Matcher m = INVALID_DEFAULT.matcher(message);
    if (m.matches()) {
      return "the default of field \"" + m.group(1) + "\" does not match its type (" + m.group(2).trim() + ")";
    }
    m = DUPLICATE_FIELD.matcher(message);
    if (m.matches()) {
      return "record \"" + m.group(2) + "\" declares field \"" + m.group(1) + "\" twice";
    }
    m = UNDEFINED.matcher(message);
    if (m.matches()) {
      String name = m.group(1);
      return "unknown type \"" + name + "\"" + Suggestions.nearest(name, TYPES).map(t -> "; did you mean \"" + t + "\"?")
          .orElse("; it is neither a primitive type nor a type defined before it in this file");
    }
    if (message.startsWith("Unknown schema: org.apache.avro")) {
      return "a schema that is only a type name refers to a type that is not defined in this file";
    }
    m = TRAILING_JSON.matcher(message);
    String text = m.matches() ? m.group(1) : message;
    return text.replaceAll("\\s+", " ").trim();
  }

  /** The {@code occurrence}-th field named {@code name} within one record, else the first anywhere. */
  private static JsonObject fieldNamed(JsonValue tree, String name, int occurrence) {
    JsonObject first = null;
    for (JsonValue rec : find(tree, v -> v instanceof JsonObject o && o.get("fields") instanceof JsonArray)) {
      List<JsonObject> same = new ArrayList<>();
      for (JsonValue f : ((JsonArray) ((JsonObject) rec).get("fields")).items()) {
        if (f instanceof JsonObject fo && name.equals(fo.string("name"))) {
          same.add(fo);
        }
      }
      if (same.size() >= occurrence) {
        return same.get(occurrence - 1);
      }
      if (first == null && !same.isEmpty()) {
        first = same.get(0);
      }
    }
    return first;
  }

  /** Every value in document order that matches. */
  static List<JsonValue> find(JsonValue root, Predicate<JsonValue> p) {
    List<JsonValue> out = new ArrayList<>();
    collect(root, p, out);
    return out;
  }

  private static void collect(JsonValue v, Predicate<JsonValue> p, List<JsonValue> out) {
    if (p.test(v)) {
      out.add(v);
    }
    if (v instanceof JsonObject o) {
      o.memberList().forEach(member -> collect(member.value(), p, out));
    } else if (v instanceof JsonArray a) {
      a.items().forEach(i -> collect(i, p, out));
    }
  }

  /** Equality of JSON values, ignoring positions and member order. */
  static boolean sameJson(JsonValue a, JsonValue b) {
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      if (!x.members().keySet().equals(y.members().keySet())) {
        return false;
      }
      return x.members().keySet().stream().allMatch(k -> sameJson(x.get(k), y.get(k)));
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!sameJson(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof JsonString x && b instanceof JsonString y) {
      return x.value().equals(y.value());
    }
    if (a instanceof dev.evreg.compat.json.JsonNumber x && b instanceof dev.evreg.compat.json.JsonNumber y) {
      return x.decimal().compareTo(y.decimal()) == 0;
    }
    if (a instanceof dev.evreg.compat.json.JsonBoolean x && b instanceof dev.evreg.compat.json.JsonBoolean y) {
      return x.value() == y.value();
    }
    return a instanceof dev.evreg.compat.json.JsonNull && b instanceof dev.evreg.compat.json.JsonNull;
  }
}
