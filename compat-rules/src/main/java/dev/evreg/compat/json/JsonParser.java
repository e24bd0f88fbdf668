package dev.evreg.compat.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.evreg.compat.source.Position;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON into a {@link JsonValue} tree with positions. Duplicate member names, trailing
 * content and nesting deeper than the limit are errors naming line and column.
 */
public final class JsonParser {

  public static final int DEFAULT_MAX_DEPTH = 1000;

  private final JsonFactory factory;
  private final int maxDepth;

  public JsonParser() {
    this(DEFAULT_MAX_DEPTH);
  }

  public JsonParser(int maxDepth) {
    this.maxDepth = maxDepth;
    this.factory = JsonFactory.builder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxNumberLength(10_000)
            .maxStringLength(Integer.MAX_VALUE)
            .build())
        .build();
  }

  public JsonValue parse(SourceFile source) {
    if (source.text().isBlank()) {
      throw new SchemaException(source.path(), 1, 1, "the file is empty; a JSON document was expected");
    }
    try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(source.text())) {
      try {
        JsonToken first = p.nextToken();
        JsonValue value = read(p, first, source);
        JsonToken extra = p.nextToken();
        if (extra != null) {
          throw new SchemaException(source.path(), at(p.currentTokenLocation()),
              "unexpected content after the end of the JSON document");
        }
        return value;
      } catch (StreamConstraintsException e) {
        JsonLocation where = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        throw new SchemaException(source.path(), at(where), constraintMessage(e));
      }
    } catch (JsonProcessingException e) {
      throw new SchemaException(source.path(), at(e.getLocation()), "invalid JSON: " + clean(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new SchemaException(source.path(), 0, 0, "cannot be read: " + e.getMessage());
    }
  }

  private JsonValue read(com.fasterxml.jackson.core.JsonParser p, JsonToken t, SourceFile source)
      throws IOException {
    Position pos = at(p.currentTokenLocation());
    return switch (t) {
      case START_OBJECT -> {
        Map<String, JsonObject.Member> members = new LinkedHashMap<>();
        JsonToken next;
        while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          Position namePos = at(p.currentTokenLocation());
          JsonValue value = read(p, p.nextToken(), source);
          JsonObject.Member previous = members.put(name, new JsonObject.Member(name, namePos, value));
          if (previous != null) {
            throw new SchemaException(source.path(), namePos,
                "duplicate member \"" + name + "\" (first at " + previous.namePosition() + ")");
          }
        }
        yield new JsonObject(members, pos);
      }
      case START_ARRAY -> {
        List<JsonValue> items = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(p, next, source));
        }
        yield new JsonArray(items, pos);
      }
      case VALUE_STRING -> new JsonString(p.getText(), pos);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(p.getText(), pos);
      case VALUE_TRUE -> new JsonBoolean(true, pos);
      case VALUE_FALSE -> new JsonBoolean(false, pos);
      case VALUE_NULL -> new JsonNull(pos);
      default -> throw new SchemaException(source.path(), pos, "invalid JSON: unexpected " + t);
    };
  }

  private String constraintMessage(StreamConstraintsException e) {
    String m = e.getOriginalMessage();
    if (m != null && m.contains("nesting depth")) {
      return "the document nests deeper than " + maxDepth + " levels, more than evreg accepts in a schema";
    }
    return "the document exceeds a size limit: " + clean(m);
  }

  static Position at(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return Position.UNKNOWN;
    }
    return new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  /** Jackson's messages, cut to their first sentence and without its source descriptions. */
  static String clean(String m) {
    if (m == null) {
      return "malformed document";
    }
    String s = m.replaceAll("\\(start marker at \\[.*?line: (\\d+), column: (\\d+)]\\)", "(opened at line $1, column $2)");
    int src = s.indexOf(" at [Source");
    if (src >= 0) {
      s = s.substring(0, src);
    }
    if (s.contains("maybe a (non-standard) comment?")) {
      return "a comment; JSON has no comments (move the text into a \"description\" or \"doc\")";
    }
    s = s.replaceAll(":? ?enable `?JsonReadFeature\\.\\w+`? to allow.*", "")
        .replaceAll("\\(?[Ff]eature '?\\w+'? not enabled.*", "")
        .replace("Unexpected end-of-input", "unexpected end of file")
        .replace("Unexpected character", "unexpected character")
        .replaceAll("\\s+", " ")
        .trim();
    int nl = s.indexOf('\n');
    s = nl >= 0 ? s.substring(0, nl) : s;
    // "Invalid numeric value" reads as the middle of a sentence: "invalid numeric value"
    return s.length() > 1 && Character.isLowerCase(s.charAt(1)) ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
  }
}
