package dev.evreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.fuzz.Fuzz;
import dev.evreg.compat.fuzz.FuzzProperty;
import dev.evreg.compat.fuzz.FuzzSuite;
import dev.evreg.compat.fuzz.Mutate;
import dev.evreg.compat.fuzz.Versions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code evreg compat} on mutated files (docs/testing/fuzzing.md): the exit code is 0, 1 or 2,
 * never 3; a refusal (2) is one line on stderr that starts with one of the files' paths and
 * holds no exception name or stack frame; and every run ends within {@link #BOUND}.
 */
class CliRobustnessFuzzTest {

  static final Duration BOUND = Duration.ofSeconds(20);

  @TestFactory
  Stream<DynamicTest> cliRobustness() {
    return FuzzSuite.tests("cli-robustness", List.of(
        FuzzSuite.quick(new CliRobust("cli-robust-avro", SchemaFormat.AVRO), 60),
        FuzzSuite.quick(new CliRobust("cli-robust-jsonschema", SchemaFormat.JSON), 60),
        FuzzSuite.quick(new CliRobust("cli-robust-protobuf", SchemaFormat.PROTOBUF), 40)));
  }

  record Case(Versions versions, Mutate.Mutant mutant, List<String> options) {
    String show() {
      return "evreg compat " + String.join(" ", options) + " old new\nmutation: " + mutant.how() + "\nold: "
          + versions.texts().get(0) + "\nnew: " + mutant.preview();
    }
  }

  static final class CliRobust extends FuzzProperty.Named<Case> {
    private final SchemaFormat format;

    CliRobust(String name, SchemaFormat format) {
      super(name, random -> generate(format, random), Case::show);
      this.format = format;
    }

    static Case generate(SchemaFormat format, Random r) {
      Versions v = Versions.random(format, r, 2);
      List<String> options = new ArrayList<>(List.of("--level", r.nextBoolean() ? "FULL_TRANSITIVE" : "BACKWARD"));
      if (format == SchemaFormat.PROTOBUF) {
        options.addAll(List.of("--proto-rules", new String[] {"registry", "wire", "wire-json"}[r.nextInt(3)]));
      }
      if (r.nextBoolean()) {
        options.addAll(List.of("--output", new String[] {"json", "sarif", "junit", "github"}[r.nextInt(4)]));
      }
      return new Case(v, Mutate.mutate(format, v.texts().get(1), r), options);
    }

    @Override
    public void check(Case c, Fuzz.Stats stats) throws IOException {
      Path dir = Files.createTempDirectory("evreg-fuzz");
      try {
        Path old = dir.resolve(c.versions().path("old"));
        Path neu = dir.resolve(c.versions().path("new"));
        Files.createDirectories(old.getParent());
        Files.createDirectories(neu.getParent());
        Files.writeString(old, c.versions().texts().get(0));
        Files.write(neu, c.mutant().bytes());
        List<String> args = new ArrayList<>(List.of("compat"));
        args.addAll(c.options());
        args.addAll(List.of(old.toString(), neu.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = Fuzz.within(BOUND, c.mutant().how(), () -> Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(code >= 0 && code <= 2, "exit " + code + ": " + stderr);
        assertTrue(ms < BOUND.toMillis(), "took " + ms + " ms");
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "a stack trace on stderr: " + stderr);
        if (code == 2) {
          List<String> lines = stderr.lines().toList();
          assertEquals(1, lines.size(), "not one line on stderr: " + stderr);
          assertTrue(lines.get(0).startsWith(neu + ":") || lines.get(0).startsWith(old + ":"),
              "an error without its file: " + lines.get(0));
        }
        stats.count("exit " + code);
        if (ms > 2000) {
          stats.example("took over 2 s", ms + " ms: " + c.mutant().how());
        }
      } finally {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
