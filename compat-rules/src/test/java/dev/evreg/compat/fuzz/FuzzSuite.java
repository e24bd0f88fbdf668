package dev.evreg.compat.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs properties as JUnit dynamic tests, in their quick form ({@code tries} cases each, for
 * {@code mvn verify}) or in their long form, set by system properties:
 * <ul>
 *   <li>{@code evreg.fuzz.seed}: the run seed (default {@value #DEFAULT_SEED}, so CI is repeatable);
 *   <li>{@code evreg.fuzz.tries}: cases per property instead of each property's quick count;
 *   <li>{@code evreg.fuzz.seconds}: a time budget per property; tries are then unbounded, and up to
 *       five distinct failures are kept per property;
 *   <li>{@code evreg.fuzz.only}: a regular expression the property names must match;
 *   <li>{@code evreg.fuzz.case}: with {@code evreg.fuzz.seed}, run that one case (to reproduce a failure);
 *   <li>{@code evreg.fuzz.report}: the folder the summaries are appended to (default {@code target/fuzz}).
 * </ul>
 */
public final class FuzzSuite {

  public static final long DEFAULT_SEED = 20261123L;

  private FuzzSuite() {}

  /** A property with the number of cases its quick form runs. */
  public record Entry(FuzzProperty<?> property, int quickTries) {}

  public static Entry quick(FuzzProperty<?> p, int tries) {
    return new Entry(p, tries);
  }

  public static long seed() {
    return Long.getLong("evreg.fuzz.seed", DEFAULT_SEED);
  }

  /** One dynamic test per property of {@code suite}; each prints its summary and fails on a falsified case. */
  public static Stream<DynamicTest> tests(String suite, List<Entry> entries) {
    String only = System.getProperty("evreg.fuzz.only");
    List<Entry> selected = entries.stream()
        .filter(e -> only == null || only.isBlank() || e.property().name().matches(only)).toList();
    long seconds = Long.getLong("evreg.fuzz.seconds", 0L);
    Integer tries = Integer.getInteger("evreg.fuzz.tries");
    String oneCase = System.getProperty("evreg.fuzz.case");
    long seed = seed();
    if (!selected.isEmpty()) {
      reset(suite);
    }
    return selected.stream().map(e -> DynamicTest.dynamicTest(e.property().name(), () -> {
      Fuzz.Result r;
      if (oneCase != null && !oneCase.isBlank()) {
        r = Fuzz.one(e.property(), seed, Long.parseLong(oneCase.trim()));
      } else {
        Fuzz.Budget budget = seconds > 0
            ? Fuzz.Budget.time(Duration.ofSeconds(seconds))
            : Fuzz.Budget.tries(tries != null ? tries : e.quickTries());
        r = Fuzz.run(e.property(), seed, budget, seconds > 0 ? 5 : 1);
      }
      String summary = r.summary();
      System.out.print("[fuzz] " + summary);
      append(suite, summary);
      if (!r.failures().isEmpty()) {
        fail(r.failures().size() + " falsified case(s) for " + r.property() + "\n" + summary);
      }
    }));
  }

  private static void reset(String suite) {
    try {
      Files.deleteIfExists(reportDir().resolve(suite + ".txt"));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static Path reportDir() {
    return Path.of(System.getProperty("evreg.fuzz.report", "target/fuzz"));
  }

  private static void append(String suite, String text) {
    Path dir = reportDir();
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(suite + ".txt"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
