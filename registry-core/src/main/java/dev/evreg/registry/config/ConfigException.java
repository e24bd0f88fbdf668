package dev.evreg.registry.config;

import dev.evreg.registry.RegistryException;

/** A configuration error at a place in the file: {@code evreg.yaml:4:3: unknown key ...}. */
public final class ConfigException extends RegistryException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final int line;
  private final int column;
  private final String reason;

  public ConfigException(String path, int line, int column, String reason) {
    super((line > 0 ? path + ":" + line + ":" + column : path) + ": " + reason);
    this.path = path;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The sentence without the location prefix. */
  public String reason() {
    return reason;
  }
}
