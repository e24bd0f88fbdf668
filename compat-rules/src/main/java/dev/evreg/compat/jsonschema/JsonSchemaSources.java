package dev.evreg.compat.jsonschema;

import dev.evreg.compat.source.SourceFile;

/**
 * The other files of a schema tree that {@code $ref} may point to, by their path inside the
 * tree ({@code orders/address.json}). Nothing outside the tree is read, and nothing is fetched.
 */
public interface JsonSchemaSources {

  /** The file at {@code treePath}, or null when the tree has none. */
  SourceFile read(String treePath);

  /** A tree with no other files. */
  JsonSchemaSources NONE = treePath -> null;
}
