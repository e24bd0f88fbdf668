package dev.evreg.compat;

import java.time.Duration;

/** A point in time after which a comparison gives up with a clear error. */
public final class Deadline {

  private final long endNanos;
  private final Duration bound;

  private Deadline(Duration bound) {
    this.bound = bound;
    this.endNanos = System.nanoTime() + bound.toNanos();
  }

  public static Deadline in(Duration bound) {
    return new Deadline(bound);
  }

  /** Throws when the bound has passed; {@code where} names the element being compared. */
  public void check(String path, String where) {
    if (System.nanoTime() - endNanos > 0) {
      throw new CheckTimeoutException(path, where, bound);
    }
  }
}
