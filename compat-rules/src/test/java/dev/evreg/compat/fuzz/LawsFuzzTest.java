package dev.evreg.compat.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.CompatibilityReport;
import dev.evreg.compat.Finding;
import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.ProtoRules;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.VersionResult;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Laws every engine obeys, for random histories of each format, under every JSON policy and
 * Protobuf rule set: a schema is compatible with itself at every level; BACKWARD(old, new) is
 * FORWARD(new, old); FULL is BACKWARD and FORWARD; a transitive level over one previous version
 * is its plain form, and over several is the conjunction of the pairs; and a new layout of the
 * same files (whitespace, member order, comments) changes no verdict and no rule.
 */
class LawsFuzzTest {

  static final SchemaReader READER = new SchemaReader(SchemaReader.Options.DEFAULTS);
  static final CompatibilityChecker CHECKER = CompatibilityChecker.standard();

  /**
   * The wire rule sets' reservation rules judge the history, not the reading: deleting a field
   * without reserving its number breaks both ways from old to new, while the same two files in
   * the other order add a field, which breaks nothing. They are left out of the swap law.
   */
  static final Set<String> HISTORY_RULES = Set.of("FIELD_REMOVED_WITHOUT_RESERVATION",
      "FIELD_REMOVED_WITHOUT_NAME_RESERVATION", "ENUM_CONST_REMOVED_WITHOUT_RESERVATION",
      "ENUM_CONST_REMOVED_WITHOUT_NAME_RESERVATION", "RESERVED_RANGE_REMOVED", "RESERVED_NAME_REMOVED",
      "RESERVED_NUMBER_REUSED", "RESERVED_NAME_REUSED");

  @TestFactory
  Stream<DynamicTest> laws() {
    return FuzzSuite.tests("laws", List.of(
        FuzzSuite.quick(new Laws("laws-avro", SchemaFormat.AVRO), 150),
        FuzzSuite.quick(new Laws("laws-jsonschema", SchemaFormat.JSON), 100),
        FuzzSuite.quick(new Laws("laws-protobuf", SchemaFormat.PROTOBUF), 100)));
  }

  static List<CheckOptions> options(SchemaFormat format) {
    return switch (format) {
      case AVRO -> List.of(CheckOptions.DEFAULTS);
      case JSON -> List.of(CheckOptions.DEFAULTS, CheckOptions.DEFAULTS.withJsonPolicy(JsonPolicy.LENIENT));
      case PROTOBUF -> List.of(CheckOptions.DEFAULTS, CheckOptions.DEFAULTS.withProtoRules(ProtoRules.WIRE),
          CheckOptions.DEFAULTS.withProtoRules(ProtoRules.WIRE_JSON));
    };
  }

  static ParsedSchema parse(Versions v, String dir, String text) {
    String path = v.path(dir);
    try {
      return READER.parse(new SourceFile(path, text), v.format());
    } catch (SchemaException e) {
      throw Fuzz.discard("a generated schema is refused: " + Fuzz.shape(e.reason()));
    }
  }

  static final class Laws extends FuzzProperty.Named<Versions> {
    Laws(String name, SchemaFormat format) {
      super(name, random -> Versions.random(format, random, 2 + random.nextInt(2)), Versions::show);
    }

    @Override
    public void check(Versions v, Fuzz.Stats stats) {
      try {
        laws(v, stats);
      } catch (SchemaException e) {
        // inputs evreg rightly refuses to compare (exit 2): a reference cycle, an ambiguous alias
        if (e.reason().contains("a cycle of references") || e.reason().contains("so Avro cannot tell which one to read")) {
          throw Fuzz.discard("refused as bad input: " + Fuzz.shape(e.reason()));
        }
        throw e;
      }
    }

    private void laws(Versions v, Fuzz.Stats stats) {
      List<ParsedSchema> all = new ArrayList<>();
      List<ParsedSchema> relaid = new ArrayList<>();
      for (int i = 0; i < v.texts().size(); i++) {
        all.add(parse(v, "v" + (i + 1), v.texts().get(i)));
        relaid.add(parse(v, "w" + (i + 1), v.relaid().get(i)));
      }
      int n = all.size();
      ParsedSchema old = all.get(n - 2);
      ParsedSchema neu = all.get(n - 1);
      for (CheckOptions o : options(v.format())) {
        String opts = v.format() == SchemaFormat.JSON ? " " + o.jsonPolicy()
            : v.format() == SchemaFormat.PROTOBUF ? " " + o.protoRules() : "";
        for (Level level : Level.values()) {
          assertEquals(List.of(), CHECKER.compare(level, old, old, o), "a schema is not " + level + opts + " with itself");
          assertEquals(List.of(), CHECKER.compare(level, old, relaid.get(n - 2), o),
              "a schema is not " + level + opts + " with a new layout of itself");
        }
        boolean history = v.format() == SchemaFormat.PROTOBUF && o.protoRules() != ProtoRules.REGISTRY;
        Map<Level, List<Finding>> pair = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
          pair.put(level, CHECKER.compare(level, old, neu, o));
        }
        List<Finding> backward = pair.get(Level.BACKWARD);
        List<Finding> forward = pair.get(Level.FORWARD);
        List<Finding> swapped = CHECKER.compare(Level.FORWARD, neu, old, o);
        assertEquals(reading(backward, history).isEmpty(), reading(swapped, history).isEmpty(),
            "BACKWARD(old, new) differs from FORWARD(new, old)" + opts + ": " + ids(backward) + " / " + ids(swapped));
        List<Finding> full = pair.get(Level.FULL);
        assertEquals(backward.isEmpty() && forward.isEmpty(), full.isEmpty(), "FULL is not BACKWARD and FORWARD" + opts);
        assertEquals(Set.copyOf(union(backward, forward)), Set.copyOf(full), "FULL's findings are not BACKWARD's and FORWARD's" + opts);
        for (Level level : Level.values()) {
          Level plain = plain(level);
          if (level.transitive()) {
            assertEquals(findings(CHECKER.check(plain, List.of(old), neu, o)),
                findings(CHECKER.check(level, List.of(old), neu, o)),
                level + " over one previous version differs from " + plain + opts);
          }
          assertEquals(ids(pair.get(level)),
              ids(CHECKER.compare(level, relaid.get(n - 2), relaid.get(n - 1), o)), "a new layout changed the " + level
                  + opts + " findings");
          if (level.transitive() && n > 2) {
            boolean each = all.subList(0, n - 1).stream().allMatch(p -> CHECKER.compare(plain, p, neu, o).isEmpty());
            assertEquals(each, CHECKER.check(level, all.subList(0, n - 1), neu, o).compatible(),
                level + " differs from " + plain + " against each previous version" + opts);
          }
        }
        stats.count("BACKWARD" + opts + (backward.isEmpty() ? " compatible" : " incompatible"));
      }
      if (v.format() != SchemaFormat.PROTOBUF) {
        for (int i = 0; i < n; i++) {
          assertEquals(all.get(i).canonical(), relaid.get(i).canonical(), "the canonical form changed with the layout");
        }
      }
    }
  }

  static Level plain(Level l) {
    return switch (l) {
      case BACKWARD_TRANSITIVE -> Level.BACKWARD;
      case FORWARD_TRANSITIVE -> Level.FORWARD;
      case FULL_TRANSITIVE -> Level.FULL;
      default -> l;
    };
  }

  static List<Finding> reading(List<Finding> findings, boolean dropHistory) {
    return findings.stream().filter(f -> !dropHistory || !HISTORY_RULES.contains(f.ruleId())).toList();
  }

  static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).sorted().toList();
  }

  static List<Finding> union(List<Finding> a, List<Finding> b) {
    List<Finding> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static List<List<Finding>> findings(CompatibilityReport r) {
    assertTrue(r.results().size() <= 1);
    return r.results().stream().map(VersionResult::findings).toList();
  }
}
