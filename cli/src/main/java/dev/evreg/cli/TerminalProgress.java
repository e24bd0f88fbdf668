package dev.evreg.cli;

import dev.evreg.registry.git.IndexProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * "indexing history: 4,096 of 10,000 commits" on one rewritten stderr line, shown only on a
 * terminal, only once indexing has taken half a second, and at most ten times a second.
 */
final class TerminalProgress implements IndexProgress {

  private final PrintStream err;
  private final long start = System.nanoTime();
  private long last;
  private boolean shown;

  private TerminalProgress(PrintStream err) {
    this.err = err;
  }

  static IndexProgress forStderr(PrintStream err) {
    Terminal t = Terminal.current();
    return t.rich() && err == t.stderr() ? new TerminalProgress(err) : IndexProgress.NONE;
  }

  @Override
  public void commits(int done, int total) {
    long now = System.nanoTime();
    if (now - start < 500_000_000L || (now - last < 100_000_000L && done < total)) {
      return;
    }
    last = now;
    shown = true;
    err.print(String.format(Locale.ROOT, "\revreg: indexing history: %,d of %,d commits", done, total));
    err.flush();
  }

  @Override
  public void done() {
    if (shown) {
      err.print("\r\u001b[K");
      err.flush();
      shown = false;
    }
  }
}
