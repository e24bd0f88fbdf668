package dev.evreg.compat.avro;

import dev.evreg.compat.Location;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonWriter;
import dev.evreg.compat.model.EnumType;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.NamedType;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.model.TypeRef;
import dev.evreg.compat.model.TypeRef.Kind;
import dev.evreg.compat.model.TypeRef.Semantic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/** Builds the neutral view of an Avro schema, with the positions of its JSON text. */
final class AvroViewBuilder {

  private final AvroSchema avro;
  private final AvroTree tree;
  private final Map<String, NamedType> types = new LinkedHashMap<>();

  AvroViewBuilder(AvroSchema avro) {
    this.avro = avro;
    this.tree = avro.tree();
  }

  EventSchema build() {
    collect(avro.schema(), tree.root());
    RecordType event = avro.schema().getType() == Schema.Type.RECORD
        ? (RecordType) types.get(avro.schema().getFullName()) : null;
    return new EventSchema(avro.format(), avro.source().path(), event, new ArrayList<>(types.values()));
  }

  private void collect(Schema s, AvroTree.Node node) {
    switch (s.getType()) {
      case RECORD -> {
        if (types.containsKey(s.getFullName())) {
          return;
        }
        AvroTree.Node def = tree.definition(s.getFullName());
        AvroTree.Node at = def != null ? def : node;
        types.put(s.getFullName(), null); // reserve the slot: recursive types terminate
        List<Field> fields = new ArrayList<>();
        for (Schema.Field f : s.getFields()) {
          AvroTree.Node fieldNode = at == null ? null : tree.field(at, f.pos());
          AvroTree.Node typeNode = fieldNode == null ? null : tree.child(fieldNode, "type");
          collect(f.schema(), typeNode);
          fields.add(field(f, fieldNode));
        }
        types.put(s.getFullName(), new RecordType(s.getName(), ns(s), doc(s.getDoc()), fields,
            props(s.getObjectProps()), location(at)));
      }
      case ENUM -> {
        if (!types.containsKey(s.getFullName())) {
          AvroTree.Node def = tree.definition(s.getFullName());
          AvroTree.Node at = def != null ? def : node;
          List<EnumType.Symbol> symbols = new ArrayList<>();
          for (String sym : s.getEnumSymbols()) {
            symbols.add(new EnumType.Symbol(sym, s.getEnumOrdinal(sym), symbolLocation(at, sym)));
          }
          types.put(s.getFullName(), new EnumType(s.getName(), ns(s), doc(s.getDoc()), symbols, location(at)));
        }
      }
      case ARRAY -> collect(s.getElementType(), node == null ? null : tree.child(node, "items"));
      case MAP -> collect(s.getValueType(), node == null ? null : tree.child(node, "values"));
      case UNION -> {
        for (int i = 0; i < s.getTypes().size(); i++) {
          collect(s.getTypes().get(i), node == null ? null : tree.branch(node, i));
        }
      }
      default -> { }
    }
  }

  private Field field(Schema.Field f, AvroTree.Node node) {
    Schema t = f.schema();
    boolean optional = t.getType() == Schema.Type.UNION
        && t.getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
    String defaultJson = null;
    if (node != null && node.json() instanceof JsonObject o && o.get("default") != null) {
      defaultJson = JsonWriter.compact(o.get("default"));
    }
    return new Field(f.name(), typeRef(t), optional, doc(f.doc()), defaultJson, 0,
        props(f.getObjectProps()), location(node));
  }

  static TypeRef typeRef(Schema s) {
    Semantic semantic = semantic(s.getLogicalType());
    return switch (s.getType()) {
      case RECORD -> new TypeRef(Kind.RECORD, s.getFullName(), semantic, List.of());
      case ENUM -> new TypeRef(Kind.ENUM, s.getFullName(), semantic, List.of());
      case FIXED -> new TypeRef(Kind.BYTES, s.getFullName(), semantic, List.of());
      case ARRAY -> new TypeRef(Kind.ARRAY, "array", semantic, List.of(typeRef(s.getElementType())));
      case MAP -> new TypeRef(Kind.MAP, "map", semantic,
          List.of(TypeRef.of(Kind.STRING, "string"), typeRef(s.getValueType())));
      case UNION -> new TypeRef(Kind.UNION, "union", semantic, s.getTypes().stream().map(AvroViewBuilder::typeRef).toList());
      case NULL -> new TypeRef(Kind.NULL, "null", semantic, List.of());
      case BOOLEAN -> new TypeRef(Kind.BOOLEAN, "boolean", semantic, List.of());
      case INT -> new TypeRef(Kind.INT, "int", semantic, List.of());
      case LONG -> new TypeRef(Kind.LONG, "long", semantic, List.of());
      case FLOAT -> new TypeRef(Kind.FLOAT, "float", semantic, List.of());
      case DOUBLE -> new TypeRef(Kind.DOUBLE, "double", semantic, List.of());
      case BYTES -> new TypeRef(Kind.BYTES, "bytes", semantic, List.of());
      case STRING -> new TypeRef(Kind.STRING, "string", semantic, List.of());
    };
  }

  private static Semantic semantic(LogicalType lt) {
    if (lt == null) {
      return Semantic.NONE;
    }
    String n = lt.getName();
    if (n.equals("uuid")) {
      return Semantic.UUID;
    }
    if (n.startsWith("timestamp-") || n.startsWith("local-timestamp-")) {
      return Semantic.TIMESTAMP;
    }
    if (n.equals("date")) {
      return Semantic.DATE;
    }
    if (n.startsWith("time-")) {
      return Semantic.TIME;
    }
    if (n.equals("decimal") || n.equals("big-decimal")) {
      return Semantic.DECIMAL;
    }
    return n.equals("duration") ? Semantic.DURATION : Semantic.NONE;
  }

  private Location symbolLocation(AvroTree.Node enumNode, String symbol) {
    if (enumNode != null && enumNode.json() instanceof JsonObject o
        && o.get("symbols") instanceof dev.evreg.compat.json.JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.items().get(i) instanceof dev.evreg.compat.json.JsonString js && js.value().equals(symbol)) {
          return Location.of(avro.source().path(), js.position(), enumNode.pointer() + "/symbols/" + i);
        }
      }
    }
    return location(enumNode);
  }

  private Location location(AvroTree.Node node) {
    return node == null
        ? new Location(avro.source().path(), 0, 0, "")
        : Location.of(avro.source().path(), node.json().position(), node.pointer());
  }

  private static String ns(Schema s) {
    return s.getNamespace() == null ? "" : s.getNamespace();
  }

  private static String doc(String d) {
    return d == null ? "" : d;
  }

  private static Map<String, Object> props(Map<String, Object> p) {
    Map<String, Object> out = new HashMap<>();
    p.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }
}
