package dev.evreg.compat.model;

import dev.evreg.compat.Location;
import java.util.List;

/** An enum and its symbols. */
public record EnumType(String name, String namespace, String doc, List<Symbol> symbols, Location location)
    implements NamedType {

  /** One enum symbol; {@code number} is the Protobuf number, or the position in Avro/JSON. */
  public record Symbol(String name, int number, Location location) {}

  public EnumType {
    symbols = List.copyOf(symbols);
  }
}
