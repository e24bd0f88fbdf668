package dev.evreg.compat.fuzz.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.CompatibilityReport;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.avro.AvroCompatibility;
import dev.evreg.compat.avro.AvroSchema;
import dev.evreg.compat.fuzz.Fuzz;
import dev.evreg.compat.fuzz.FuzzProperty;
import dev.evreg.compat.fuzz.FuzzSuite;
import dev.evreg.compat.fuzz.Tree;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Avro properties over random schemas and evolutions: evreg parses what Avro parses; evreg's
 * verdict equals Avro's {@link SchemaCompatibility} at every level (differential oracle); and
 * what evreg calls compatible really decodes (semantic oracle), with the rate at which an
 * incompatible verdict has a witness record.
 */
class AvroFuzzTest {

  static final SchemaReader READER = new SchemaReader(SchemaReader.Options.DEFAULTS);
  static final CompatibilityChecker CHECKER = CompatibilityChecker.standard();
  static final Set<String> RULES = AvroCompatibility.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());

  @TestFactory
  Stream<DynamicTest> avro() {
    return FuzzSuite.tests("avro", List.of(
        FuzzSuite.quick(new ParseProperty(), 300),
        FuzzSuite.quick(new DifferentialProperty(), 200),
        FuzzSuite.quick(new SemanticProperty(), 300)));
  }

  /** Versions of one subject, oldest first, and the edits between them. */
  record History(List<String> versions, List<AvroGen.Rec> models, List<String> edits, long dataSeed) {
    String show() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < versions.size(); i++) {
        if (i > 0) {
          b.append("edits: ").append(edits.get(i - 1)).append('\n');
        }
        b.append("v").append(i + 1).append(".avsc: ").append(versions.get(i)).append('\n');
      }
      return b.toString();
    }
  }

  static History history(Random r, int versions) {
    AvroGen gen = new AvroGen(r);
    AvroGen.Rec v = gen.schema();
    List<String> texts = new ArrayList<>();
    List<AvroGen.Rec> models = new ArrayList<>();
    List<String> edits = new ArrayList<>();
    texts.add(render(v, r));
    models.add(v);
    for (int i = 1; i < versions; i++) {
      AvroEvolve e = new AvroEvolve(gen);
      v = e.evolve(v);
      texts.add(render(v, r));
      models.add(v);
      edits.add(String.join("; ", e.log()));
    }
    texts.forEach(AvroGen::avro);
    return new History(texts, models, edits, r.nextLong());
  }

  static String render(AvroGen.Rec v, Random r) {
    return AvroGen.render(v, Tree.Style.COMPACT, r.nextBoolean());
  }

  static AvroSchema parse(String name, String text) {
    return (AvroSchema) READER.parse(new SourceFile(name, text), SchemaFormat.AVRO);
  }

  static boolean compatible(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  /** evreg reads every schema Avro reads, to the same schema. */
  static final class ParseProperty extends FuzzProperty.Named<History> {
    ParseProperty() {
      super("avro-parse", random -> history(random, 2), History::show);
    }

    @Override
    public void check(History h, Fuzz.Stats stats) {
      Random layout = new Random(h.dataSeed());
      for (int i = 0; i < h.versions().size(); i++) {
        String text = h.versions().get(i);
        AvroSchema s = parse("v.avsc", text);
        assertEquals(new Schema.Parser().parse(text), s.schema(), "evreg's parse differs from Avro's");
        String other = AvroGen.render(h.models().get(i), Tree.Style.random(layout), layout.nextBoolean());
        assertEquals(s.canonical(), parse("w.avsc", other).canonical(), "the canonical form changed with the layout");
        stats.count("schemas parsed");
      }
    }
  }

  /** evreg's verdict is Avro's SchemaCompatibility verdict at every level, over 1 to 3 previous versions. */
  static final class DifferentialProperty extends FuzzProperty.Named<History> {
    DifferentialProperty() {
      super("avro-differential", random -> history(random, 2 + random.nextInt(3)), History::show);
    }

    @Override
    public void check(History h, Fuzz.Stats stats) {
      List<ParsedSchema> all = new ArrayList<>();
      for (int i = 0; i < h.versions().size(); i++) {
        all.add(parse("v" + (i + 1) + ".avsc", h.versions().get(i)));
      }
      List<ParsedSchema> previous = all.subList(0, all.size() - 1);
      AvroSchema candidate = (AvroSchema) all.get(all.size() - 1);
      for (Level level : Level.values()) {
        Boolean expected = avroVerdict(level, previous, candidate);
        CompatibilityReport report;
        try {
          report = CHECKER.check(level, previous, candidate, CheckOptions.DEFAULTS);
        } catch (SchemaException e) {
          assertNull(expected, "evreg refused a pair Avro judges: " + e.getMessage());
          stats.count(level + " refused, as Avro's checker refuses it");
          continue;
        }
        assertNotNull(expected, "Avro's checker refuses the pair, evreg judged it");
        assertEquals(expected, report.compatible(), "evreg and Avro's SchemaCompatibility disagree at " + level);
        report.results().forEach(v -> v.findings().forEach(f -> {
          assertTrue(RULES.contains(f.ruleId()), "unknown rule " + f.ruleId());
          assertTrue(f.location().line() > 0, "a finding without a line: " + f.display());
          assertTrue(f.previous() != null && f.previous().line() > 0, "a finding without its old location: " + f.display());
        }));
        stats.count(level + (expected ? " compatible" : " incompatible"));
      }
    }
  }

  /** Avro's verdict computed directly from SchemaCompatibility; null when Avro's checker refuses the pair. */
  static Boolean avroVerdict(Level level, List<ParsedSchema> previous, AvroSchema candidate) {
    if (level == Level.NONE) {
      return true;
    }
    int first = level.transitive() ? 0 : previous.size() - 1;
    boolean ok = true;
    try {
      for (int i = first; i < previous.size(); i++) {
        Schema old = ((AvroSchema) previous.get(i)).schema();
        if (level.newReadsOld()) {
          ok &= compatible(candidate.schema(), old);
        }
        if (level.oldReadsNew()) {
          ok &= compatible(old, candidate.schema());
        }
      }
    } catch (AvroRuntimeException e) {
      return null;
    }
    return ok;
  }

  /**
   * Semantic oracle, both directions: when evreg says the reader schema can read the writer's
   * data, random records written with the writer schema decode with the reader schema (every
   * byte consumed) and fields whose schema did not change keep their values; when it says it
   * cannot, the rate at which a random record fails to decode (a witness) is reported per rule.
   */
  static final class SemanticProperty extends FuzzProperty.Named<History> {
    static final int RECORDS = 25;

    SemanticProperty() {
      super("avro-semantic", random -> history(random, 2), History::show);
    }

    @Override
    public void check(History h, Fuzz.Stats stats) throws Exception {
      AvroSchema old = parse("old.avsc", h.versions().get(0));
      AvroSchema neu = parse("new.avsc", h.versions().get(1));
      AvroGen.Rec om = h.models().get(0);
      AvroGen.Rec nm = h.models().get(1);
      List<Finding> backward;
      List<Finding> forward;
      try {
        backward = CHECKER.compare(Level.BACKWARD, old, neu, CheckOptions.DEFAULTS);
        forward = CHECKER.compare(Level.FORWARD, old, neu, CheckOptions.DEFAULTS);
      } catch (SchemaException e) {
        stats.count("pairs refused as bad input (an alias matching two fields)");
        return;
      }
      direction(stats, "BACKWARD", backward, old.schema(), neu.schema(), om, nm, new Random(h.dataSeed()));
      direction(stats, "FORWARD", forward, neu.schema(), old.schema(), nm, om, new Random(~h.dataSeed()));
    }

    private static void direction(Fuzz.Stats stats, String dir, List<Finding> findings, Schema writer, Schema reader,
        AvroGen.Rec writerModel, AvroGen.Rec readerModel, Random data) throws Exception {
      if (findings.isEmpty()) {
        stats.count(dir + " compatible");
        for (int i = 0; i < RECORDS; i++) {
          Object datum = AvroData.datum(writer, data, 0);
          byte[] bytes = AvroData.encode(writer, datum);
          Object read;
          try {
            read = AvroData.decode(writer, reader, bytes);
          } catch (Exception e) {
            // Avro's checker and Avro's decoder disagree there: docs/compat/avro-differences.md
            String excluded = unusableDefault(e, reader);
            if (excluded == null) {
              excluded = avroInconsistency(writer, reader, writerModel, readerModel, bytes);
            }
            if (excluded != null) {
              stats.count(dir + " compatible: excluded, " + excluded);
              stats.example("excluded, " + excluded, e.getMessage());
              return;
            }
            throw new AssertionError("evreg says " + dir + "-compatible but a record written with the "
                + (dir.equals("BACKWARD") ? "old" : "new") + " schema does not decode: " + e + "\nrecord: " + datum, e);
          }
          try {
            unchanged(datum, read, writer, reader);
          } catch (AssertionError e) {
            if (keepsValuesInOneNamespace(writerModel, readerModel, datum, bytes)) {
              stats.count(dir + " compatible: excluded, " + FULL_NAMES);
              stats.example("excluded, " + FULL_NAMES, e.getMessage());
              return;
            }
            throw e;
          }
        }
        stats.count(dir + " compatible: records decoded");
        return;
      }
      Set<String> rules = findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
      String key = dir + " incompatible " + rules;
      stats.count(dir + " incompatible");
      boolean witness = false;
      for (int i = 0; i < RECORDS * 2 && !witness; i++) {
        byte[] bytes = AvroData.encode(writer, AvroData.datum(writer, data, 0));
        try {
          AvroData.decode(writer, reader, bytes);
        } catch (Exception e) {
          witness = true;
        }
      }
      if (witness) {
        stats.count(dir + " incompatible: witness found");
      } else {
        stats.example("no witness for " + key, findings.get(0).message());
      }
      for (String rule : rules) {
        stats.count("rule " + rule + ": incompatible verdicts");
        if (witness) {
          stats.count("rule " + rule + ": with a witness");
        }
      }
    }

    /**
     * Whether the bytes decode with the given (counterfactual) schemas. Two are used to tell
     * Avro's own inconsistencies from evreg's: the writer without field defaults (Avro's
     * decoder renames the writer's fields by the reader's aliases but not the members of the
     * writer's record defaults, then finds those invalid; a writer's defaults never matter to
     * a read), and both schemas in one namespace (SchemaCompatibility compares named types by
     * simple name, while the decoder picks a union branch for an enum or fixed value by full name).
     */
    /**
     * Whether the values survive once every namespace is the same: Avro's decoder applies a
     * reader field's aliases only inside a record of the same full name (or one the reader's
     * record aliases), while SchemaCompatibility matches fields by alias whatever the record's
     * namespace, so a renamed field in a record that moved namespace reads as its default.
     */
    static boolean keepsValuesInOneNamespace(AvroGen.Rec writer, AvroGen.Rec reader, Object datum, byte[] bytes) {
      AvroGen.Rec w = AvroGen.sameNamespace(writer);
      AvroGen.Rec r = AvroGen.sameNamespace(reader);
      if (w == null || r == null) {
        return false;
      }
      try {
        Schema ws = new Schema.Parser().parse(AvroGen.render(w, Tree.Style.COMPACT, true));
        Schema rs = new Schema.Parser().parse(AvroGen.render(r, Tree.Style.COMPACT, true));
        // the written datum again, as a value of the rewritten writer schema (same bytes)
        unchanged(AvroData.decode(ws, ws, bytes), AvroData.decode(ws, rs, bytes), ws, rs);
        return true;
      } catch (Exception | AssertionError e) {
        return false;
      }
    }

    static final String ENUM_DEFAULT = "reader default names a symbol its enum lacks";
    static final String UNION_DEFAULT = "reader default of a union branch after one the decoder picks";

    /**
     * Which of the reader's defaults Avro's parser accepts and its decoder cannot encode explains
     * a failed read, or null. The parser checks that an enum default is text, not that it is a
     * symbol (inside a record's default, say), and accepts a union default that matches any
     * branch (AVRO-3649), while the decoder encodes a union default with the first branch whose
     * kind fits the value (a record branch fits any value).
     * Recognised only when the failure comes from the decoder's default and Avro itself, with
     * no writer involved, cannot encode one of the reader's defaults.
     */
    static String unusableDefault(Throwable e, Schema reader) {
      boolean fromDefault = Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("getDefaultValue"));
      if (!fromDefault || !hasUnusableDefault(reader, new java.util.HashSet<>())) {
        return null;
      }
      return String.valueOf(e.getMessage()).contains("is not in the enum symbol set") ? ENUM_DEFAULT : UNION_DEFAULT;
    }

    private static boolean hasUnusableDefault(Schema s, Set<String> seen) {
      switch (s.getType()) {
        case RECORD -> {
          if (!seen.add(s.getFullName())) {
            return false;
          }
          for (Schema.Field f : s.getFields()) {
            if (f.hasDefaultValue()) {
              try {
                org.apache.avro.generic.GenericData.get().getDefaultValue(f);
              } catch (RuntimeException x) {
                return true;
              }
            }
            if (hasUnusableDefault(f.schema(), seen)) {
              return true;
            }
          }
          return false;
        }
        case UNION -> {
          return s.getTypes().stream().anyMatch(t -> hasUnusableDefault(t, seen));
        }
        case ARRAY -> {
          return hasUnusableDefault(s.getElementType(), seen);
        }
        case MAP -> {
          return hasUnusableDefault(s.getValueType(), seen);
        }
        default -> {
          return false;
        }
      }
    }

    static final String SLACK = "promoted collection items refused near the end of the buffer";
    static final String DEFAULTS = "writer default not renamed by a reader alias";
    static final String FULL_NAMES = "decoder matches named types by full name, the checker by simple name";

    /**
     * Which of Avro's own inconsistencies explains a failed read, found by reading again without
     * it (or without two or three of them together, fewest first); null when none does (then
     * the failure is evreg's).
     */
    static String avroInconsistency(Schema writer, Schema reader, AvroGen.Rec writerModel, AvroGen.Rec readerModel,
        byte[] bytes) {
      for (int mask : new int[] {1, 2, 4, 3, 5, 6, 7}) {
        boolean slack = (mask & 1) != 0;
        AvroGen.Rec w = writerModel;
        AvroGen.Rec r = readerModel;
        if ((mask & 2) != 0) {
          w = AvroGen.withoutDefaults(w);
        }
        if ((mask & 4) != 0) {
          w = AvroGen.sameNamespace(w);
          r = AvroGen.sameNamespace(r);
        }
        boolean ok = mask == 1 ? decodesWithSlack(writer, reader, bytes) : decodes(w, r, bytes, slack);
        if (ok) {
          List<String> causes = new ArrayList<>();
          if ((mask & 4) != 0) {
            causes.add(FULL_NAMES);
          }
          if ((mask & 2) != 0) {
            causes.add(DEFAULTS);
          }
          if (slack) {
            causes.add(SLACK);
          }
          return String.join(", and ", causes);
        }
      }
      return null;
    }

    static boolean decodesWithSlack(Schema writer, Schema reader, byte[] bytes) {
      try {
        AvroData.decodeWithSlack(writer, reader, bytes);
        return true;
      } catch (Exception e) {
        return false;
      }
    }

    static boolean decodes(AvroGen.Rec w, AvroGen.Rec r, byte[] bytes, boolean slack) {
      if (w == null || r == null) {
        return false;
      }
      try {
        Schema ws = new Schema.Parser().parse(AvroGen.render(w, Tree.Style.COMPACT, true));
        Schema rs = new Schema.Parser().parse(AvroGen.render(r, Tree.Style.COMPACT, true));
        if (slack) {
          AvroData.decodeWithSlack(ws, rs, bytes);
        } else {
          AvroData.decode(ws, rs, bytes);
        }
        return true;
      } catch (Exception e) {
        return false;
      }
    }

    /** Fields matched by name or alias whose schema is the same on both sides read back unchanged. */
    private static void unchanged(Object written, Object read, Schema writer, Schema reader) {
      if (writer.getType() != Schema.Type.RECORD || reader.getType() != Schema.Type.RECORD) {
        return;
      }
      GenericRecord w = (GenericRecord) written;
      GenericRecord r = (GenericRecord) read;
      for (Schema.Field rf : reader.getFields()) {
        Schema.Field wf = SchemaCompatibility.lookupWriterField(writer, rf);
        if (wf != null && wf.schema().equals(rf.schema()) && !AvroData.same(w.get(wf.pos()), r.get(rf.pos()), rf.schema())) {
          throw new AssertionError("field " + rf.name() + " of unchanged schema read back as " + r.get(rf.pos())
              + ", written as " + w.get(wf.pos()));
        }
      }
    }
  }
}
