package dev.evreg.compat.protobuf;

import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import dev.evreg.compat.Location;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.source.SourceFile;
import java.util.Map;

/** A {@code .proto} file linked with its imports by wire-schema. */
public final class ProtoSchema implements ParsedSchema {

  private final SourceFile source;
  private final String name;
  private final Schema schema;
  private final ProtoFile file;
  private final ProtoFileElement element;
  private final Map<String, SourceFile> files;
  private EventSchema view;

  ProtoSchema(SourceFile source, String name, Schema schema, ProtoFile file, ProtoFileElement element,
      Map<String, SourceFile> files) {
    this.source = source;
    this.name = name;
    this.schema = schema;
    this.file = file;
    this.element = element;
    this.files = Map.copyOf(files);
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.PROTOBUF;
  }

  @Override
  public SourceFile source() {
    return source;
  }

  /** The import path the file was loaded under. */
  public String name() {
    return name;
  }

  /** The linked schema: this file, its imports and the well-known types. */
  public Schema schema() {
    return schema;
  }

  public ProtoFile file() {
    return file;
  }

  /** wire's rendering of the parsed file: equal for files that differ only in formatting. */
  @Override
  public String canonical() {
    return element.toSchema();
  }

  @Override
  public synchronized EventSchema view() {
    if (view == null) {
      view = new ProtoViewBuilder(this).build();
    }
    return view;
  }

  /** A wire location as an evreg location, with the path the user knows the file by. */
  public Location location(com.squareup.wire.schema.Location at, String pointer) {
    SourceFile f = files.get(at.getPath());
    String path = at.getPath().equals(name) ? source.path() : f != null ? f.path() : at.getPath();
    return new Location(path, Math.max(at.getLine(), 0), Math.max(at.getColumn(), 0), pointer);
  }
}
