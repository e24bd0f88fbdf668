package dev.evreg.registry.config;

import java.util.Locale;

/** How a schema file's subject is named. */
public enum SubjectNaming {
  /** The file path under the schema root, without extension: {@code orders/OrderPlaced}. */
  PATH,
  /** The full name of the record the file declares: {@code com.acme.orders.OrderPlaced}. */
  RECORD;

  public static SubjectNaming parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "path" -> PATH;
      case "record", "record-name", "recordname" -> RECORD;
      default -> throw new IllegalArgumentException("unknown naming \"" + text + "\"; expected path or record");
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
