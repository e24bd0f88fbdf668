package dev.evreg.compat.jsonschema;

import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonNumber;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads JSON Schema files (drafts 4, 6, 7, 2019-09, 2020-12) into a positioned tree and checks
 * that every keyword evreg interprets has a value of the right shape, naming its line and column.
 * Unknown keywords are annotations and are kept as they are.
 */
public final class JsonSchemaParser {

  static final Set<String> TYPES = Set.of("null", "boolean", "object", "array", "number", "integer", "string");
  private static final Set<String> SCHEMA_KEYWORDS = Set.of("not", "additionalProperties", "additionalItems",
      "contains", "propertyNames", "if", "then", "else", "unevaluatedProperties", "unevaluatedItems");
  private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties", "definitions",
      "$defs", "dependentSchemas");
  private static final Set<String> SCHEMA_ARRAY_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final Set<String> COUNT_KEYWORDS = Set.of("minLength", "maxLength", "minItems", "maxItems",
      "minProperties", "maxProperties", "minContains", "maxContains");

  private final JsonParser json;

  public JsonSchemaParser() {
    this(new JsonParser());
  }

  public JsonSchemaParser(JsonParser json) {
    this.json = json;
  }

  /** A file on its own: {@code $ref}s to other files cannot be resolved. */
  public JsonSchemaDocument parse(SourceFile source) {
    return parse(source, source.path().replaceAll(".*[/\\\\]", ""), JsonSchemaSources.NONE);
  }

  /** A file at {@code treePath} in a tree whose other files {@code sources} reads. */
  public JsonSchemaDocument parse(SourceFile source, String treePath, JsonSchemaSources sources) {
    JsonValue root = json.parse(source);
    Draft draft = Draft.DRAFT_7;
    if (root instanceof JsonObject o && o.get("$schema") != null) {
      if (!(o.get("$schema") instanceof JsonString s)) {
        throw error(source, o.get("$schema"), "\"$schema\" must be a string");
      }
      Draft named = Draft.fromUri(s.value());
      draft = named != null ? named : Draft.DRAFT_7;
    }
    new Checker(source, draft).schema(root, "#");
    return new JsonSchemaDocument(source, root, draft, treePath, sources);
  }

  private static SchemaException error(SourceFile source, JsonValue at, String reason) {
    return new SchemaException(source.path(), at.position(), "invalid JSON Schema: " + reason);
  }

  /** Checks the shape of the keywords evreg interprets, recursively. */
  private record Checker(SourceFile source, Draft draft) {

    void schema(JsonValue v, String pointer) {
      if (v instanceof JsonBoolean) {
        return;
      }
      if (!(v instanceof JsonObject o)) {
        throw error(source, v, "a schema must be an object or a boolean, found " + article(v) + " at " + pointer);
      }
      for (JsonObject.Member m : o.memberList()) {
        String k = m.name();
        JsonValue val = m.value();
        String at = pointer + "/" + k;
        if (SCHEMA_KEYWORDS.contains(k)) {
          schema(val, at);
        } else if (SCHEMA_MAP_KEYWORDS.contains(k)) {
          JsonObject map = object(val, k);
          for (JsonObject.Member sub : map.memberList()) {
            if (k.equals("patternProperties")) {
              regex(sub.name(), val, k);
            }
            schema(sub.value(), at + "/" + sub.name());
          }
        } else if (SCHEMA_ARRAY_KEYWORDS.contains(k)) {
          if (!(val instanceof JsonArray a) || (a.size() == 0 && !k.equals("prefixItems"))) {
            throw error(source, val, "\"" + k + "\" must be a non-empty array of schemas");
          }
          for (int i = 0; i < a.size(); i++) {
            schema(a.items().get(i), at + "/" + i);
          }
        } else {
          keyword(k, val, at);
        }
      }
    }

    private void keyword(String k, JsonValue val, String at) {
      switch (k) {
        case "type" -> type(val);
        case "items" -> {
          if (val instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
              schema(a.items().get(i), at + "/" + i);
            }
          } else {
            schema(val, at);
          }
        }
        case "required" -> {
          if (!(val instanceof JsonArray a) || !a.items().stream().allMatch(JsonString.class::isInstance)) {
            throw error(source, val, "\"required\" must be an array of property names");
          }
        }
        case "enum" -> {
          if (!(val instanceof JsonArray)) {
            throw error(source, val, "\"enum\" must be an array");
          }
        }
        case "dependencies" -> {
          for (JsonObject.Member d : object(val, k).memberList()) {
            if (!(d.value() instanceof JsonArray)) {
              schema(d.value(), at + "/" + d.name());
            }
          }
        }
        case "dependentRequired" -> {
          for (JsonObject.Member d : object(val, k).memberList()) {
            if (!(d.value() instanceof JsonArray)) {
              throw error(source, d.value(), "\"dependentRequired\" values must be arrays of property names");
            }
          }
        }
        case "pattern" -> {
          if (!(val instanceof JsonString s)) {
            throw error(source, val, "\"pattern\" must be a string");
          }
          regex(s.value(), val, k);
        }
        case "multipleOf" -> {
          if (!(val instanceof JsonNumber n) || n.decimal().signum() <= 0) {
            throw error(source, val, "\"multipleOf\" must be a number greater than 0, found " + text(val));
          }
        }
        case "maximum", "minimum" -> number(k, val);
        case "exclusiveMaximum", "exclusiveMinimum" -> {
          if (draft == Draft.DRAFT_4 ? !(val instanceof JsonBoolean) : !(val instanceof JsonNumber)) {
            throw error(source, val, "\"" + k + "\" must be " + (draft == Draft.DRAFT_4 ? "a boolean in draft 4" : "a number")
                + ", found " + text(val));
          }
        }
        case "$ref", "$id", "format", "title", "description", "$anchor", "$comment" -> {
          if (!(val instanceof JsonString)) {
            throw error(source, val, "\"" + k + "\" must be a string, found " + text(val));
          }
        }
        case "uniqueItems" -> {
          if (!(val instanceof JsonBoolean)) {
            throw error(source, val, "\"uniqueItems\" must be a boolean, found " + text(val));
          }
        }
        default -> {
          if (COUNT_KEYWORDS.contains(k)) {
            if (!(val instanceof JsonNumber n) || !n.isIntegral() || n.decimal().signum() < 0) {
              throw error(source, val, "\"" + k + "\" must be a non-negative integer, found " + text(val));
            }
          }
        }
      }
    }

    private void type(JsonValue val) {
      if (val instanceof JsonString s) {
        typeName(s);
      } else if (val instanceof JsonArray a && a.size() > 0) {
        for (JsonValue t : a.items()) {
          if (!(t instanceof JsonString s)) {
            throw error(source, t, "\"type\" lists type names, found " + text(t));
          }
          typeName(s);
        }
      } else {
        throw error(source, val, "\"type\" must be a type name or a non-empty array of them, found " + text(val));
      }
    }

    private void typeName(JsonString s) {
      if (!TYPES.contains(s.value())) {
        throw error(source, s, "unknown type \"" + s.value() + "\"; expected one of "
            + "null, boolean, object, array, number, integer, string");
      }
    }

    private void number(String k, JsonValue val) {
      if (!(val instanceof JsonNumber)) {
        throw error(source, val, "\"" + k + "\" must be a number, found " + text(val));
      }
    }

    private JsonObject object(JsonValue val, String k) {
      if (!(val instanceof JsonObject o)) {
        throw error(source, val, "\"" + k + "\" must be an object, found " + text(val));
      }
      return o;
    }

    private void regex(String pattern, JsonValue at, String k) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw error(source, at, "\"" + k + "\" is not a valid regular expression: " + e.getDescription());
      }
    }

    private static String text(JsonValue v) {
      String s = dev.evreg.compat.json.JsonWriter.compact(v);
      return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String article(JsonValue v) {
      return v.kind().equals("array") || v.kind().equals("object") ? "an " + v.kind() : "a " + v.kind();
    }
  }
}
