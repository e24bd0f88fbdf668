package dev.evreg.compat.fuzz.protobuf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random valid {@code .proto} files (proto2 and proto3): messages with nested messages and
 * enums, scalar, enum, message and map fields, labels (optional, repeated, proto2 required),
 * oneofs, reserved numbers and names, json_name and packed options, rendered with a random
 * layout (spacing, comments, declaration order of options).
 */
public final class ProtoGen {

  /** A file: syntax, package, top-level messages and enums. */
  public static final class PFile {
    String syntax;
    String pkg;
    List<PMsg> messages = new ArrayList<>();
    List<PEnum> enums = new ArrayList<>();
  }

  public static final class PMsg {
    String name;
    List<PField> fields = new ArrayList<>();
    List<POneof> oneofs = new ArrayList<>();
    List<PMsg> nested = new ArrayList<>();
    List<PEnum> enums = new ArrayList<>();
    List<Integer> reservedNumbers = new ArrayList<>();
    List<String> reservedNames = new ArrayList<>();
  }

  public static final class PField {
    String name;
    int number;
    /** null (proto3 singular, oneof member, map), "optional", "repeated" or "required". */
    String label;
    /** A scalar, a type name relative to the package ("Order.Line"), or "map<k, v>". */
    String type;
    String jsonName;
    Boolean packed;
  }

  public static final class POneof {
    String name;
    List<PField> fields = new ArrayList<>();
  }

  public static final class PEnum {
    String name;
    List<PConst> values = new ArrayList<>();
    List<Integer> reservedNumbers = new ArrayList<>();
    List<String> reservedNames = new ArrayList<>();
  }

  public static final class PConst {
    String name;
    int number;

    PConst(String name, int number) {
      this.name = name;
      this.number = number;
    }
  }

  static final String[] SCALARS = {"int32", "int64", "uint32", "uint64", "sint32", "sint64", "bool", "string", "bytes",
      "fixed32", "fixed64", "sfixed32", "sfixed64", "float", "double"};
  static final String[] MAP_KEYS = {"string", "int32", "int64", "uint32", "bool", "sint64", "fixed32"};
  static final String[] FIELD_NAMES = {"id", "name", "amount", "status", "items", "tags", "created_at", "note", "count",
      "flag", "price", "code", "email", "total", "lines", "kind", "owner", "ratio", "payload", "qty"};
  static final String[] MESSAGE_NAMES = {"Order", "Item", "Address", "Money", "Line", "Customer", "Meta", "Point"};
  static final String[] ENUM_NAMES = {"Status", "Kind", "Color", "Level"};
  static final String[] CONSTS = {"A", "B", "C", "D", "NEW", "PAID", "SHIPPED", "RED", "GREEN"};

  private final Random r;
  private int counter;

  public ProtoGen(Random r) {
    this.r = r;
  }

  Random random() {
    return r;
  }

  public PFile file() {
    PFile f = new PFile();
    f.syntax = r.nextInt(3) == 0 ? "proto2" : "proto3";
    f.pkg = r.nextInt(6) == 0 ? null : pick(new String[] {"acme.orders.v1", "acme.v1", "shop"});
    if (r.nextInt(2) == 0) {
      f.enums.add(enumType(f, pick(ENUM_NAMES)));
    }
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      f.messages.add(message(f, freshMessage(f), 0, ""));
    }
    return f;
  }

  String freshMessage(PFile f) {
    return pick(MESSAGE_NAMES) + (++counter);
  }

  PEnum enumType(PFile f, String name) {
    PEnum e = new PEnum();
    e.name = name + (++counter);
    Set<String> names = new HashSet<>();
    int n = 1 + r.nextInt(4);
    int number = f.syntax.equals("proto3") ? 0 : r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String c = e.name.toUpperCase() + "_" + pick(CONSTS);
      if (names.add(c)) {
        e.values.add(new PConst(c, number));
        number += 1 + r.nextInt(2);
      }
    }
    return e;
  }

  PMsg message(PFile f, String name, int depth, String prefix) {
    PMsg m = new PMsg();
    m.name = name;
    String path = prefix.isEmpty() ? name : prefix + "." + name;
    if (depth < 2 && r.nextInt(4) == 0) {
      m.nested.add(message(f, freshMessage(f), depth + 1, path));
    }
    if (r.nextInt(5) == 0) {
      m.enums.add(enumType(f, pick(ENUM_NAMES)));
    }
    int n = 1 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      m.fields.add(field(f, m, path, depth));
    }
    if (r.nextInt(4) == 0) {
      POneof o = new POneof();
      o.name = "choice" + (++counter);
      m.oneofs.add(o);
      int k = 1 + r.nextInt(3);
      for (int i = 0; i < k; i++) {
        PField x = field(f, m, path, depth);
        x.label = null;
        if (x.type.startsWith("map<")) {
          x.type = "string";
        }
        x.packed = null;
        o.fields.add(x);
      }
    }
    if (r.nextInt(5) == 0) {
      m.reservedNumbers.add(freeNumber(m));
      if (r.nextBoolean()) {
        m.reservedNames.add("old_" + (++counter));
      }
    }
    return m;
  }

  PField field(PFile f, PMsg m, String path, int depth) {
    PField x = new PField();
    x.name = freshField(m);
    x.number = freeNumber(m);
    x.type = fieldType(f, m, path, depth);
    boolean map = x.type.startsWith("map<");
    if (!map) {
      if (f.syntax.equals("proto2")) {
        x.label = pick(new String[] {"optional", "optional", "repeated", "required"});
      } else {
        x.label = pick(new String[] {null, null, "optional", "repeated"});
      }
    }
    if (r.nextInt(10) == 0) {
      x.jsonName = x.name.replace("_", "") + "J";
    }
    if ("repeated".equals(x.label) && packable(x.type) && r.nextInt(3) == 0) {
      x.packed = r.nextBoolean();
    }
    return x;
  }

  static boolean packable(String type) {
    return !type.equals("string") && !type.equals("bytes") && !type.startsWith("map<")
        && (List.of(SCALARS).contains(type) || type.contains("Status") || type.contains("Kind") || type.contains("Color")
        || type.contains("Level"));
  }

  String fieldType(PFile f, PMsg m, String path, int depth) {
    int k = r.nextInt(100);
    if (k < 60) {
      return pick(SCALARS);
    }
    if (k < 72 && (!f.enums.isEmpty() || !m.enums.isEmpty())) {
      return !m.enums.isEmpty() && (f.enums.isEmpty() || r.nextBoolean()) ? path + "." + m.enums.get(0).name
          : f.enums.get(0).name;
    }
    if (k < 84) {
      List<String> targets = new ArrayList<>();
      for (PMsg other : f.messages) {
        targets.add(other.name);
        other.nested.forEach(n -> targets.add(other.name + "." + n.name));
      }
      m.nested.forEach(n -> targets.add(path + "." + n.name));
      if (!targets.isEmpty()) {
        return pick(targets);
      }
    }
    if (k < 92) {
      String value = r.nextInt(4) == 0 && !f.messages.isEmpty() ? f.messages.get(0).name : pick(SCALARS);
      return "map<" + pick(MAP_KEYS) + ", " + value + ">";
    }
    return pick(SCALARS);
  }

  String freshField(PMsg m) {
    for (int i = 0; i < 20; i++) {
      String n = pick(FIELD_NAMES);
      if (!used(m).contains(n)) {
        return n;
      }
    }
    return "f" + (++counter);
  }

  static Set<String> used(PMsg m) {
    Set<String> s = new HashSet<>(m.reservedNames);
    m.fields.forEach(x -> s.add(x.name));
    m.oneofs.forEach(o -> {
      s.add(o.name);
      o.fields.forEach(x -> s.add(x.name));
    });
    m.nested.forEach(n -> s.add(n.name));
    m.enums.forEach(e -> s.add(e.name));
    return s;
  }

  int freeNumber(PMsg m) {
    Set<Integer> taken = new HashSet<>(m.reservedNumbers);
    m.fields.forEach(x -> taken.add(x.number));
    m.oneofs.forEach(o -> o.fields.forEach(x -> taken.add(x.number)));
    for (int i = 0; i < 50; i++) {
      int n = r.nextInt(10) == 0 ? 100 + r.nextInt(1000) : 1 + r.nextInt(20);
      if (!taken.contains(n)) {
        return n;
      }
    }
    int n = 21;
    while (taken.contains(n)) {
      n++;
    }
    return n;
  }

  <X> X pick(X[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  <X> X pick(List<X> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  // ---- rendering

  /** The file as .proto text; {@code layout} varies spacing (and, when {@code comments}, adds comments). */
  public static String render(PFile f, Random layout, boolean comments) {
    Style s = new Style(layout, comments);
    StringBuilder b = new StringBuilder();
    s.comment(b, "");
    b.append("syntax").append(s.sp()).append("=").append(s.sp()).append('"').append(f.syntax).append("\";\n");
    if (f.pkg != null) {
      b.append(s.nl()).append("package ").append(f.pkg).append(";\n");
    }
    for (PEnum e : f.enums) {
      renderEnum(b, e, "", s);
    }
    for (PMsg m : f.messages) {
      renderMessage(b, m, "", s);
    }
    return b.toString();
  }

  private static void renderMessage(StringBuilder b, PMsg m, String indent, Style s) {
    b.append(s.nl());
    s.comment(b, indent);
    b.append(indent).append("message ").append(m.name).append(s.sp()).append("{\n");
    String in = indent + s.indent();
    for (PEnum e : m.enums) {
      renderEnum(b, e, in, s);
    }
    for (PMsg n : m.nested) {
      renderMessage(b, n, in, s);
    }
    for (PField x : m.fields) {
      renderField(b, x, in, s);
    }
    for (POneof o : m.oneofs) {
      b.append(in).append("oneof ").append(o.name).append(" {\n");
      for (PField x : o.fields) {
        renderField(b, x, in + s.indent(), s);
      }
      b.append(in).append("}\n");
    }
    if (!m.reservedNumbers.isEmpty()) {
      b.append(in).append("reserved ").append(String.join(", ", m.reservedNumbers.stream().map(String::valueOf).toList()))
          .append(";\n");
    }
    if (!m.reservedNames.isEmpty()) {
      b.append(in).append("reserved ").append(String.join(", ", m.reservedNames.stream().map(n -> "\"" + n + "\"").toList()))
          .append(";\n");
    }
    b.append(indent).append("}\n");
  }

  private static void renderField(StringBuilder b, PField x, String indent, Style s) {
    s.comment(b, indent);
    b.append(indent);
    if (x.label != null) {
      b.append(x.label).append(' ');
    }
    b.append(x.type).append(' ').append(x.name).append(s.sp()).append('=').append(s.sp()).append(x.number);
    List<String> options = new ArrayList<>();
    if (x.jsonName != null) {
      options.add("json_name = \"" + x.jsonName + "\"");
    }
    if (x.packed != null) {
      options.add("packed = " + x.packed);
    }
    if (!options.isEmpty()) {
      if (s.flip()) {
        java.util.Collections.reverse(options);
      }
      b.append(" [").append(String.join(", ", options)).append(']');
    }
    b.append(";\n");
  }

  private static void renderEnum(StringBuilder b, PEnum e, String indent, Style s) {
    b.append(s.nl());
    b.append(indent).append("enum ").append(e.name).append(" {\n");
    String in = indent + s.indent();
    for (PConst c : e.values) {
      b.append(in).append(c.name).append(s.sp()).append('=').append(s.sp()).append(c.number).append(";\n");
    }
    if (!e.reservedNumbers.isEmpty()) {
      b.append(in).append("reserved ").append(String.join(", ", e.reservedNumbers.stream().map(String::valueOf).toList()))
          .append(";\n");
    }
    if (!e.reservedNames.isEmpty()) {
      b.append(in).append("reserved ").append(String.join(", ", e.reservedNames.stream().map(n -> "\"" + n + "\"").toList()))
          .append(";\n");
    }
    b.append(indent).append("}\n");
  }

  /** Layout choices: indentation, spaces around '=', blank lines, comments. */
  private static final class Style {
    private final Random r;
    private final String indent;
    private final boolean spaces;
    private final boolean blank;
    private final boolean comments;
    private final boolean flip;

    Style(Random r, boolean withComments) {
      this.r = r;
      this.indent = r == null ? "  " : r.nextBoolean() ? "  " : r.nextBoolean() ? "    " : "\t";
      this.spaces = r == null || r.nextBoolean();
      this.blank = r != null && r.nextBoolean();
      this.comments = withComments && r != null && r.nextInt(3) == 0;
      this.flip = r != null && r.nextBoolean();
    }

    String indent() {
      return indent;
    }

    String sp() {
      return spaces ? " " : "";
    }

    String nl() {
      return blank ? "\n" : "";
    }

    boolean flip() {
      return flip;
    }

    void comment(StringBuilder b, String indent) {
      if (comments && r.nextInt(3) == 0) {
        b.append(indent).append(r.nextBoolean() ? "// a comment\n" : "/* a comment */\n");
      }
    }
  }
}
