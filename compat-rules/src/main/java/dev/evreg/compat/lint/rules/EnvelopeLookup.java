package dev.evreg.compat.lint.rules;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.Names;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.NamedType;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds envelope fields: at the top level of the event, or in its one nested envelope record. */
final class EnvelopeLookup {

  /** A field found, and where: "the top level" or "metadata". */
  record Found(Field field, String where) {}

  private EnvelopeLookup() {}

  /** The name a field has in this format: eventId stays eventId, or becomes event_id in Protobuf. */
  static String nameIn(SchemaFormat format, String name) {
    return format == SchemaFormat.PROTOBUF ? Names.Case.LOWER_SNAKE.convert(name) : name;
  }

  /** The nested envelope records of the event (fields named like a container, holding a record). */
  static List<Found> containers(EventSchema view, LintConfig.Envelope envelope) {
    List<Found> out = new ArrayList<>();
    for (Field f : view.event().fields()) {
      if (envelope.containers().stream().anyMatch(c -> c.equalsIgnoreCase(f.name())) && f.type().nonNull().kind() == TypeRef.Kind.RECORD) {
        out.add(new Found(f, f.name()));
      }
    }
    return out;
  }

  static Optional<Found> find(EventSchema view, LintConfig.Envelope envelope, String name) {
    for (Field f : view.event().fields()) {
      if (f.name().equals(name)) {
        return Optional.of(new Found(f, "the top level"));
      }
    }
    for (Found c : containers(view, envelope)) {
      Optional<NamedType> t = view.type(c.field().type().nonNull().name());
      if (t.isPresent() && t.get() instanceof RecordType r) {
        Optional<Field> f = r.field(name);
        if (f.isPresent()) {
          return Optional.of(new Found(f.get(), "\"" + c.where() + "\""));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The CloudEvents attributes of the event: its top-level fields other than the payload
   * ({@code data}, {@code data_base64}). None when it lacks {@code specversion}: such a schema
   * describes a payload, not a CloudEvent, and its field names are not attributes.
   */
  static List<Field> cloudEventsAttributes(EventSchema view) {
    if (view.event() == null || view.event().field("specversion").isEmpty()) {
      return List.of();
    }
    return view.event().fields().stream().filter(f -> !f.name().equals("data") && !f.name().equals("data_base64")).toList();
  }

  /** A field whose name differs only in case or separators ("event_id" for "eventId"), for the message. */
  static Optional<Field> nearMiss(EventSchema view, LintConfig.Envelope envelope, String name) {
    String key = squash(name);
    List<Field> candidates = new ArrayList<>(view.event().fields());
    for (Found c : containers(view, envelope)) {
      view.type(c.field().type().nonNull().name()).filter(RecordType.class::isInstance)
          .ifPresent(t -> candidates.addAll(((RecordType) t).fields()));
    }
    return candidates.stream().filter(f -> squash(f.name()).equals(key)).findFirst();
  }

  static String squash(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Where the fields were looked for, for a message. */
  static String lookedIn(EventSchema view, LintConfig.Envelope envelope) {
    List<Found> c = containers(view, envelope);
    if (c.isEmpty()) {
      return envelope.containers().isEmpty() ? "at the top level"
          : "at the top level; there is no nested " + String.join(" or ", envelope.containers().stream().map(s -> "\"" + s + "\"").toList()) + " record";
    }
    return "at the top level and in " + String.join(", ", c.stream().map(f -> "\"" + f.where() + "\"").toList());
  }

  /** How a type of the expected kind is written in this format. */
  static String howToWrite(SchemaFormat format, LintConfig.Expect type) {
    return switch (type) {
      case STRING -> switch (format) {
        case AVRO -> "\"string\"";
        case JSON -> "{\"type\": \"string\"}";
        case PROTOBUF -> "string";
      };
      case TIMESTAMP -> switch (format) {
        case AVRO -> "{\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}";
        case JSON -> "{\"type\": \"string\", \"format\": \"date-time\"}";
        case PROTOBUF -> "google.protobuf.Timestamp";
      };
      case TIMESTAMP_OR_STRING -> switch (format) {
        case AVRO -> "\"string\" (RFC 3339) or {\"type\": \"long\", \"logicalType\": \"timestamp-micros\"}";
        case JSON -> "{\"type\": \"string\", \"format\": \"date-time\"}";
        case PROTOBUF -> "google.protobuf.Timestamp";
      };
      case STRING_OR_INTEGER -> switch (format) {
        case AVRO -> "\"string\" or \"int\"";
        case JSON -> "{\"type\": \"string\"} or {\"type\": \"integer\"}";
        case PROTOBUF -> "string or int32";
      };
    };
  }

  static boolean hasType(TypeRef t, LintConfig.Expect expect) {
    TypeRef x = t.nonNull();
    return switch (expect) {
      case STRING -> x.kind() == TypeRef.Kind.STRING;
      case TIMESTAMP -> x.semantic() == TypeRef.Semantic.TIMESTAMP;
      case TIMESTAMP_OR_STRING -> x.semantic() == TypeRef.Semantic.TIMESTAMP || x.kind() == TypeRef.Kind.STRING;
      case STRING_OR_INTEGER -> x.kind() == TypeRef.Kind.STRING || x.kind() == TypeRef.Kind.INT || x.kind() == TypeRef.Kind.LONG;
    };
  }

  static String describe(TypeRef t) {
    TypeRef x = t.nonNull();
    String base = x.display();
    return x.semantic() == TypeRef.Semantic.NONE ? base : base + " (" + x.semantic().name().toLowerCase(Locale.ROOT) + ")";
  }
}
