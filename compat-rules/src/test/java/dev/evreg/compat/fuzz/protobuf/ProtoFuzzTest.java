package dev.evreg.compat.fuzz.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.ProtoRules;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.fuzz.Fuzz;
import dev.evreg.compat.fuzz.FuzzProperty;
import dev.evreg.compat.fuzz.FuzzSuite;
import dev.evreg.compat.protobuf.ProtoSchema;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Protobuf properties over random .proto files and evolutions. The semantic oracle: when evreg
 * says a pair is compatible under the {@code wire} rule set in a direction, random messages
 * written with the writer's descriptor parse with the reader's, and every field of unchanged
 * type keeps its value.
 */
class ProtoFuzzTest {

  static final SchemaReader READER = new SchemaReader(SchemaReader.Options.DEFAULTS);
  static final CheckOptions WIRE = CheckOptions.DEFAULTS.withProtoRules(ProtoRules.WIRE);
  static final int MESSAGES = 20;

  @TestFactory
  Stream<DynamicTest> protobuf() {
    return FuzzSuite.tests("protobuf", List.of(
        FuzzSuite.quick(new ParseProperty(), 100),
        FuzzSuite.quick(new SemanticProperty(), 200)));
  }

  /** A file and its next version. */
  record Pair(ProtoGen.PFile oldModel, ProtoGen.PFile newModel, String old, String neu, String edits, long dataSeed) {
    String show() {
      return "old order.proto:\n" + old + "edits: " + edits + "\nnew order.proto:\n" + neu;
    }
  }

  static Pair pair(Random r) {
    ProtoGen gen = new ProtoGen(r);
    ProtoGen.PFile old = gen.file();
    ProtoEvolve e = new ProtoEvolve(gen);
    ProtoGen.PFile neu = e.evolve(old);
    return new Pair(old, neu, ProtoGen.render(old, null, false), ProtoGen.render(neu, null, false),
        String.join("; ", e.log()), r.nextLong());
  }

  /** evreg's parse, or a discard when it refuses a generated file (counted by reason). */
  static ProtoSchema parse(String dir, String text) {
    try {
      return (ProtoSchema) READER.parse(new SourceFile(dir + "/order.proto", text), SchemaFormat.PROTOBUF);
    } catch (SchemaException e) {
      throw Fuzz.discard("evreg refuses a generated file: " + Fuzz.shape(e.reason()));
    }
  }

  /** evreg parses every generated file, to a canonical form that ignores the layout. */
  static final class ParseProperty extends FuzzProperty.Named<Pair> {
    ParseProperty() {
      super("proto-parse", ProtoFuzzTest::pair, Pair::show);
    }

    @Override
    public void check(Pair p, Fuzz.Stats stats) {
      Random layout = new Random(p.dataSeed());
      for (ProtoGen.PFile f : List.of(p.oldModel(), p.newModel())) {
        ProtoSchema a = parse("a", ProtoGen.render(f, null, false));
        ProtoSchema b = parse("b", ProtoGen.render(f, layout, false));
        assertEquals(a.canonical(), b.canonical(), "the canonical form changed with the layout");
        ProtoMessages.descriptor(a);
        stats.count("files parsed");
      }
    }
  }

  /**
   * Both directions under the wire rule set; for incompatible verdicts, the witness rate per
   * rule: a message that does not parse, loses a field of unchanged type, or reads a value
   * under the same number as another value.
   */
  static final class SemanticProperty extends FuzzProperty.Named<Pair> {
    SemanticProperty() {
      super("proto-semantic", ProtoFuzzTest::pair, Pair::show);
    }

    @Override
    public void check(Pair p, Fuzz.Stats stats) {
      ProtoSchema old = parse("old", p.old());
      ProtoSchema neu = parse("new", p.neu());
      Descriptors.FileDescriptor od = ProtoMessages.descriptor(old);
      Descriptors.FileDescriptor nd = ProtoMessages.descriptor(neu);
      Random data = new Random(p.dataSeed());
      direction(stats, "BACKWARD", CompatibilityChecker.standard().compare(Level.BACKWARD, old, neu, WIRE), od, nd, data);
      direction(stats, "FORWARD", CompatibilityChecker.standard().compare(Level.FORWARD, old, neu, WIRE), nd, od, data);
    }

    private static void direction(Fuzz.Stats stats, String dir, List<Finding> findings, Descriptors.FileDescriptor writer,
        Descriptors.FileDescriptor reader, Random data) {
      boolean compatible = findings.isEmpty();
      Set<String> rules = findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
      stats.count(dir + (compatible ? " compatible" : " incompatible"));
      boolean witness = false;
      int compared = 0;
      // matched by name inside the package, so that a changed package still reads the same bytes
      Map<String, Descriptors.Descriptor> readers = new java.util.HashMap<>();
      messageTypes(reader.getMessageTypes()).forEach(d -> readers.put(local(d), d));
      for (Descriptors.Descriptor w : messageTypes(writer.getMessageTypes())) {
        Descriptors.Descriptor rd = readers.get(local(w));
        if (rd == null) {
          continue;
        }
        for (int i = 0; i < MESSAGES && !witness; i++) {
          DynamicMessage m = ProtoMessages.message(w, data, 0);
          byte[] bytes = m.toByteArray();
          try {
            DynamicMessage read = DynamicMessage.parseFrom(rd, bytes);
            ProtoMessages.sameKnownFields(m, read, w.getName());
            compared++;
            if (!compatible && ProtoMessages.valueChanged(m, read)) {
              witness = true;
            }
          } catch (Exception | AssertionError e) {
            if (compatible && closedEnumInRequiredField(m, rd, bytes)) {
              // buf's WIRE rules (and evreg's) accept it: docs/compat/protobuf-differences.md
              stats.count(dir + " compatible: messages excluded, value unknown to a closed enum in a required field");
              continue;
            }
            if (compatible) {
              throw new AssertionError("evreg says " + dir + "-compatible under wire, but a " + w.getName() + " written with the "
                  + (dir.equals("BACKWARD") ? "old" : "new") + " file " + (e instanceof AssertionError ? "lost a value: "
                  : "does not parse: ") + e.getMessage() + "\nmessage: " + m.toString().replaceAll("\\s+", " "), e);
            }
            witness = true;
          }
        }
      }
      if (compatible) {
        stats.count(dir + " compatible: messages compared" + (compared == 0 ? " (none: no message kept its name)" : ""));
        return;
      }
      if (witness) {
        stats.count(dir + " incompatible: witness found");
      }
      for (String rule : rules) {
        stats.count("rule " + rule + ": incompatible verdicts");
        if (witness) {
          stats.count("rule " + rule + ": with a witness");
        }
      }
    }

    private static String local(Descriptors.Descriptor d) {
      String pkg = d.getFile().getPackage();
      return pkg.isEmpty() ? d.getFullName() : d.getFullName().substring(pkg.length() + 1);
    }

    /** Every message type, nested ones too (map entries aside), each as a message of its own. */
    static List<Descriptors.Descriptor> messageTypes(List<Descriptors.Descriptor> types) {
      List<Descriptors.Descriptor> out = new java.util.ArrayList<>();
      for (Descriptors.Descriptor d : types) {
        if (!d.getOptions().getMapEntry()) {
          out.add(d);
          out.addAll(messageTypes(d.getNestedTypes()));
        }
      }
      return out;
    }

    /**
     * Whether the read failed only because a required field holds a value its reader's closed
     * (proto2) enum does not know: the reader drops the value, then misses the field. Every
     * other field of unchanged type must still read back.
     */
    static boolean closedEnumInRequiredField(DynamicMessage written, Descriptors.Descriptor reader, byte[] bytes) {
      try {
        DynamicMessage read = DynamicMessage.newBuilder(reader).mergeFrom(bytes).buildPartial();
        ProtoMessages.sameKnownFields(written, read, reader.getName());
        List<String> missing = read.findInitializationErrors();
        return !missing.isEmpty() && missing.stream().allMatch(path -> unknownEnumValue(written, reader, path));
      } catch (Exception | AssertionError e) {
        return false;
      }
    }

    /** Whether the field a missing-field path names ({@code qty[0].created_at}, {@code flag[1].value.x}) holds an unknown value. */
    private static boolean unknownEnumValue(DynamicMessage written, Descriptors.Descriptor reader, String path) {
      DynamicMessage w = written;
      Descriptors.Descriptor r = reader;
      String[] steps = path.split("\\.");
      for (int i = 0; i < steps.length; i++) {
        String step = steps[i];
        int bracket = step.indexOf('[');
        int index = bracket < 0 ? -1 : Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
        Descriptors.FieldDescriptor rf = r.findFieldByName(bracket < 0 ? step : step.substring(0, bracket));
        Descriptors.FieldDescriptor wf = rf == null ? null : w.getDescriptorForType().findFieldByNumber(rf.getNumber());
        if (wf == null || wf.isRepeated() != (index >= 0)) {
          return false;
        }
        Object value;
        if (index >= 0) {
          if (index >= w.getRepeatedFieldCount(wf)) {
            return false;
          }
          value = w.getRepeatedField(wf, index);
        } else if (w.hasField(wf)) {
          value = w.getField(wf);
        } else {
          return false;
        }
        if (i == steps.length - 1) {
          return rf.getJavaType() == Descriptors.FieldDescriptor.JavaType.ENUM && rf.getEnumType().isClosed()
              && value instanceof Descriptors.EnumValueDescriptor v && rf.getEnumType().findValueByNumber(v.getNumber()) == null;
        }
        if (!(value instanceof DynamicMessage next)) {
          return false;
        }
        w = next;
        r = rf.getMessageType();
      }
      return false;
    }
  }
}
