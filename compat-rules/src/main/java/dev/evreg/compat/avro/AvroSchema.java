package dev.evreg.compat.avro;

import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.source.SourceFile;
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
