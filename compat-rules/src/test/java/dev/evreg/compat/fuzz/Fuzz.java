package dev.evreg.compat.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small property runner: case {@code i} of a run with seed {@code s} is generated from
 * {@code new Random(caseSeed(s, i))}, so any case reproduces from the pair (seed, index) alone.
 * A run is bounded by a number of tries (the quick form in {@code mvn verify}) or by a duration
 * (the long form, {@code fuzz/run.sh}).
 */
public final class Fuzz {

  private Fuzz() {}

  /** Thrown by a property for a case it does not apply to; counted, not a failure. */
  public static final class Discard extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Discard(String why) {
      super(why, null, false, false);
    }
  }

  public static Discard discard(String why) {
    return new Discard(why);
  }

  /** A message with its names ("X") and numbers (N) blanked, so that discards of one kind count under one label. */
  public static String shape(String message) {
    return String.valueOf(message).replaceAll("\"[^\"]*\"", "X").replaceAll("[0-9]+", "N");
  }

  /**
   * {@code body}'s result, computed on a thread of its own within {@code bound}; an assertion
   * error inside it fails the case as it is, any other throwable as having escaped, and a run
   * past the bound as a hang ({@code what} says which case).
   */
  public static <T> T within(Duration bound, String what, Callable<T> body) {
    FutureTask<T> task = new FutureTask<>(body);
    Thread t = new Thread(task, "fuzz-case");
    t.setDaemon(true);
    t.start();
    try {
      return task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + bound.toSeconds() + " s (" + what + ")");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AssertionError a) {
        throw a;
      }
      throw new AssertionError(cause.getClass().getName() + " escaped: " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** How long a run goes: {@code tries} cases, or until {@code duration} has passed. */
  public record Budget(int tries, Duration duration) {
    public static Budget tries(int n) {
      return new Budget(n, null);
    }

    public static Budget time(Duration d) {
      return new Budget(Integer.MAX_VALUE, d);
    }
  }

  /** One falsified case: where it came from, the case, and what went wrong. */
  public record Failure(String property, long seed, long index, String shown, String error) {
    public String reproduce() {
      return "fuzz/run.sh --repro " + property + " " + seed + " " + index;
    }
  }

  /** The outcome of one property's run. */
  public record Result(String property, long seed, long cases, long discarded, Duration elapsed,
      List<Failure> failures, Stats stats) {

    public String summary() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%s: seed %d, %d cases (%d discarded) in %.1f s, %d failure%s%n", property,
          seed, cases, discarded, elapsed.toMillis() / 1000.0, failures.size(), failures.size() == 1 ? "" : "s"));
      b.append(stats.render("  "));
      for (Failure f : failures) {
        b.append("  FAILED case ").append(f.index()).append(": ")
            .append(f.error().lines().findFirst().orElse("")).append('\n');
        b.append("    reproduce: ").append(f.reproduce()).append('\n');
        f.error().lines().skip(1).forEach(l -> b.append("    ! ").append(l).append('\n'));
        f.shown().lines().forEach(l -> b.append("    | ").append(l).append('\n'));
      }
      return b.toString();
    }
  }

  /**
   * Labelled counters a property keeps across cases, for the rates the report gives (for
   * example the share of incompatible verdicts for which a witness record was found).
   */
  public static final class Stats {
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, List<String>> examples = new TreeMap<>();

    public synchronized void count(String label) {
      counts.merge(label, 1L, Long::sum);
    }

    /** Keeps up to three example lines under {@code label} (for excluded cases worth reading). */
    public synchronized void example(String label, String text) {
      List<String> l = examples.computeIfAbsent(label, k -> new ArrayList<>());
      if (l.size() < 3) {
        l.add(text);
      }
    }

    synchronized String render(String indent) {
      StringBuilder b = new StringBuilder();
      counts.forEach((k, v) -> b.append(indent).append(k).append(" = ").append(v).append('\n'));
      examples.forEach((k, l) -> l.forEach(e -> b.append(indent).append("e.g. ").append(k).append(": ")
          .append(e.replace('\n', ' ')).append('\n')));
      return b.toString();
    }
  }

  /** The seed of case {@code index} (SplitMix64 over the run seed and the index). */
  public static long caseSeed(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Runs {@code p} within {@code budget}; keeps at most {@code maxFailures} distinct failures. */
  public static <C> Result run(FuzzProperty<C> p, long seed, Budget budget, int maxFailures) {
    Stats stats = new Stats();
    List<Failure> failures = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    long start = System.nanoTime();
    long end = budget.duration() == null ? Long.MAX_VALUE : start + budget.duration().toNanos();
    long cases = 0;
    long discarded = 0;
    for (long i = 0; i < budget.tries() && System.nanoTime() < end && failures.size() < maxFailures; i++) {
      C c;
      try {
        c = p.generate(new Random(caseSeed(seed, i)));
      } catch (Discard d) {
        discarded++;
        stats.count("discarded: " + d.getMessage());
        continue;
      } catch (RuntimeException e) {
        cases++;
        if (seen.add(signature(e))) {
          failures.add(new Failure(p.name(), seed, i, "(the generator failed)", describe(e)));
        }
        continue;
      }
      cases++;
      Throwable t = failure(p, c, stats);
      if (t instanceof Discard d) {
        discarded++;
        stats.count("discarded: " + d.getMessage());
      } else if (t != null) {
        String key = signature(t);
        if (seen.add(key)) {
          failures.add(new Failure(p.name(), seed, i, p.show(c), describe(t)));
        } else {
          stats.count("failure seen again: " + key);
        }
      }
    }
    return new Result(p.name(), seed, cases, discarded, Duration.ofNanos(System.nanoTime() - start), failures, stats);
  }

  /** Runs case {@code index} of a run alone, as a failure report would name it. */
  public static <C> Result one(FuzzProperty<C> p, long seed, long index) {
    Stats stats = new Stats();
    long start = System.nanoTime();
    C c = p.generate(new Random(caseSeed(seed, index)));
    Throwable t = failure(p, c, stats);
    List<Failure> failures = new ArrayList<>();
    if (t != null && !(t instanceof Discard)) {
      failures.add(new Failure(p.name(), seed, index, p.show(c), describe(t)));
    } else {
      stats.count(t == null ? "passed" : "discarded: " + t.getMessage());
      stats.example("case", p.show(c));
    }
    return new Result(p.name(), seed, 1, t instanceof Discard ? 1 : 0, Duration.ofNanos(System.nanoTime() - start),
        failures, stats);
  }

  private static <C> Throwable failure(FuzzProperty<C> p, C c, Stats stats) {
    try {
      p.check(c, stats);
      return null;
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError e && !(t instanceof StackOverflowError)) {
        throw e;
      }
      return t;
    }
  }

  /** The kind of failure, for de-duplication: the exception class and its message's first line up to a digit. */
  static String signature(Throwable t) {
    String m = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
    int cut = m.indexOf(':');
    return t.getClass().getSimpleName() + " " + (cut > 0 ? m.substring(0, cut) : m.length() > 60 ? m.substring(0, 60) : m);
  }

  /** The message of an assertion; for anything else (or an assertion's cause), its first and last frames. */
  static String describe(Throwable t) {
    if (t instanceof AssertionError && t.getCause() == null) {
      return String.valueOf(t.getMessage());
    }
    Throwable c = t instanceof AssertionError ? t.getCause() : t;
    StringBuilder b = new StringBuilder(t instanceof AssertionError ? t.getMessage() + "\n" : c + "\n");
    StackTraceElement[] frames = c.getStackTrace();
    for (int i = 0; i < frames.length; i++) {
      if (i < 8 || i >= frames.length - 12 && frames[i].getClassName().startsWith("dev.evreg")) {
        b.append("\tat ").append(frames[i]).append('\n');
      } else if (i == 8) {
        b.append("\t...\n");
      }
    }
    return b.toString();
  }
}
