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
  private final String treePath;
  private final JsonSchemaSources sources;
  private final String base;
  private EventSchema view;

  JsonSchemaDocument(SourceFile source, JsonValue root, Draft draft, String treePath, JsonSchemaSources sources) {
    this.source = source;
    this.root = root;
    this.draft = draft;
    this.treePath = treePath;
    this.sources = sources;
    this.base = RefResolver.baseOf(root, treePath, draft);
  }

  /** The file's path inside its schema tree, which relative {@code $ref}s resolve against. */
  public String treePath() {
    return treePath;
  }

  /** The other files of the tree, for {@code $ref}s to them. */
  public JsonSchemaSources sources() {
    return sources;
  }

  /** The base URI: the root {@code $id}, or a URI naming the tree path. */
  String base() {
    return base;
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
