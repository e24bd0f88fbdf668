package dev.evreg.compat.jsonschema;

import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.json.JsonWriter;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.source.SourceFile;

/** A JSON Schema file: its positioned tree and the draft it is written in. */
public final class JsonSchemaDocument implements ParsedSchema {

  private final SourceFile source;
  private final JsonValue root;
  private final Draft draft;
  private EventSchema view;

  JsonSchemaDocument(SourceFile source, JsonValue root, Draft draft) {
    this.source = source;
    this.root = root;
    this.draft = draft;
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.JSON;
  }

  @Override
  public SourceFile source() {
    return source;
  }

  public JsonValue root() {
    return root;
  }

  public Draft draft() {
    return draft;
  }

  /** The document with sorted members: equal for schemas that differ only in formatting. */
  @Override
  public String canonical() {
    return JsonWriter.canonical(root);
  }

  @Override
  public synchronized EventSchema view() {
    if (view == null) {
      view = new JsonSchemaViewBuilder(this).build();
    }
    return view;
  }
}
