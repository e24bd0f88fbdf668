package dev.evreg.compat;

import java.util.Locale;
import java.util.Optional;

/** The three schema languages, named as the registry API names them. */
public enum SchemaFormat {
  AVRO("Avro", ".avsc"),
  JSON("JSON Schema", ".json"),
  PROTOBUF("Protobuf", ".proto");

  private final String displayName;
  private final String extension;

  SchemaFormat(String displayName, String extension) {
    this.displayName = displayName;
    this.extension = extension;
  }

  public String displayName() {
    return displayName;
  }

  public String extension() {
    return extension;
  }

  /** The format a file name implies by its extension. */
  public static Optional<SchemaFormat> fromPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    for (SchemaFormat f : values()) {
      if (p.endsWith(f.extension)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Parses {@code avro}, {@code json}, {@code protobuf} (any case; {@code proto} and {@code jsonschema} too). */
  public static Optional<SchemaFormat> fromName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "avro" -> Optional.of(AVRO);
      case "json", "jsonschema", "json-schema" -> Optional.of(JSON);
      case "protobuf", "proto" -> Optional.of(PROTOBUF);
      default -> Optional.empty();
    };
  }
}
