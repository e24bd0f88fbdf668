package dev.evreg.compat.avro;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Avro's six incompatibility kinds, by the names Avro and the registry report them under.
 * Each constant writes its own message from the element that broke, seen from the candidate's side.
 */
enum AvroRule {
  NAME_MISMATCH("A record, enum or fixed type was renamed without an alias") {
    @Override
    String message(AvroIncompatibility i) {
      Schema oldS = i.oldFragment();
      Schema newS = i.newFragment();
      String kind = kindOf(oldS);
      return i.readerIsNew()
          ? cap(kind) + " \"" + oldS.getFullName() + "\" was renamed to \"" + newS.getFullName()
              + "\", so the new schema cannot read data written as \"" + oldS.getFullName()
              + "\"; add \"aliases\": [\"" + oldS.getFullName() + "\"] to the new " + kind + "."
          : cap(kind) + " \"" + oldS.getFullName() + "\" was renamed to \"" + newS.getFullName()
              + "\", so consumers on the previous schema cannot read data written as \"" + newS.getFullName()
              + "\"; keep the name, since an alias in the new schema does not help old readers.";
    }
  },
  FIXED_SIZE_MISMATCH("A fixed type changed its size") {
    @Override
    String message(AvroIncompatibility i) {
      return "Fixed type \"" + i.newFragment().getFullName() + "\"" + i.where() + " changed size from "
          + i.oldFragment().getFixedSize() + " to " + i.newFragment().getFixedSize()
          + " bytes; a fixed type cannot be resized, so add a new field with the new size instead.";
    }
  },
  MISSING_ENUM_SYMBOLS("Enum symbols that one side can write are unknown to the other, which has no enum default") {
    @Override
    String message(AvroIncompatibility i) {
      List<String> missing = i.writerBranch().getEnumSymbols().stream()
          .filter(s -> !i.readerFragment().getEnumSymbols().contains(s)).toList();
      String list = missing.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
      String name = i.newFragment().getFullName();
      return i.readerIsNew()
          ? "Enum \"" + name + "\"" + i.where() + " no longer has " + plural(missing.size(), "symbol") + " " + list
              + ", which data written with the previous schema may contain; keep "
              + (missing.size() == 1 ? "it" : "them") + ", or give the enum a \"default\" symbol."
          : "Enum \"" + name + "\"" + i.where() + " added " + plural(missing.size(), "symbol") + " " + list
              + ", which consumers on the previous schema cannot read because its enum has no \"default\"; "
              + "release a version that adds a \"default\" to the enum first.";
    }
  },
  READER_FIELD_MISSING_DEFAULT_VALUE("A field one side reads is absent on the other side and has no default") {
    @Override
    String message(AvroIncompatibility i) {
      String field = i.lastFieldName();
      String record = i.recordName();
      return i.readerIsNew()
          ? "Field \"" + field + "\" was added to record \"" + record + "\" without a default, so the new schema "
              + "cannot read data written with the previous schema; give it a default, such as "
              + suggestDefault(i.readerField()) + "."
          : "Field \"" + field + "\" was removed from record \"" + record + "\", but the previous schema has no "
              + "default for it, so consumers on the previous schema cannot read data written with the new schema; "
              + "keep the field, or remove it only after a version that gives it a default.";
    }
  },
  TYPE_MISMATCH("A type changed to one that cannot be read as the other") {
    @Override
    String message(AvroIncompatibility i) {
      String from = display(i.oldFragment());
      String to = display(i.newFragment());
      String unread = display(i.writerBranch());
      return i.subject() + " changed type from \"" + from + "\" to \"" + to + "\"; "
          + (i.readerIsNew()
              ? "the new schema cannot read \"" + unread + "\" values written with the previous schema."
              : "consumers on the previous schema cannot read \"" + unread + "\" values written with the new schema.");
    }
  },
  MISSING_UNION_BRANCH("A union lacks a branch for a type the other side can write") {
    @Override
    String message(AvroIncompatibility i) {
      String writerType = display(i.writerBranch());
      String subject = i.subject();
      return i.readerIsNew()
          ? subject + " can no longer hold \"" + writerType + "\" (its type is now \"" + display(i.readerFragment())
              + "\"), but data written with the previous schema may contain \"" + writerType
              + "\" values; keep a \"" + writerType + "\" branch in the union."
          : subject + " can now hold \"" + writerType + "\", which consumers on the previous schema (type \""
              + display(i.readerFragment()) + "\") cannot read; add the branch in a way old readers accept, "
              + "or use a new field.";
    }
  };

  private final String summary;

  AvroRule(String summary) {
    this.summary = summary;
  }

  abstract String message(AvroIncompatibility incompatibility);

  RuleInfo info() {
    return new RuleInfo(name(), "COMPATIBILITY", Severity.ERROR, summary);
  }

  static String display(Schema s) {
    String base = switch (s.getType()) {
      case RECORD, ENUM, FIXED -> s.getFullName();
      case ARRAY -> "array<" + display(s.getElementType()) + ">";
      case MAP -> "map<" + display(s.getValueType()) + ">";
      case UNION -> s.getTypes().stream().map(AvroRule::display).collect(Collectors.joining(", ", "[", "]"));
      default -> s.getType().getName();
    };
    return s.getLogicalType() == null ? base : base + " (" + s.getLogicalType().getName() + ")";
  }

  static String kindOf(Schema s) {
    return switch (s.getType()) {
      case RECORD -> "record";
      case ENUM -> "enum";
      case FIXED -> "fixed type";
      default -> s.getType().getName();
    };
  }

  static String suggestDefault(Schema.Field f) {
    if (f == null) {
      return "\"default\": null with a [\"null\", ...] union";
    }
    Schema s = f.schema();
    return switch (s.getType()) {
      case UNION -> s.getTypes().get(0).getType() == Schema.Type.NULL
          ? "\"default\": null"
          : "a [\"null\", ...] union with \"default\": null";
      case STRING -> "\"default\": \"\"";
      case INT, LONG -> "\"default\": 0";
      case FLOAT, DOUBLE -> "\"default\": 0.0";
      case BOOLEAN -> "\"default\": false";
      case ARRAY -> "\"default\": []";
      case MAP -> "\"default\": {}";
      case ENUM -> "\"default\": \"" + s.getEnumSymbols().get(0) + "\"";
      default -> "a [\"null\", ...] union with \"default\": null";
    };
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
