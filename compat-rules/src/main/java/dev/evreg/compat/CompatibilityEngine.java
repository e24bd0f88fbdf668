package dev.evreg.compat;

import java.util.List;

/** The compatibility rules of one format, as the primitive every level is built from. */
public interface CompatibilityEngine<S extends ParsedSchema> {

  SchemaFormat format();

  /**
   * The findings that stop a consumer using {@code pair.reader()} from reading every message
   * written with {@code pair.writer()}; empty when it can. Each finding's location is in the
   * newer file and its previous location in the older one.
   */
  List<Finding> canRead(ReadPair<S> pair, CheckOptions options);
}
