package dev.evreg.cli;

/** The process exit codes of every evreg command. */
public enum ExitCode {
  /** No findings at or above the fail level. */
  OK(0),
  /** Findings at or above the fail level: the schema is incompatible or breaks a convention. */
  FINDINGS(1),
  /** Bad input, usage or configuration; a one-line reason was printed. */
  USAGE(2),
  /** A defect in evreg itself. */
  INTERNAL(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
