package dev.evreg.compat.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import dev.evreg.compat.avro.AvroSchema;
import dev.evreg.compat.lint.LintContext;
import dev.evreg.compat.lint.LintRule;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.RecordType;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.internal.Accessor;

/**
 * An Avro default that Avro's parser accepts and its decoder cannot use as written. Avro 1.12
 * accepts a union default that matches any branch, and enum symbols inside a record's default
 * without checking them; the decoder encodes a union default with the first branch whose kind
 * fits the value ({@link #fits}: a record, enum, array or map branch fits any value), and
 * numbers, bytes and fixed values with silent conversions. Such a default fails, or gives the
 * reader another value, exactly when a field was added: the moment a default exists for.
 */
public final class AvroDefaultUnusable implements LintRule {

  static final RuleInfo INFO = new RuleInfo("AVRO_DEFAULT_UNUSABLE", "EVOLUTION", Severity.ERROR,
      "An Avro default that the parser accepts but a reader cannot use as written");

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
      records.put(r.fullName(), r);
    }
    for (Schema s : AvroSchema.records(avro.schema())) {
      RecordType r = records.get(s.getFullName());
      for (Schema.Field f : s.getFields()) {
        if (!f.hasDefaultValue()) {
          continue;
        }
        Problem why = problem(f.schema(), Accessor.defaultValue(f), "");
        String outcome = decoderOutcome(f, why != null);
        if (why == null && outcome == null) {
          continue;
        }
        Field at = r == null ? null : r.field(f.name()).orElse(null);
        String head = "The default of field \"" + f.name() + "\" of \"" + s.getName() + "\" ";
        ctx.report(at, at != null ? at.location() : r != null ? r.location() : null,
            head + (why == null ? "cannot be used: Avro's decoder " + outcome + "; change the default"
                : why.what() + ", so Avro's decoder " + outcome + "; " + why.fix())
                + " (Avro's parser and registries accept it; consumers reading data written before the field existed"
                + " get this).");
      }
    }
  }

  /**
   * What Avro's decoder does with the default ("fails on it", "reads it as ..."): null when it
   * reads it and nothing was found wrong.
   */
  private static String decoderOutcome(Schema.Field f, boolean wrong) {
    try {
      Object value = GenericData.get().getDefaultValue(f);
      return wrong ? "reads it as " + GenericData.get().toString(value) : null;
    } catch (StackOverflowError e) {
      return "recurses on it without end";
    } catch (RuntimeException e) {
      return "fails on it";
    }
  }

  /** Whether Avro's decoder encodes a default value with this union branch (its kinds, in order). */
  static boolean fits(Schema branch, JsonNode value) {
    return switch (branch.getType()) {
      case NULL -> value.isNull();
      case BOOLEAN -> value.isBoolean();
      case INT, LONG, FLOAT, DOUBLE -> value.isNumber();
      case STRING, BYTES, FIXED -> value.isTextual();
      default -> true;
    };
  }

  /** What is wrong with a default value (naming the path inside it), and how to fix it. */
  record Problem(String what, String fix) {}

  /** What makes the value not read as written for the type, or null. */
  static Problem problem(Schema type, JsonNode value, String path) {
    String in = path.isEmpty() ? "" : " at " + path;
    switch (type.getType()) {
      case UNION -> {
        Schema picked = type.getTypes().stream().filter(t -> fits(t, value)).findFirst().orElse(null);
        Problem p = picked == null ? new Problem("matches no branch of the union " + union(type) + in, "change the default")
            : problem(picked, value, path);
        if (p == null) {
          return null;
        }
        for (Schema other : type.getTypes()) {
          if (other != picked && problem(other, value, path) == null) {
            return new Problem("gives the union " + union(type) + in + " a value of its branch \"" + name(other)
                + "\", taken for \"" + name(picked) + "\", the first branch of a kind that fits",
                "put \"" + name(other) + "\" before \"" + name(picked) + "\" in the union, or change the default");
          }
        }
        return p;
      }
      case RECORD -> {
        if (!value.isObject()) {
          return mismatch("a \"" + type.getName() + "\" record", in);
        }
        for (Schema.Field f : type.getFields()) {
          JsonNode v = value.get(f.name());
          if (v == null) {
            if (!f.hasDefaultValue()) {
              return new Problem("leaves out field \"" + f.name() + "\" of \"" + type.getName() + "\"" + in
                  + ", which has no default", "give that field a value in the default");
            }
            continue;
          }
          Problem p = problem(f.schema(), v, path.isEmpty() ? f.name() : path + "." + f.name());
          if (p != null) {
            return p;
          }
        }
        return null;
      }
      case ENUM -> {
        if (!value.isTextual()) {
          return mismatch("a symbol of enum \"" + type.getName() + "\"", in);
        }
        return type.hasEnumSymbol(value.asText()) ? null : new Problem("names \"" + value.asText() + "\"" + in
            + ", which enum \"" + type.getName() + "\" does not have", "name one of its symbols");
      }
      case ARRAY -> {
        if (!value.isArray()) {
          return mismatch("an array", in);
        }
        int i = 0;
        for (JsonNode item : value) {
          Problem p = problem(type.getElementType(), item, path + "[" + i++ + "]");
          if (p != null) {
            return p;
          }
        }
        return null;
      }
      case MAP -> {
        if (!value.isObject()) {
          return mismatch("a map", in);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          Problem p = problem(type.getValueType(), e.getValue(), path + "[\"" + e.getKey() + "\"]");
          if (p != null) {
            return p;
          }
        }
        return null;
      }
      case INT, LONG -> {
        boolean fitsIn = type.getType() == Schema.Type.INT ? value.canConvertToInt() : value.canConvertToLong();
        if (value.isIntegralNumber() && fitsIn) {
          return null;
        }
        String kind = type.getType() == Schema.Type.INT ? "an int" : "a long";
        return value.isNumber() ? new Problem("is " + value + in + ", which " + (value.isIntegralNumber() ? "does not fit"
            : "is not") + " " + kind, "give a whole number that fits " + kind) : mismatch("a number", in);
      }
      case FLOAT, DOUBLE -> {
        return value.isNumber() ? null : mismatch("a number", in);
      }
      case BYTES, FIXED -> {
        if (!value.isTextual()) {
          return mismatch("a string of bytes", in);
        }
        String text = value.asText();
        if (text.chars().anyMatch(c -> c > 0xFF)) {
          return new Problem("has characters above U+00FF" + in + ", and each character of a bytes default is one byte",
              "write each byte as one character from U+0000 to U+00FF (\\u00XX)");
        }
        if (type.getType() == Schema.Type.FIXED && text.length() != type.getFixedSize()) {
          return new Problem("has " + text.length() + " bytes" + in + " where fixed \"" + type.getName() + "\" holds "
              + type.getFixedSize(), "give exactly " + type.getFixedSize() + " bytes");
        }
        return null;
      }
      case STRING -> {
        return value.isTextual() ? null : mismatch("a string", in);
      }
      case BOOLEAN -> {
        return value.isBoolean() ? null : mismatch("a boolean", in);
      }
      case NULL -> {
        return value.isNull() ? null : mismatch("null", in);
      }
      default -> {
        return null;
      }
    }
  }

  private static Problem mismatch(String expected, String in) {
    return new Problem("is not " + expected + in, "change the default");
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
}
