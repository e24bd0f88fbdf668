package dev.evreg.compat.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.avro.AvroSchema;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.internal.Accessor;

/**
 * An Avro default that Avro's parser accepts and its decoder cannot use. Avro 1.12 accepts a
 * union default that matches any branch, and an enum symbol inside a record's default without
 * checking that the enum has it; when a reader needs the default, the decoder encodes it with
 * the first union branch of a compatible kind (a record branch takes any value) and fails.
 * Detection is Avro's own: {@code GenericData.getDefaultValue}; the walk below only explains it.
 */
public final class AvroDefaultUnusable implements LintRule {

  static final RuleInfo INFO = new RuleInfo("AVRO_DEFAULT_UNUSABLE", "EVOLUTION", Severity.ERROR,
      "An Avro default that the parser accepts but a reader cannot use");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    if (!(ctx.schema() instanceof AvroSchema avro)) {
      return;
    }
    Map<String, RecordType> records = new HashMap<>();
    for (RecordType r : ctx.view().records()) {
      records.put(r.namespace() == null || r.namespace().isEmpty() ? r.name() : r.namespace() + "." + r.name(), r);
    }
    for (Schema s : recordsOf(avro.schema(), new HashSet<>(), new ArrayList<>())) {
      RecordType r = records.get(s.getFullName());
      for (Schema.Field f : s.getFields()) {
        String failure = f.hasDefaultValue() ? decoderFailure(f) : null;
        if (failure == null) {
          continue;
        }
        String why = problem(f.schema(), Accessor.defaultValue(f), "");
        Field at = r == null ? null : r.field(f.name()).orElse(null);
        ctx.report(at, at != null ? at.location() : r != null ? r.location() : null,
            "The default of field \"" + f.name() + "\" of \"" + s.getName() + "\" cannot be used by Avro's decoder ("
            + failure + ")" + (why == null ? "" : ": it " + why) + ". Avro's parser and registries accept the schema,"
            + " so consumers that need the default break at run time.");
      }
    }
  }

  private static String decoderFailure(Schema.Field f) {
    try {
      GenericData.get().getDefaultValue(f);
      return null;
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** What makes the value unusable as a default of the type (the path inside the value first), or null. */
  static String problem(Schema type, JsonNode value, String path) {
    String in = path.isEmpty() ? "" : " at " + path;
    switch (type.getType()) {
      case UNION -> {
        Schema first = type.getTypes().get(0);
        String p = problem(first, value, path);
        if (p == null) {
          return null;
        }
        for (Schema other : type.getTypes().subList(1, type.getTypes().size())) {
          if (problem(other, value, path) == null) {
            return "gives the union " + union(type) + in + " a value of its branch \"" + name(other)
                + "\"; put that branch first in the union, or change the default";
          }
        }
        return p;
      }
      case RECORD -> {
        if (!value.isObject()) {
          return "is not a \"" + type.getName() + "\" record" + in;
        }
        for (Schema.Field f : type.getFields()) {
          JsonNode v = value.get(f.name());
          if (v == null) {
            if (!f.hasDefaultValue()) {
              return "leaves out field \"" + f.name() + "\" of \"" + type.getName() + "\"" + in + ", which has no default;"
                  + " give it a value there";
            }
            continue;
          }
          String p = problem(f.schema(), v, path.isEmpty() ? f.name() : path + "." + f.name());
          if (p != null) {
            return p;
          }
        }
        return null;
      }
      case ENUM -> {
        if (value.isTextual() && !type.hasEnumSymbol(value.asText())) {
          return "names \"" + value.asText() + "\"" + in + ", which enum \"" + type.getName() + "\" does not have;"
              + " name one of its symbols";
        }
        return value.isTextual() ? null : "is not a symbol of enum \"" + type.getName() + "\"" + in;
      }
      case ARRAY -> {
        if (value.isArray()) {
          int i = 0;
          for (JsonNode item : value) {
            String p = problem(type.getElementType(), item, path + "[" + i++ + "]");
            if (p != null) {
              return p;
            }
          }
          return null;
        }
        return "is not an array" + in;
      }
      case MAP -> {
        if (value.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = problem(type.getValueType(), e.getValue(), path + "[\"" + e.getKey() + "\"]");
            if (p != null) {
              return p;
            }
          }
          return null;
        }
        return "is not a map" + in;
      }
      default -> {
        return type.isValidDefault(value) ? null : "is not a \"" + name(type) + "\"" + in;
      }
    }
  }

  private static String union(Schema union) {
    return union.getTypes().stream().map(AvroDefaultUnusable::name).toList().toString();
  }

  private static String name(Schema s) {
    return switch (s.getType()) {
      case RECORD, ENUM, FIXED -> s.getName();
      default -> s.getType().getName();
    };
  }

  private static List<Schema> recordsOf(Schema s, Set<String> seen, List<Schema> out) {
    switch (s.getType()) {
      case RECORD -> {
        if (seen.add(s.getFullName())) {
          out.add(s);
          s.getFields().forEach(f -> recordsOf(f.schema(), seen, out));
        }
      }
      case UNION -> s.getTypes().forEach(t -> recordsOf(t, seen, out));
      case ARRAY -> recordsOf(s.getElementType(), seen, out);
      case MAP -> recordsOf(s.getValueType(), seen, out);
      default -> { }
    }
    return out;
  }
}
