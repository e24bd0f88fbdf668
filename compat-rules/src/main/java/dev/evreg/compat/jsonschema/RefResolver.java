package dev.evreg.compat.jsonschema;

import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonPointer;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves {@code $ref}: JSON pointers and anchors in the same document, paths relative to
 * the document (or to its {@code $id}) inside the schema tree. A reference that leaves the
 * tree or names a remote host is an error at the reference; nothing is fetched.
 */
final class RefResolver {

  static final String TREE_SCHEME = "evreg";
  private static final int MAX_HOPS = 64;

  private final Map<String, JsonSchemaDocument> loaded = new HashMap<>();

  /** The schema {@code node} stands for once its {@code $ref} chain is followed. */
  SchemaNode resolve(SchemaNode node) {
    SchemaNode current = node;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      JsonObject o = current.object();
      if (o == null || !(o.get("$ref") instanceof JsonString ref)) {
        return current;
      }
      current = target(current, ref);
    }
    throw error(node, node.object().get("$ref"), "the $ref chain is longer than " + MAX_HOPS + " hops (a cycle of references?)");
  }

  private SchemaNode target(SchemaNode from, JsonString ref) {
    String uri = resolveUri(from.base(), ref.value());
    int hash = uri.indexOf('#');
    String docUri = hash >= 0 ? uri.substring(0, hash) : uri;
    String fragment = hash >= 0 ? uri.substring(hash + 1) : "";
    JsonSchemaDocument doc = document(from, ref, docUri);
    JsonValue value;
    String pointer;
    if (fragment.isEmpty() || fragment.startsWith("/")) {
      value = doc.root().at("#" + fragment);
      pointer = "#" + fragment;
    } else {
      value = anchor(doc.root(), fragment);
      pointer = "#" + fragment;
    }
    if (value == null) {
      throw error(from, ref, "$ref \"" + ref.value() + "\" points to nothing in " + doc.source().path());
    }
    return new SchemaNode(doc, value, pointer, doc.base());
  }

  private JsonSchemaDocument document(SchemaNode from, JsonString ref, String docUri) {
    JsonSchemaDocument current = from.doc();
    if (docUri.isEmpty() || docUri.equals(stripFragment(current.base())) || docUri.equals(stripFragment(from.base()))) {
      return current;
    }
    String treePath = treePath(current, docUri);
    if (treePath == null) {
      throw error(from, ref, "$ref \"" + ref.value() + "\" refers to " + docUri
          + ", outside the schema tree; evreg resolves references only inside the repository and never over the network");
    }
    if (treePath.equals(current.treePath())) {
      return current;
    }
    JsonSchemaDocument doc = loaded.get(treePath);
    if (doc == null) {
      SourceFile file = current.sources().read(treePath);
      if (file == null) {
        throw error(from, ref, "$ref \"" + ref.value() + "\" refers to " + treePath + ", which is not in the schema tree");
      }
      doc = new JsonSchemaParser().parse(file, treePath, current.sources());
      loaded.put(treePath, doc);
    }
    return doc;
  }

  /** The tree path a document URI maps to, or null when it lies outside the tree. */
  private static String treePath(JsonSchemaDocument current, String docUri) {
    URI target;
    try {
      target = new URI(docUri);
    } catch (URISyntaxException e) {
      return null;
    }
    if (TREE_SCHEME.equals(target.getScheme())) {
      String p = target.getPath();
      return p == null || p.startsWith("/..") ? null : p.substring(1);
    }
    // an absolute URI on the host of the document's own $id maps to the same relative place in the tree
    URI base;
    try {
      base = new URI(stripFragment(current.base()));
    } catch (URISyntaxException e) {
      return null;
    }
    if (base.getScheme() == null || TREE_SCHEME.equals(base.getScheme()) || !base.getScheme().equals(target.getScheme())
        || !java.util.Objects.equals(base.getAuthority(), target.getAuthority()) || base.getPath() == null || target.getPath() == null) {
      return null;
    }
    String rel = relative(base.getPath(), target.getPath());
    String dir = current.treePath().contains("/") ? current.treePath().substring(0, current.treePath().lastIndexOf('/') + 1) : "";
    String joined = URI.create(TREE_SCHEME + ":/" + dir).resolve(rel).normalize().getPath();
    return joined == null || joined.startsWith("/..") ? null : joined.substring(1);
  }

  /** The relative path from the folder of {@code fromFile} to {@code to}, both absolute URI paths. */
  static String relative(String fromFile, String to) {
    String[] from = fromFile.substring(0, fromFile.lastIndexOf('/') + 1).split("/", -1);
    String[] target = to.split("/", -1);
    int common = 0;
    while (common < from.length - 1 && common < target.length - 1 && from[common].equals(target[common])) {
      common++;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = common; i < from.length - 1; i++) {
      sb.append("../");
    }
    for (int i = common; i < target.length; i++) {
      sb.append(target[i]).append(i + 1 < target.length ? "/" : "");
    }
    return sb.toString();
  }

  private static JsonValue anchor(JsonValue root, String name) {
    if (root instanceof JsonObject o) {
      String id = o.string("$id") != null ? o.string("$id") : o.string("id");
      if (name.equals(o.string("$anchor")) || (id != null && (id.equals("#" + name) || id.endsWith("#" + name)))) {
        return o;
      }
      for (JsonObject.Member m : o.memberList()) {
        if (m.value() instanceof JsonObject || m.value() instanceof dev.evreg.compat.json.JsonArray) {
          JsonValue hit = anchor(m.value(), name);
          if (hit != null) {
            return hit;
          }
        }
      }
    } else if (root instanceof dev.evreg.compat.json.JsonArray a) {
      for (JsonValue v : a.items()) {
        JsonValue hit = anchor(v, name);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }

  /** {@code ref} resolved against {@code base} as URIs; refs that are not URIs stay as written. */
  static String resolveUri(String base, String ref) {
    try {
      URI r = new URI(ref);
      if (r.isAbsolute()) {
        return r.toString();
      }
      URI b = new URI(base);
      if (ref.startsWith("#")) {
        return stripFragment(base) + ref;
      }
      return b.resolve(r).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return ref;
    }
  }

  static String stripFragment(String uri) {
    int hash = uri.indexOf('#');
    return hash >= 0 ? uri.substring(0, hash) : uri;
  }

  /** The base URI of a document: its root {@code $id} (or draft 4 {@code id}), else its tree path. */
  static String baseOf(JsonValue root, String treePath, Draft draft) {
    String tree = TREE_SCHEME + ":/" + treePath;
    if (root instanceof JsonObject o) {
      String id = o.string("$id") != null ? o.string("$id") : draft == Draft.DRAFT_4 ? o.string("id") : null;
      if (id != null && !id.startsWith("#")) {
        return resolveUri(tree, id);
      }
    }
    return tree;
  }

  private static SchemaException error(SchemaNode at, JsonValue ref, String reason) {
    return new SchemaException(at.doc().source().path(), ref.position(), reason);
  }

  static String escape(String token) {
    return JsonPointer.escape(token);
  }
}
