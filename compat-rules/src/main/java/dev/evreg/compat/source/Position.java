package dev.evreg.compat.source;

/** A 1-based line and column; 0:0 when unknown. */
public record Position(int line, int column) {

  public static final Position UNKNOWN = new Position(0, 0);

  public boolean known() {
    return line > 0;
  }

  /** The position of character {@code offset} in {@code text}. */
  public static Position at(CharSequence text, int offset) {
    int line = 1;
    int col = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Position(line, col);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
