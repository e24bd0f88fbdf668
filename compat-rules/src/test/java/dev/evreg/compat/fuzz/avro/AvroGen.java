package dev.evreg.compat.fuzz.avro;

import dev.evreg.compat.fuzz.Fuzz;
import dev.evreg.compat.fuzz.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Random valid Avro schemas and random evolutions of them. A schema is a small mutable model
 * (records, enums, fixed, arrays, maps, unions, primitives with logical types, fields with
 * defaults and aliases) rendered to .avsc text; a named type is defined at its first use and
 * referenced by full name afterwards, so evolutions can move, drop or rename uses freely.
 */
public final class AvroGen {

  /** A type node. */
  public abstract static class T {}

  public static final class Prim extends T {
    String type;
    String logical;
    int precision;
    int scale;

    Prim(String type) {
      this.type = type;
    }
  }

  public abstract static class Named extends T {
    String name;
    String ns;
    List<String> aliases = new ArrayList<>();
    String doc;

    String fullName() {
      return ns == null ? name : ns + "." + name;
    }
  }

  public static final class Rec extends Named {
    List<F> fields = new ArrayList<>();
  }

  public static final class Enm extends Named {
    List<String> symbols = new ArrayList<>();
    String dflt;
  }

  public static final class Fix extends Named {
    int size;
    String logical;
    int precision;
  }

  public static final class Arr extends T {
    T items;
  }

  public static final class MapT extends T {
    T values;
  }

  public static final class Uni extends T {
    List<T> branches = new ArrayList<>();
  }

  public static final class F {
    String name;
    T type;
    boolean hasDefault;
    Object dflt;
    List<String> aliases = new ArrayList<>();
    String doc;
  }

  static final String[] PRIMS = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"};
  static final String[] FIELD_NAMES = {"id", "name", "amount", "status", "items", "tags", "createdAt", "note", "count",
      "flag", "price", "code", "email", "total", "lines", "kind", "when", "owner", "ratio", "payload", "x", "y"};
  static final String[] TYPE_NAMES = {"Order", "Item", "Address", "Status", "Money", "Line", "Customer", "Kind",
      "Hash", "Node", "Meta", "Point"};
  static final String[] SYMBOLS = {"A", "B", "C", "D", "NEW", "PAID", "SHIPPED", "CANCELLED", "UNKNOWN", "RED", "GREEN"};
  static final String[] NAMESPACES = {"com.acme", "com.acme", "com.acme.orders", "org.example"};

  private final Random r;
  private int counter;

  public AvroGen(Random r) {
    this.r = r;
  }

  // ---- generation

  /** A random top-level record. */
  public Rec schema() {
    Rec root = new Rec();
    root.name = pick(TYPE_NAMES) + "Event";
    root.ns = pick(NAMESPACES);
    if (r.nextInt(4) == 0) {
      root.doc = "An event.";
    }
    int n = 1 + r.nextInt(5);
    List<Rec> open = new ArrayList<>(List.of(root));
    for (int i = 0; i < n; i++) {
      addField(root, open, 0);
    }
    return root;
  }

  private void addField(Rec rec, List<Rec> open, int depth) {
    F f = new F();
    f.name = freshField(rec);
    f.type = type(open, depth + 1, false);
    if (r.nextInt(3) == 0) {
      setDefault(f);
    }
    if (r.nextInt(8) == 0) {
      f.doc = "The " + f.name + ".";
    }
    rec.fields.add(f);
  }

  String freshField(Rec rec) {
    for (int i = 0; i < 20; i++) {
      String n = pick(FIELD_NAMES);
      if (rec.fields.stream().noneMatch(f -> f.name.equals(n) || f.aliases.contains(n))) {
        return n;
      }
    }
    return "f" + (++counter);
  }

  String freshType() {
    return pick(TYPE_NAMES) + (++counter);
  }

  T type(List<Rec> open, int depth, boolean inUnion) {
    int k = r.nextInt(100);
    if (k < 40 || depth > 3) {
      return prim(inUnion);
    }
    if (k < 48) {
      return logical();
    }
    if (k < 56) {
      return enm();
    }
    if (k < 60) {
      return fixed();
    }
    if (k < 70) {
      Rec rec = new Rec();
      rec.name = freshType();
      rec.ns = r.nextInt(4) == 0 || open.isEmpty() ? pick(NAMESPACES) : open.get(open.size() - 1).ns;
      List<Rec> inner = new ArrayList<>(open);
      inner.add(rec);
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        addField(rec, inner, depth);
      }
      return rec;
    }
    if (k < 77) {
      Arr a = new Arr();
      a.items = r.nextInt(12) == 0 ? recursiveRef(open) : type(open, depth + 1, false);
      return a;
    }
    if (k < 83) {
      MapT m = new MapT();
      m.values = type(open, depth + 1, false);
      return m;
    }
    if (!inUnion) {
      return union(open, depth);
    }
    return prim(true);
  }

  /** A reference to an enclosing record: recursion that data can end (inside an array or after null). */
  private T recursiveRef(List<Rec> open) {
    return open.isEmpty() ? prim(false) : open.get(r.nextInt(open.size()));
  }

  Uni union(List<Rec> open, int depth) {
    Uni u = new Uni();
    if (r.nextInt(3) > 0) {
      u.branches.add(new Prim("null"));
    }
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n * 3 && u.branches.size() < n + 1; i++) {
      T t = r.nextInt(10) == 0 ? recursiveRef(open) : type(open, depth + 1, true);
      if (fitsUnion(u, t)) {
        u.branches.add(t);
      }
    }
    if (u.branches.size() < 2) {
      T t = prim(true);
      if (fitsUnion(u, t)) {
        u.branches.add(t);
      }
    }
    if (r.nextInt(4) == 0 && u.branches.size() > 1 && isNull(u.branches.get(0))) {
      u.branches.add(u.branches.remove(0));
    }
    return u;
  }

  /** Avro unions hold no union and at most one branch of each unnamed kind or full name. */
  static boolean fitsUnion(Uni u, T t) {
    if (t instanceof Uni) {
      return false;
    }
    String key = unionKey(t);
    return u.branches.stream().noneMatch(b -> unionKey(b).equals(key));
  }

  static String unionKey(T t) {
    if (t instanceof Named n) {
      return n.fullName();
    }
    if (t instanceof Prim p) {
      return p.type;
    }
    return t instanceof Arr ? "array" : t instanceof MapT ? "map" : "union";
  }

  Prim prim(boolean inUnion) {
    String t = PRIMS[1 + r.nextInt(PRIMS.length - 1)];
    if (inUnion && r.nextInt(5) == 0) {
      t = "null";
    }
    return new Prim(t);
  }

  Prim logical() {
    switch (r.nextInt(8)) {
      case 0 -> {
        return logical("int", "date");
      }
      case 1 -> {
        return logical("int", "time-millis");
      }
      case 2 -> {
        return logical("long", "timestamp-millis");
      }
      case 3 -> {
        return logical("long", "timestamp-micros");
      }
      case 4 -> {
        return logical("long", "local-timestamp-millis");
      }
      case 5 -> {
        return logical("string", "uuid");
      }
      default -> {
        Prim p = logical("bytes", "decimal");
        p.precision = 1 + r.nextInt(20);
        p.scale = r.nextInt(p.precision + 1);
        return p;
      }
    }
  }

  private static Prim logical(String type, String logical) {
    Prim p = new Prim(type);
    p.logical = logical;
    return p;
  }

  Enm enm() {
    Enm e = new Enm();
    e.name = freshType();
    e.ns = pick(NAMESPACES);
    Set<String> symbols = new LinkedHashSet<>();
    int n = 1 + r.nextInt(5);
    while (symbols.size() < n) {
      symbols.add(pick(SYMBOLS));
    }
    e.symbols.addAll(symbols);
    if (r.nextInt(3) == 0) {
      e.dflt = pick(e.symbols);
    }
    return e;
  }

  Fix fixed() {
    Fix f = new Fix();
    f.name = freshType();
    f.ns = pick(NAMESPACES);
    f.size = 1 + r.nextInt(16);
    if (r.nextInt(5) == 0) {
      f.logical = "decimal";
      f.precision = 1 + r.nextInt(maxPrecision(f.size));
    }
    return f;
  }

  static int maxPrecision(int size) {
    return (int) Math.floor(Math.log10(Math.pow(2, 8 * size - 1) - 1));
  }

  // ---- default values as JSON trees

  /** Too deep a default (a recursive record): the field gets none. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(null, null, false, false);
    }
  }

  /** Gives {@code f} a random default valid for its type, or none when its type recurses too deeply. */
  void setDefault(F f) {
    try {
      f.dflt = value(f.type, 0);
      f.hasDefault = true;
    } catch (TooDeep e) {
      f.hasDefault = false;
      f.dflt = null;
    }
  }

  /** A JSON default valid for {@code t} (a union's default is a value of its first branch). */
  Object value(T t, int depth) {
    if (t instanceof Prim p) {
      return switch (p.type) {
        case "null" -> null;
        case "boolean" -> r.nextBoolean();
        case "int" -> r.nextInt(4) == 0 ? (Object) Integer.MIN_VALUE : (Object) (r.nextInt(2001) - 1000);
        case "long" -> r.nextInt(4) == 0 ? (Object) Long.MAX_VALUE : (Object) (long) (r.nextInt(2001) - 1000);
        case "float", "double" -> r.nextInt(3) == 0 ? (Object) (long) r.nextInt(100) : (Object) (r.nextInt(2000) / 8.0);
        case "bytes" -> latin1(r.nextInt(4));
        default -> pick(new String[] {"", "x", "hello", "été", "2024-01-01"});
      };
    }
    if (t instanceof Enm e) {
      return pick(e.symbols);
    }
    if (t instanceof Fix f) {
      return latin1Exactly(f.size);
    }
    if (t instanceof Arr a) {
      List<Object> l = new ArrayList<>();
      int n = depth > 2 ? 0 : r.nextInt(3);
      for (int i = 0; i < n; i++) {
        l.add(value(a.items, depth + 1));
      }
      return l;
    }
    if (t instanceof MapT m) {
      Map<String, Object> o = new LinkedHashMap<>();
      int n = depth > 2 ? 0 : r.nextInt(3);
      for (int i = 0; i < n; i++) {
        o.put("k" + i, value(m.values, depth + 1));
      }
      return o;
    }
    if (t instanceof Uni u) {
      return value(u.branches.get(0), depth + 1);
    }
    Rec rec = (Rec) t;
    if (depth > 5) {
      throw new TooDeep();
    }
    Map<String, Object> o = new LinkedHashMap<>();
    for (F f : rec.fields) {
      o.put(f.name, f.hasDefault ? Tree.copy(f.dflt) : value(f.type, depth + 1));
    }
    return o;
  }

  private String latin1(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) r.nextInt(256));
    }
    return b.toString();
  }

  private String latin1Exactly(int n) {
    return latin1(n);
  }

  /** Whether a JSON default is valid for {@code t}, as Avro's parser checks it. */
  static boolean valid(Object v, T t) {
    if (t instanceof Prim p) {
      return switch (p.type) {
        case "null" -> v == null;
        case "boolean" -> v instanceof Boolean;
        case "int" -> v instanceof Integer || v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
        case "long" -> v instanceof Integer || v instanceof Long;
        case "float", "double" -> v instanceof Number;
        case "bytes" -> v instanceof String s && s.chars().allMatch(c -> c < 256);
        default -> v instanceof String;
      };
    }
    if (t instanceof Enm e) {
      return v instanceof String s && e.symbols.contains(s);
    }
    if (t instanceof Fix f) {
      return v instanceof String s && s.length() == f.size && s.chars().allMatch(c -> c < 256);
    }
    if (t instanceof Arr a) {
      return v instanceof List<?> l && l.stream().allMatch(x -> valid(x, a.items));
    }
    if (t instanceof MapT m) {
      return v instanceof Map<?, ?> o && o.values().stream().allMatch(x -> valid(x, m.values));
    }
    if (t instanceof Uni u) {
      return valid(v, u.branches.get(0));
    }
    Rec rec = (Rec) t;
    if (!(v instanceof Map<?, ?> o)) {
      return false;
    }
    for (F f : rec.fields) {
      Object x = o.get(f.name);
      if (x == null && !o.containsKey(f.name)) {
        if (!f.hasDefault) {
          return false;
        }
      } else if (!valid(x, f.type)) {
        return false;
      }
    }
    return true;
  }

  // ---- rendering

  /** The schema as .avsc text; named types defined at first use, referenced by full name after. */
  public static String render(Rec root, Tree.Style style, boolean qualifiedNames) {
    return Tree.render(new Renderer(qualifiedNames).type(root), style);
  }

  private static final class Renderer {
    private final boolean qualified;
    private final Set<Named> defined = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Renderer(boolean qualified) {
      this.qualified = qualified;
    }

    Object type(T t) {
      if (t instanceof Prim p) {
        if (p.logical == null) {
          return p.type;
        }
        Map<String, Object> m = Tree.obj("type", p.type, "logicalType", p.logical);
        if (p.logical.equals("decimal")) {
          m.put("precision", p.precision);
          m.put("scale", p.scale);
        }
        return m;
      }
      if (t instanceof Arr a) {
        return Tree.obj("type", "array", "items", type(a.items));
      }
      if (t instanceof MapT m) {
        return Tree.obj("type", "map", "values", type(m.values));
      }
      if (t instanceof Uni u) {
        return new ArrayList<>(u.branches.stream().map(this::type).toList());
      }
      Named n = (Named) t;
      if (!defined.add(n)) {
        return n.fullName();
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", n instanceof Rec ? "record" : n instanceof Enm ? "enum" : "fixed");
      if (qualified || n.ns == null) {
        m.put("name", n.fullName());
      } else {
        m.put("name", n.name);
        m.put("namespace", n.ns);
      }
      if (n.doc != null) {
        m.put("doc", n.doc);
      }
      if (!n.aliases.isEmpty()) {
        m.put("aliases", new ArrayList<>(n.aliases));
      }
      if (n instanceof Rec rec) {
        List<Object> fields = new ArrayList<>();
        for (F f : rec.fields) {
          Map<String, Object> fm = new LinkedHashMap<>();
          fm.put("name", f.name);
          fm.put("type", type(f.type));
          if (f.hasDefault) {
            fm.put("default", Tree.copy(f.dflt));
          }
          if (!f.aliases.isEmpty()) {
            fm.put("aliases", new ArrayList<>(f.aliases));
          }
          if (f.doc != null) {
            fm.put("doc", f.doc);
          }
          fields.add(fm);
        }
        m.put("fields", fields);
      } else if (n instanceof Enm e) {
        m.put("symbols", new ArrayList<>(e.symbols));
        if (e.dflt != null) {
          m.put("default", e.dflt);
        }
      } else {
        Fix f = (Fix) n;
        m.put("size", f.size);
        if (f.logical != null) {
          m.put("logicalType", f.logical);
          m.put("precision", f.precision);
        }
      }
      return m;
    }
  }

  /** Avro's own parse of a rendered schema, or a discard when Avro refuses it (a generator slip). */
  public static Schema avro(String text) {
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      throw Fuzz.discard("generated Avro schema refused by Avro (" + e.getClass().getSimpleName() + ")");
    }
  }

  // ---- copying

  /** A deep copy of a schema graph, cycles and shared named types kept. */
  public static Rec copy(Rec root) {
    return (Rec) new Copier().copy(root);
  }

  private static final class Copier {
    private final Map<T, T> done = new IdentityHashMap<>();

    T copy(T t) {
      T known = done.get(t);
      if (known != null) {
        return known;
      }
      if (t instanceof Prim p) {
        Prim q = new Prim(p.type);
        q.logical = p.logical;
        q.precision = p.precision;
        q.scale = p.scale;
        return q;
      }
      if (t instanceof Arr a) {
        Arr b = new Arr();
        done.put(t, b);
        b.items = copy(a.items);
        return b;
      }
      if (t instanceof MapT m) {
        MapT b = new MapT();
        done.put(t, b);
        b.values = copy(m.values);
        return b;
      }
      if (t instanceof Uni u) {
        Uni b = new Uni();
        done.put(t, b);
        u.branches.forEach(x -> b.branches.add(copy(x)));
        return b;
      }
      Named n = (Named) t;
      Named out;
      if (n instanceof Rec rec) {
        Rec b = new Rec();
        done.put(t, b);
        for (F f : rec.fields) {
          F g = new F();
          g.name = f.name;
          g.type = copy(f.type);
          g.hasDefault = f.hasDefault;
          g.dflt = Tree.copy(f.dflt);
          g.aliases = new ArrayList<>(f.aliases);
          g.doc = f.doc;
          b.fields.add(g);
        }
        out = b;
      } else if (n instanceof Enm e) {
        Enm b = new Enm();
        b.symbols = new ArrayList<>(e.symbols);
        b.dflt = e.dflt;
        out = b;
      } else {
        Fix f = (Fix) n;
        Fix b = new Fix();
        b.size = f.size;
        b.logical = f.logical;
        b.precision = f.precision;
        out = b;
      }
      done.put(t, out);
      out.name = n.name;
      out.ns = n.ns;
      out.aliases = new ArrayList<>(n.aliases);
      out.doc = n.doc;
      return out;
    }
  }

  /** A copy without field defaults. */
  public static Rec withoutDefaults(Rec root) {
    Rec c = copy(root);
    AvroEvolve.Sites s = new AvroEvolve.Sites();
    s.walk(c);
    for (F f : s.fields) {
      f.hasDefault = false;
      f.dflt = null;
    }
    return c;
  }

  /**
   * A copy with every named type in one namespace (aliases too), or null when two types would
   * then share a name.
   */
  public static Rec sameNamespace(Rec root) {
    Rec c = copy(root);
    AvroEvolve.Sites s = new AvroEvolve.Sites();
    s.walk(c);
    List<Named> named = new ArrayList<>(s.records);
    named.addAll(s.enums);
    named.addAll(s.fixeds);
    Set<String> names = new java.util.HashSet<>();
    for (Named n : named) {
      n.ns = "fuzz";
      n.aliases.replaceAll(a -> "fuzz." + a.substring(a.lastIndexOf('.') + 1));
      n.aliases.removeIf(a -> a.equals(n.fullName()));
      if (!names.add(n.name)) {
        return null;
      }
    }
    return c;
  }

  // ---- helpers

  static boolean isNull(T t) {
    return t instanceof Prim p && p.type.equals("null");
  }

  <X> X pick(X[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  <X> X pick(List<X> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  Random random() {
    return r;
  }
}
