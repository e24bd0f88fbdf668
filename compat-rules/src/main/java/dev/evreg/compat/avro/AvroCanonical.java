package dev.evreg.compat.avro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonNumber;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.json.JsonWriter;
import dev.evreg.compat.source.SourceFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The canonical text of an Avro schema: Avro's own rendering, in which the attributes Avro
 * defines come in Avro's order while other properties ({@code logicalType}, {@code precision},
 * custom properties) and the members of default values keep the order they were written in;
 * those are sorted here by name, so that the text no longer depends on the layout of the file.
 * A rendering already in that order is returned as Avro wrote it.
 */
final class AvroCanonical {

  /** Attributes Avro writes itself, in its own order; every other member of a schema object is a property. */
  private static final Set<String> SCHEMA_KEYS = Set.of("type", "name", "namespace", "doc", "fields", "symbols",
      "items", "values", "size", "default", "aliases");
  private static final Set<String> FIELD_KEYS = Set.of("name", "type", "doc", "default", "order", "aliases");

  private static final JsonFactory JSON = new JsonFactory();

  private AvroCanonical() {}

  static String of(Schema schema) {
    String avro = schema.toString();
    JsonValue tree = new JsonParser(Integer.MAX_VALUE).parse(new SourceFile("canonical", avro));
    JsonValue sorted = schema(tree);
    return JsonWriter.compact(sorted).equals(JsonWriter.compact(tree)) ? avro : avroText(sorted);
  }

  /** The tree written as Avro writes JSON (Jackson's escapes, numbers as Avro wrote them). */
  private static String avroText(JsonValue v) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(v, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonValue v, JsonGenerator g) throws IOException {
    if (v instanceof JsonObject o) {
      g.writeStartObject();
      for (JsonObject.Member m : o.memberList()) {
        g.writeFieldName(m.name());
        write(m.value(), g);
      }
      g.writeEndObject();
    } else if (v instanceof JsonArray a) {
      g.writeStartArray();
      for (JsonValue x : a.items()) {
        write(x, g);
      }
      g.writeEndArray();
    } else if (v instanceof JsonString s) {
      g.writeString(s.value());
    } else if (v instanceof JsonNumber n) {
      g.writeNumber(n.text());
    } else if (v instanceof JsonBoolean b) {
      g.writeBoolean(b.value());
    } else {
      g.writeNull();
    }
  }

  private static JsonValue schema(JsonValue v) {
    if (v instanceof JsonArray a) {
      return new JsonArray(a.items().stream().map(AvroCanonical::schema).toList(), a.position());
    }
    if (!(v instanceof JsonObject o)) {
      return v;
    }
    return reorder(o, SCHEMA_KEYS, (name, value) -> switch (name) {
      case "type", "items", "values" -> schema(value);
      case "fields" -> value instanceof JsonArray a
          ? new JsonArray(a.items().stream().map(AvroCanonical::field).toList(), a.position()) : value;
      case "default" -> sorted(value);
      default -> value;
    });
  }

  private static JsonValue field(JsonValue v) {
    if (!(v instanceof JsonObject o)) {
      return v;
    }
    return reorder(o, FIELD_KEYS, (name, value) -> switch (name) {
      case "type" -> schema(value);
      case "default" -> sorted(value);
      default -> value;
    });
  }

  /** Avro's attributes stay where they are; the properties among them are sorted into their slots. */
  private static JsonObject reorder(JsonObject o, Set<String> avroKeys,
      java.util.function.BiFunction<String, JsonValue, JsonValue> inner) {
    List<JsonObject.Member> members = new ArrayList<>(o.memberList());
    List<Integer> slots = new ArrayList<>();
    List<JsonObject.Member> props = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (!avroKeys.contains(members.get(i).name())) {
        slots.add(i);
        props.add(members.get(i));
      }
    }
    props.sort(Comparator.comparing(JsonObject.Member::name));
    for (int i = 0; i < slots.size(); i++) {
      members.set(slots.get(i), props.get(i));
    }
    Map<String, JsonObject.Member> out = new LinkedHashMap<>();
    for (JsonObject.Member m : members) {
      JsonValue value = avroKeys.contains(m.name()) ? inner.apply(m.name(), m.value()) : sorted(m.value());
      out.put(m.name(), new JsonObject.Member(m.name(), m.namePosition(), value));
    }
    return new JsonObject(out, o.position());
  }

  /** A JSON value with the members of every object sorted by name. */
  private static JsonValue sorted(JsonValue v) {
    if (v instanceof JsonArray a) {
      return new JsonArray(a.items().stream().map(AvroCanonical::sorted).toList(), a.position());
    }
    if (!(v instanceof JsonObject o)) {
      return v;
    }
    Map<String, JsonObject.Member> out = new LinkedHashMap<>();
    o.memberList().stream().sorted(Comparator.comparing(JsonObject.Member::name))
        .forEach(m -> out.put(m.name(), new JsonObject.Member(m.name(), m.namePosition(), sorted(m.value()))));
    return new JsonObject(out, o.position());
  }
}
