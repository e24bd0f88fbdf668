package dev.evreg.compat.avro;

import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/** An Avro schema file: its text, its positioned JSON tree and Avro's own parse. */
public final class AvroSchema implements ParsedSchema {

  private final SourceFile source;
  private final JsonValue json;
  private final Schema schema;
  private final AvroTree tree;
  private EventSchema view;
  private String canonical;

  AvroSchema(SourceFile source, JsonValue json, Schema schema) {
    this.source = source;
    this.json = json;
    this.schema = schema;
    this.tree = new AvroTree(json);
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.AVRO;
  }

  @Override
  public SourceFile source() {
    return source;
  }

  /** Avro's parsed schema. */
  public Schema schema() {
    return schema;
  }

  public JsonValue json() {
    return json;
  }

  AvroTree tree() {
    return tree;
  }

  /** Every record reachable from {@code s} (through fields, arrays, maps and unions), each once, in walk order. */
  public static List<Schema> records(Schema s) {
    List<Schema> out = new ArrayList<>();
    collect(s, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out;
  }

  private static void collect(Schema s, List<Schema> out, Set<Schema> seen) {
    if (!seen.add(s)) {
      return;
    }
    switch (s.getType()) {
      case RECORD -> {
        out.add(s);
        s.getFields().forEach(f -> collect(f.schema(), out, seen));
      }
      case ARRAY -> collect(s.getElementType(), out, seen);
      case MAP -> collect(s.getValueType(), out, seen);
      case UNION -> s.getTypes().forEach(t -> collect(t, out, seen));
      default -> { }
    }
  }

  /**
   * Avro's own JSON rendering, with properties and default values in name order: whitespace and
   * member order no longer matter, defaults and docs do.
   */
  @Override
  public synchronized String canonical() {
    if (canonical == null) {
      canonical = AvroCanonical.of(schema);
    }
    return canonical;
  }

  @Override
  public synchronized EventSchema view() {
    if (view == null) {
      view = new AvroViewBuilder(this).build();
    }
    return view;
  }
}
