package dev.evreg.compat;

import dev.evreg.compat.source.Position;

/** A place in a schema file: path, 1-based line and column (0 when unknown) and a JSON pointer. */
public record Location(String path, int line, int column, String pointer) {

  public static Location of(String path, Position p, String pointer) {
    return new Location(path, p.line(), p.column(), pointer);
  }

  /** {@code path:line:col}, or just the path when the line is unknown. */
  public String display() {
    return line > 0 ? path + ":" + line + ":" + column : path;
  }
}
