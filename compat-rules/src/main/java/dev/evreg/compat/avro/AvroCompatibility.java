package dev.evreg.compat.avro;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityEngine;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.ReadPair;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonPointer;
import dev.evreg.compat.source.Position;
import dev.evreg.compat.source.SchemaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Avro compatibility with Avro's {@link SchemaCompatibility} as the judge: its verdict is
 * evreg's verdict. Each incompatibility becomes a finding located in both files.
 */
public final class AvroCompatibility implements CompatibilityEngine<AvroSchema> {

  @Override
  public SchemaFormat format() {
    return SchemaFormat.AVRO;
  }

  public static List<RuleInfo> rules() {
    return Arrays.stream(AvroRule.values()).map(AvroRule::info).toList();
  }

  @Override
  public List<Finding> canRead(ReadPair<AvroSchema> pair, CheckOptions options) {
    SchemaCompatibility.SchemaCompatibilityResult result;
    try {
      result = SchemaCompatibility.checkReaderWriterCompatibility(pair.reader().schema(), pair.writer().schema())
          .getResult();
    } catch (AvroRuntimeException e) {
      throw ambiguousField(pair, e);
    }
    Set<Finding> findings = new LinkedHashSet<>();
    for (SchemaCompatibility.Incompatibility inc : result.getIncompatibilities()) {
      findings.add(toFinding(inc, pair));
    }
    return List.copyOf(findings);
  }

  /**
   * Avro refuses to compare a reader field whose name and aliases match more than one field of
   * the writer's record (it cannot tell which to read, and neither can its decoder): bad input,
   * located at the reader field's aliases.
   */
  private static SchemaException ambiguousField(ReadPair<AvroSchema> pair, AvroRuntimeException e) {
    AvroSchema reader = pair.reader();
    List<Schema> writerRecords = AvroSchema.records(pair.writer().schema());
    // records Avro pairs by name first; any record after (the top-level records are paired whatever their names)
    for (boolean byName : new boolean[] {true, false}) {
      SchemaException located = ambiguousField(pair, writerRecords, byName);
      if (located != null) {
        return located;
      }
    }
    return new SchemaException(reader.source().path(), 0, 0, "Avro cannot compare this schema with "
        + pair.writer().source().path() + ": " + e.getMessage(), e);
  }

  private static SchemaException ambiguousField(ReadPair<AvroSchema> pair, List<Schema> writerRecords, boolean byName) {
    AvroSchema reader = pair.reader();
    for (Schema r : AvroSchema.records(reader.schema())) {
      for (Schema.Field f : r.getFields()) {
        if (f.aliases().isEmpty()) {
          continue;
        }
        for (Schema w : writerRecords) {
          if (byName && !w.getName().equals(r.getName()) && !r.getAliases().contains(w.getFullName())) {
            continue;
          }
          List<String> matched = new ArrayList<>();
          if (w.getField(f.name()) != null) {
            matched.add(f.name());
          }
          f.aliases().stream().filter(a -> w.getField(a) != null).forEach(matched::add);
          if (matched.size() > 1) {
            AvroTree.Node def = reader.tree().definition(r.getFullName());
            AvroTree.Node field = def == null ? null : reader.tree().field(def, f.pos());
            Position at = field == null ? new Position(1, 1)
                : field.json() instanceof JsonObject o && o.get("aliases") != null ? o.get("aliases").position()
                : field.json().position();
            return new SchemaException(reader.source().path(), at, "field \"" + f.name() + "\" of record \""
                + r.getFullName() + "\" matches " + matched.size() + " fields of record \"" + w.getFullName()
                + "\" in " + pair.writer().source().path() + " by its name and aliases (" + matched.stream()
                .map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(", "))
                + "), so Avro cannot tell which one to read; drop the alias that names another field");
          }
        }
      }
    }
    return null;
  }


  private static Finding toFinding(SchemaCompatibility.Incompatibility inc, ReadPair<AvroSchema> pair) {
    Walk walk = new Walk(pair.reader(), pair.writer());
    walk.follow(JsonPointer.tokens(inc.getLocation()));
    AvroRule rule = AvroRule.valueOf(inc.getType().name());
    Schema writerBranch = walk.writerUnion != null ? walk.w : inc.getWriterFragment();
    Schema writerWhole = walk.writerUnion != null ? walk.writerUnion : inc.getWriterFragment();
    AvroIncompatibility context = new AvroIncompatibility(inc.getReaderFragment(), writerWhole, writerBranch,
        pair.readerIsNew(), walk.readerField, walk.fieldPath, walk.suffix, walk.rootRecord, walk.innerRecord);
    Location readerAt = walk.location(pair.reader(), walk.rn);
    Location writerAt = walk.location(pair.writer(), walk.wn);
    return new Finding(rule.name(), Severity.ERROR, rule.message(context),
        pair.readerIsNew() ? readerAt : writerAt,
        pair.readerIsNew() ? writerAt : readerAt);
  }

  /**
   * Follows Avro's location pointer through the reader schema and, where it can, the matching
   * element of the writer schema. Avro's pointer indexes a writer union's branches; record
   * fields are matched by name or reader alias, as Avro matches them.
   */
  private static final class Walk {
    private final AvroTree rt;
    private final AvroTree wt;
    private Schema r;
    Schema w;
    /** The writer union the walk stepped into last, or null when its last step was not into a union. */
    Schema writerUnion;
    AvroTree.Node rn;
    AvroTree.Node wn;
    private boolean writerLost;
    private String member;
    Schema.Field readerField;
    final List<String> fieldPath = new ArrayList<>();
    String suffix = "";
    String rootRecord;
    String innerRecord;

    Walk(AvroSchema reader, AvroSchema writer) {
      rt = reader.tree();
      wt = writer.tree();
      r = reader.schema();
      w = writer.schema();
      rn = rt.root();
      wn = wt.root();
      if (r.getType() == Schema.Type.RECORD) {
        rootRecord = r.getFullName();
        innerRecord = rootRecord;
      }
    }

    void follow(List<String> tokens) {
      int i = 0;
      while (i < tokens.size()) {
        String t = tokens.get(i);
        if (!writerLost && w.getType() == Schema.Type.UNION && isIndex(t)) {
          int k = Integer.parseInt(t);
          if (k >= w.getTypes().size()) {
            return;
          }
          writerUnion = w;
          w = w.getTypes().get(k);
          wn = wn == null ? null : wt.branch(wn, k);
          i++;
          continue;
        }
        writerUnion = null;
        switch (r.getType()) {
          case RECORD -> {
            if (t.equals("fields") && i + 1 < tokens.size() && isIndex(tokens.get(i + 1))) {
              i = enterField(tokens, i);
              continue;
            }
            member = t;
            return;
          }
          case ARRAY -> {
            if (!t.equals("items")) {
              member = t;
              return;
            }
            r = r.getElementType();
            rn = rn == null ? null : rt.child(rn, "items");
            if (!writerLost && w.getType() == Schema.Type.ARRAY) {
              w = w.getElementType();
              wn = wn == null ? null : wt.child(wn, "items");
            } else {
              writerLost = true;
            }
            suffix += "[]";
          }
          case MAP -> {
            if (!t.equals("values")) {
              member = t;
              return;
            }
            r = r.getValueType();
            rn = rn == null ? null : rt.child(rn, "values");
            if (!writerLost && w.getType() == Schema.Type.MAP) {
              w = w.getValueType();
              wn = wn == null ? null : wt.child(wn, "values");
            } else {
              writerLost = true;
            }
            suffix += "{}";
          }
          default -> {
            member = t;
            return;
          }
        }
        i++;
      }
    }

    private int enterField(List<String> tokens, int i) {
      int j = Integer.parseInt(tokens.get(i + 1));
      if (j >= r.getFields().size()) {
        return tokens.size();
      }
      Schema.Field rf = r.getFields().get(j);
      innerRecord = r.getFullName();
      readerField = rf;
      fieldPath.add(rf.name());
      suffix = "";
      AvroTree.Node rField = rn == null ? null : rt.field(rn, j);
      Schema.Field wf = !writerLost && w.getType() == Schema.Type.RECORD
          ? SchemaCompatibility.lookupWriterField(w, rf) : null;
      AvroTree.Node wField = wf == null || wn == null ? wn : wt.field(wn, wf.pos());
      if (wf == null) {
        writerLost = true;
      }
      int next = i + 2;
      if (next < tokens.size() && tokens.get(next).equals("type")) {
        r = rf.schema();
        rn = rField == null ? null : rt.child(rField, "type");
        if (wf != null) {
          w = wf.schema();
          wn = wField == null ? null : wt.child(wField, "type");
        } else {
          wn = wField;
        }
        return next + 1;
      }
      rn = rField;
      wn = wField;
      return next;
    }

    Location location(AvroSchema schema, AvroTree.Node node) {
      if (node == null) {
        return Location.of(schema.source().path(), new Position(1, 1), "");
      }
      if (member != null && node.json() instanceof JsonObject o && o.get(member) != null) {
        return Location.of(schema.source().path(), o.get(member).position(), JsonPointer.append(node.pointer(), member));
      }
      return Location.of(schema.source().path(), node.json().position(), node.pointer());
    }

    private static boolean isIndex(String t) {
      return !t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 9;
    }
  }
}
