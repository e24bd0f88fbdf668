package dev.evreg.compat;

import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.source.SourceFile;

/** A schema file parsed by its format's parser. */
public interface ParsedSchema {

  SchemaFormat format();

  SourceFile source();

  /** A form that is equal for two schemas that differ only in formatting. */
  String canonical();

  /** The format-neutral view of the schema. */
  EventSchema view();
}
