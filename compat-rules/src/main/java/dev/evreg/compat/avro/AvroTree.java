package dev.evreg.compat.avro;

import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonPointer;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON text of an Avro schema, indexed by the full names of the types it defines, so that
 * a walk through the parsed schema can find where each element is written.
 */
final class AvroTree {

  /** A schema element in the file: its JSON value, its JSON pointer, the namespace in force. */
  record Node(JsonValue json, String pointer, String namespace) {}

  static final Set<String> PRIMITIVES =
      Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");

  private final JsonValue root;
  private final Map<String, Node> definitions = new HashMap<>();
  private final Map<String, Node> bySimpleName = new HashMap<>();

  AvroTree(JsonValue root) {
    this.root = root;
    index(root, "", "");
  }

  Node root() {
    return resolve(new Node(root, "", ""));
  }

  /** A named-type reference (a string that is not a primitive) becomes its definition. */
  Node resolve(Node node) {
    if (node.json() instanceof JsonString s && !PRIMITIVES.contains(s.value())) {
      String name = s.value();
      Node def = definitions.get(name.contains(".") || node.namespace().isEmpty() ? name : node.namespace() + "." + name);
      if (def == null) {
        def = definitions.get(name);
      }
      if (def == null) {
        def = bySimpleName.get(simple(name));
      }
      return def == null ? node : def;
    }
    return node;
  }

  /** The definition of a named type by full name, or null. */
  Node definition(String fullName) {
    Node n = definitions.get(fullName);
    return n != null ? n : bySimpleName.get(simple(fullName));
  }

  /** The node of the schema in member {@code key} of an object node ("type", "items", "values"). */
  Node child(Node parent, String key) {
    if (parent.json() instanceof JsonObject o && o.get(key) != null) {
      return resolve(new Node(o.get(key), JsonPointer.append(parent.pointer(), key), parent.namespace()));
    }
    return null;
  }

  /** Field {@code i} of a record node (the field object, not its type). */
  Node field(Node record, int i) {
    if (record.json() instanceof JsonObject o && o.get("fields") instanceof JsonArray fields && i < fields.size()) {
      return new Node(fields.items().get(i), record.pointer() + "/fields/" + i, record.namespace());
    }
    return null;
  }

  /** Branch {@code i} of a union node. */
  Node branch(Node union, int i) {
    if (union.json() instanceof JsonArray a && i < a.size()) {
      return resolve(new Node(a.items().get(i), union.pointer() + "/" + i, union.namespace()));
    }
    return null;
  }

  private void index(JsonValue v, String pointer, String namespace) {
    if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        index(a.items().get(i), pointer + "/" + i, namespace);
      }
      return;
    }
    if (!(v instanceof JsonObject o)) {
      return;
    }
    String type = o.string("type");
    String name = o.string("name");
    if (type != null && name != null && Set.of("record", "error", "enum", "fixed").contains(type)) {
      String ns = name.contains(".") ? name.substring(0, name.lastIndexOf('.'))
          : o.string("namespace") != null ? o.string("namespace") : namespace;
      String full = name.contains(".") || ns.isEmpty() ? name : ns + "." + name;
      Node node = new Node(o, pointer, ns);
      definitions.putIfAbsent(full, node);
      bySimpleName.putIfAbsent(simple(full), node);
      if (o.get("fields") instanceof JsonArray fields) {
        for (int i = 0; i < fields.size(); i++) {
          if (fields.items().get(i) instanceof JsonObject f && f.get("type") != null) {
            index(f.get("type"), pointer + "/fields/" + i + "/type", ns);
          }
        }
      }
      return;
    }
    for (String key : new String[] {"items", "values", "type"}) {
      if (o.get(key) instanceof JsonObject || o.get(key) instanceof JsonArray) {
        index(o.get(key), JsonPointer.append(pointer, key), namespace);
      }
    }
  }

  static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
