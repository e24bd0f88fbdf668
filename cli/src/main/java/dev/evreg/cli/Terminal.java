package dev.evreg.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where a command's output goes: whether the user watches it on a terminal, the stream that is the
 * terminal's stderr, and the environment. A command run by the daemon answers for the client's
 * terminal, not for the daemon's, so commands ask {@link #current()} rather than the JVM.
 * Threads a command starts inherit its terminal; the common ForkJoin pool's workers (parallel
 * streams) do not, so ask for it on the command's own thread.
 */
public record Terminal(boolean interactive, PrintStream stderr, Map<String, String> env) {

  private static final InheritableThreadLocal<Terminal> CURRENT = new InheritableThreadLocal<>();

  /** The terminal of this thread's command: the one set by {@link #runAs}, else this process's. */
  public static Terminal current() {
    Terminal t = CURRENT.get();
    return t != null ? t : new Terminal(System.console() != null, System.err, System.getenv());
  }

  /** Runs {@code body} (and the threads it starts) as a command whose user sits at {@code terminal}. */
  public static <T> T runAs(Terminal terminal, java.util.function.Supplier<T> body) {
    Terminal before = CURRENT.get();
    CURRENT.set(terminal);
    try {
      return body.get();
    } finally {
      CURRENT.set(before);
    }
  }

  /** An interactive terminal that is not "dumb". */
  boolean rich() {
    return interactive && !"dumb".equals(env.get("TERM"));
  }

  /** Colour: a rich terminal, and NO_COLOR unset. */
  boolean colour() {
    return rich() && env.get("NO_COLOR") == null;
  }
}
