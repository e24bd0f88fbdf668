package dev.evreg.compat.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.ProtoRules;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The library on mutated input: decoding, parsing and a FULL_TRANSITIVE comparison against the
 * valid previous version either succeed or throw a {@link SchemaException} whose message is one
 * line starting with the file's path; nothing else escapes, and each case ends within
 * {@link #BOUND}. Runs on a thread with the JVM's default stack, as an embedding would.
 */
class RobustnessFuzzTest {

  static final Duration BOUND = Duration.ofSeconds(20);
  static final SchemaReader READER = new SchemaReader(SchemaReader.Options.DEFAULTS);

  @TestFactory
  Stream<DynamicTest> robustness() {
    return FuzzSuite.tests("robustness", List.of(
        FuzzSuite.quick(new Robust("robust-avro", SchemaFormat.AVRO), 150),
        FuzzSuite.quick(new Robust("robust-jsonschema", SchemaFormat.JSON), 150),
        FuzzSuite.quick(new Robust("robust-protobuf", SchemaFormat.PROTOBUF), 100)));
  }

  /** A valid previous version and a mutated candidate. */
  record Case(Versions versions, Mutate.Mutant mutant) {
    String show() {
      return "mutation: " + mutant.how() + "\nprevious: " + versions.texts().get(0) + "\ncandidate: " + mutant.preview();
    }
  }

  static final class Robust extends FuzzProperty.Named<Case> {
    private final SchemaFormat format;

    Robust(String name, SchemaFormat format) {
      super(name, random -> generate(format, random), Case::show);
      this.format = format;
    }

    static Case generate(SchemaFormat format, Random random) {
      Versions v = Versions.random(format, random, 2);
      return new Case(v, Mutate.mutate(format, v.texts().get(1), random));
    }

    @Override
    public void check(Case c, Fuzz.Stats stats) throws Exception {
      String oldPath = c.versions().path("old");
      String newPath = c.versions().path("new");
      long start = System.nanoTime();
      String outcome = Fuzz.within(BOUND, c.mutant().how(), () -> {
        try {
          ParsedSchema old = READER.parse(new SourceFile(oldPath, c.versions().texts().get(0)), format);
          ParsedSchema neu = READER.parse(new SourceFile(newPath, SourceFile.decode(newPath, c.mutant().bytes())), format);
          CheckOptions o = CheckOptions.DEFAULTS.withTimeout(Duration.ofSeconds(5))
              .withProtoRules(ProtoRules.values()[c.mutant().bytes().length % 3]);
          CompatibilityChecker.standard().check(Level.FULL_TRANSITIVE, List.of(old), neu, o);
          return "accepted";
        } catch (SchemaException e) {
          String m = e.getMessage();
          assertFalse(m.contains("\n") || m.contains("\r"), "a message on several lines: " + m);
          assertTrue(m.startsWith(newPath + ":") || m.startsWith(oldPath + ":"), "a message without its file: " + m);
          assertFalse(m.contains("Exception") || m.contains("\tat "), "a message with an exception in it: " + m);
          return "refused";
        }
      });
      long ms = (System.nanoTime() - start) / 1_000_000;
      stats.count(outcome);
      if (ms > 2000) {
        stats.count("took over 2 s");
        stats.example("took over 2 s", ms + " ms: " + c.mutant().how());
      }
    }
  }
}
