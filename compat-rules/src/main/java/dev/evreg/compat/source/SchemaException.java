package dev.evreg.compat.source;

/**
 * Bad input: a schema that cannot be read, parsed or resolved. Its message is one line,
 * {@code path:line:col: what is wrong}, meant for the user as it is.
 */
public class SchemaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final int line;
  private final int column;
  private final String reason;

  /**
   * A schema deeper than the thread's stack can follow while {@code doing} it ("read", "compare",
   * "run lint rule X"): bad input, with the way around it.
   */
  public static SchemaException tooDeep(String path, String doing) {
    return new SchemaException(path, 0, 0, "the schema nests too deeply to " + doing
        + " on this thread's stack; run evreg on a thread with a larger stack (-Xss)");
  }

  public SchemaException(String path, int line, int column, String reason) {
    this(path, line, column, reason, null);
  }

  public SchemaException(String path, int line, int column, String reason, Throwable cause) {
    super(format(path, line, column, reason), cause);
    this.path = path;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public SchemaException(String path, Position at, String reason) {
    this(path, at.line(), at.column(), reason);
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

  private static String format(String path, int line, int column, String reason) {
    String where = path == null ? "" : line > 0 ? path + ":" + line + ":" + column + ": " : path + ": ";
    return where + oneLine(reason);
  }

  static String oneLine(String s) {
    return oneLine(s, 400);
  }

  /** The text on one line (line breaks and the blanks around them become one space), cut at {@code max} characters. */
  public static String oneLine(String s, int max) {
    if (s == null) {
      return "";
    }
    String flat = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    return flat.length() > max ? flat.substring(0, max - 3) + "..." : flat;
  }
}
