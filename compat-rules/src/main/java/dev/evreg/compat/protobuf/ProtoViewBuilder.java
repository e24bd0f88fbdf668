package dev.evreg.compat.protobuf;

import com.squareup.wire.schema.EnumConstant;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Type;
import com.squareup.wire.schema.internal.parser.OptionElement;
import dev.evreg.compat.model.EnumType;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.NamedType;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.model.TypeRef;
import dev.evreg.compat.model.TypeRef.Kind;
import dev.evreg.compat.model.TypeRef.Semantic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the neutral view of a {@code .proto} file; the event is its first top-level message. */
final class ProtoViewBuilder {

  private static final Map<String, Kind> SCALARS = Map.ofEntries(
      Map.entry("double", Kind.DOUBLE), Map.entry("float", Kind.FLOAT),
      Map.entry("int32", Kind.INT), Map.entry("uint32", Kind.INT), Map.entry("sint32", Kind.INT),
      Map.entry("fixed32", Kind.INT), Map.entry("sfixed32", Kind.INT),
      Map.entry("int64", Kind.LONG), Map.entry("uint64", Kind.LONG), Map.entry("sint64", Kind.LONG),
      Map.entry("fixed64", Kind.LONG), Map.entry("sfixed64", Kind.LONG),
      Map.entry("bool", Kind.BOOLEAN), Map.entry("string", Kind.STRING), Map.entry("bytes", Kind.BYTES));

  private final ProtoSchema proto;

  ProtoViewBuilder(ProtoSchema proto) {
    this.proto = proto;
  }

  EventSchema build() {
    List<NamedType> types = new ArrayList<>();
    RecordType event = null;
    for (Type t : proto.file().typesAndNestedTypes()) {
      NamedType n = named(t);
      types.add(n);
      if (event == null && n instanceof RecordType r && proto.file().getTypes().contains(t)) {
        event = r;
      }
    }
    return new EventSchema(proto.format(), proto.source().path(), event, types);
  }

  private NamedType named(Type t) {
    ProtoType pt = t.getType();
    String namespace = pt.getEnclosingTypeOrPackage() == null ? "" : pt.getEnclosingTypeOrPackage();
    if (t instanceof com.squareup.wire.schema.EnumType e) {
      List<EnumType.Symbol> symbols = new ArrayList<>();
      for (EnumConstant c : e.getConstants()) {
        symbols.add(new EnumType.Symbol(c.getName(), c.getTag(),
            proto.location(c.getLocation(), "#/" + pt + "/" + c.getTag())));
      }
      return new EnumType(pt.getSimpleName(), namespace, e.getDocumentation(), symbols,
          proto.location(e.getLocation(), "#/" + pt));
    }
    MessageType m = (MessageType) t;
    List<com.squareup.wire.schema.Field> declared = new ArrayList<>(m.getFieldsAndOneOfFields());
    declared.sort(Comparator.comparingInt((com.squareup.wire.schema.Field f) -> f.getLocation().getLine())
        .thenComparingInt(f -> f.getLocation().getColumn()));
    List<Field> fields = new ArrayList<>();
    for (com.squareup.wire.schema.Field f : declared) {
      fields.add(new Field(f.getName(), typeRef(f), !f.isRequired(), f.getDocumentation(), f.getDefault(),
          f.getTag(), options(f.getOptions().getElements()), proto.location(f.getLocation(), "#/" + pt + "/" + f.getTag())));
    }
    return new RecordType(pt.getSimpleName(), namespace, m.getDocumentation(), fields,
        options(m.getOptions().getElements()), proto.location(m.getLocation(), "#/" + pt));
  }

  private TypeRef typeRef(com.squareup.wire.schema.Field f) {
    TypeRef base = typeRef(f.getType());
    return f.isRepeated() ? new TypeRef(Kind.ARRAY, "repeated", Semantic.NONE, List.of(base)) : base;
  }

  TypeRef typeRef(ProtoType t) {
    if (t.isMap()) {
      return new TypeRef(Kind.MAP, "map", Semantic.NONE, List.of(typeRef(t.getKeyType()), typeRef(t.getValueType())));
    }
    if (t.isScalar()) {
      return TypeRef.of(SCALARS.getOrDefault(t.toString(), Kind.ANY), t.toString());
    }
    String name = t.toString();
    Type resolved = proto.schema().getType(t);
    if (resolved instanceof com.squareup.wire.schema.EnumType) {
      return TypeRef.of(Kind.ENUM, name);
    }
    Semantic semantic = switch (name) {
      case "google.protobuf.Timestamp" -> Semantic.TIMESTAMP;
      case "google.protobuf.Duration" -> Semantic.DURATION;
      case "google.type.Date" -> Semantic.DATE;
      case "google.type.TimeOfDay" -> Semantic.TIME;
      case "google.type.Decimal" -> Semantic.DECIMAL;
      default -> Semantic.NONE;
    };
    Kind kind = switch (name) {
      case "google.protobuf.StringValue" -> Kind.STRING;
      case "google.protobuf.Value", "google.protobuf.Any" -> Kind.ANY;
      default -> Kind.RECORD;
    };
    return new TypeRef(kind, name, semantic, List.of());
  }

  /** Options as written: {@code (acme.pii) = true} gives {@code "acme.pii" -> "true"}. */
  private static Map<String, Object> options(List<OptionElement> elements) {
    Map<String, Object> out = new HashMap<>();
    for (OptionElement o : elements) {
      out.put(o.getName(), String.valueOf(o.getValue()));
    }
    return out;
  }
}
