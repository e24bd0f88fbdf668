package dev.evreg.compat;

/**
 * A compatibility level: a direction (who must read whom) and a scope (the latest previous
 * version, or all of them).
 */
public enum Level {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  Level(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** Consumers on the new schema must read data written with previous versions. */
  public boolean newReadsOld() {
    return newReadsOld;
  }

  /** Consumers on previous versions must read data written with the new schema. */
  public boolean oldReadsNew() {
    return oldReadsNew;
  }

  public boolean transitive() {
    return transitive;
  }

  /** Parses a level name in any case, with '-' or '_'. */
  public static Level parse(String text) {
    String norm = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (Level l : values()) {
      if (l.name().equals(norm)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown compatibility level \"" + text + "\"; expected one of "
        + java.util.Arrays.toString(values()));
  }
}
