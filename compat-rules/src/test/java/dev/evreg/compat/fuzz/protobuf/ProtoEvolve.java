package dev.evreg.compat.fuzz.protobuf;

import dev.evreg.compat.fuzz.protobuf.ProtoGen.PConst;
import dev.evreg.compat.fuzz.protobuf.ProtoGen.PEnum;
import dev.evreg.compat.fuzz.protobuf.ProtoGen.PField;
import dev.evreg.compat.fuzz.protobuf.ProtoGen.PFile;
import dev.evreg.compat.fuzz.protobuf.ProtoGen.PMsg;
import dev.evreg.compat.fuzz.protobuf.ProtoGen.POneof;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random evolutions of a .proto file: one to three edits among adding and removing fields
 * (with or without reserving the number and the name), renaming and renumbering them, changing
 * their type (inside a wire group, across groups, string and bytes, enum and integer, another
 * message) and label (singular, optional, repeated, required), moving them into and out of
 * oneofs, adding, removing and renaming enum values, adding and removing messages and
 * reservations, and changing the package.
 */
public final class ProtoEvolve {

  private final ProtoGen gen;
  private final Random r;
  private final List<String> log = new ArrayList<>();

  public ProtoEvolve(ProtoGen gen) {
    this.gen = gen;
    this.r = gen.random();
  }

  public List<String> log() {
    return log;
  }

  public PFile evolve(PFile base) {
    PFile f = copy(base);
    int edits = 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
    for (int i = 0; i < edits; i++) {
      edit(f);
    }
    return f;
  }

  private void edit(PFile f) {
    List<PMsg> messages = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    f.messages.forEach(m -> walk(m, "", messages, paths));
    List<PEnum> enums = new ArrayList<>(f.enums);
    messages.forEach(m -> enums.addAll(m.enums));
    for (int attempt = 0; attempt < 10; attempt++) {
      int i = r.nextInt(messages.size());
      PMsg m = messages.get(i);
      String path = paths.get(i);
      int k = r.nextInt(100);
      if (k < 14) {
        PField x = gen.field(f, m, path, 3);
        m.fields.add(x);
        log.add("add field " + x.name + " = " + x.number + " (" + label(x) + x.type + ") to " + m.name);
        return;
      }
      if (k < 26 && !m.fields.isEmpty()) {
        PField x = m.fields.remove(r.nextInt(m.fields.size()));
        boolean number = r.nextBoolean();
        boolean name = number && r.nextBoolean();
        if (number) {
          m.reservedNumbers.add(x.number);
        }
        if (name) {
          m.reservedNames.add(x.name);
        }
        log.add("remove field " + x.name + " = " + x.number + " from " + m.name + (number ? " reserving its number" : "")
            + (name ? " and name" : ""));
        return;
      }
      if (k < 32 && !m.fields.isEmpty()) {
        PField x = gen.pick(m.fields);
        String old = x.name;
        x.name = gen.freshField(m);
        log.add("rename field " + old + " to " + x.name);
        return;
      }
      if (k < 36 && !m.fields.isEmpty()) {
        PField x = gen.pick(m.fields);
        int old = x.number;
        x.number = gen.freeNumber(m);
        log.add("renumber field " + x.name + " from " + old + " to " + x.number);
        return;
      }
      if (k < 58 && !allFields(m).isEmpty()) {
        PField x = gen.pick(allFields(m));
        if (x.type.startsWith("map<")) {
          continue;
        }
        String old = x.type;
        x.type = retype(f, m, path, x.type);
        if (inOneof(m, x) && x.type.startsWith("map<")) {
          x.type = old;
          continue;
        }
        if (!ProtoGen.packable(x.type)) {
          x.packed = null;
        }
        if (x.type.startsWith("map<")) {
          x.label = null;
          x.packed = null;
        }
        log.add("retype field " + x.name + " from " + old + " to " + x.type);
        return;
      }
      if (k < 68 && !m.fields.isEmpty()) {
        PField x = gen.pick(m.fields);
        if (x.type.startsWith("map<")) {
          continue;
        }
        String old = label(x);
        List<String> labels = f.syntax.equals("proto2") ? List.of("optional", "repeated", "required")
            : java.util.Arrays.asList(null, "optional", "repeated");
        x.label = gen.pick(labels);
        if (!"repeated".equals(x.label)) {
          x.packed = null;
        }
        log.add("label of " + x.name + " from " + old + "to " + label(x));
        return;
      }
      if (k < 76) {
        if (!m.oneofs.isEmpty() && r.nextBoolean()) {
          POneof o = gen.pick(m.oneofs);
          if (!o.fields.isEmpty()) {
            PField x = o.fields.remove(r.nextInt(o.fields.size()));
            x.label = f.syntax.equals("proto2") ? "optional" : null;
            m.fields.add(x);
            if (o.fields.isEmpty()) {
              m.oneofs.remove(o);
            }
            log.add("move " + x.name + " out of oneof " + o.name);
            return;
          }
        }
        List<PField> movable = m.fields.stream()
            .filter(x -> !x.type.startsWith("map<") && !"repeated".equals(x.label) && !"required".equals(x.label)).toList();
        if (!movable.isEmpty()) {
          PField x = gen.pick(movable);
          m.fields.remove(x);
          x.label = null;
          POneof o;
          if (m.oneofs.isEmpty() || r.nextBoolean()) {
            o = new POneof();
            o.name = "choice" + x.number;
            m.oneofs.add(o);
          } else {
            o = gen.pick(m.oneofs);
          }
          o.fields.add(x);
          log.add("move " + x.name + " into oneof " + o.name);
          return;
        }
        continue;
      }
      if (k < 86 && !enums.isEmpty()) {
        PEnum e = gen.pick(enums);
        int kind = r.nextInt(3);
        if (kind == 0 || e.values.size() < 2) {
          int n = e.values.stream().mapToInt(c -> c.number).max().orElse(0) + 1;
          while (e.reservedNumbers.contains(n)) {
            n++;
          }
          e.values.add(new PConst(e.name.toUpperCase() + "_X" + n, n));
          log.add("add value " + n + " to enum " + e.name);
        } else if (kind == 1) {
          int at = f.syntax.equals("proto3") ? 1 + r.nextInt(e.values.size() - 1) : r.nextInt(e.values.size());
          PConst c = e.values.remove(at);
          if (r.nextBoolean()) {
            e.reservedNumbers.add(c.number);
            if (r.nextBoolean()) {
              e.reservedNames.add(c.name);
            }
          }
          log.add("remove value " + c.name + " from enum " + e.name);
        } else {
          PConst c = gen.pick(e.values);
          c.name = c.name + "_RENAMED";
          log.add("rename enum value " + c.name);
        }
        return;
      }
      if (k < 90) {
        if (f.messages.size() > 1 && r.nextBoolean()) {
          PMsg gone = f.messages.remove(f.messages.size() - 1);
          if (referenced(f, gone.name)) {
            f.messages.add(gone);
            continue;
          }
          log.add("remove message " + gone.name);
        } else {
          PMsg added = gen.message(f, gen.freshMessage(f), 1, "");
          f.messages.add(added);
          log.add("add message " + added.name);
        }
        return;
      }
      if (k < 94 && !m.reservedNumbers.isEmpty()) {
        m.reservedNumbers.remove(r.nextInt(m.reservedNumbers.size()));
        log.add("drop a reserved number of " + m.name);
        return;
      }
      if (k < 97) {
        String old = f.pkg;
        f.pkg = "acme.v2";
        log.add("package from " + old + " to acme.v2");
        return;
      }
      PField x = m.fields.isEmpty() ? null : gen.pick(m.fields);
      if (x != null) {
        x.jsonName = x.jsonName == null ? x.name + "Json" : null;
        log.add("json_name of " + x.name);
        return;
      }
    }
  }

  private String retype(PFile f, PMsg m, String path, String type) {
    int k = r.nextInt(4);
    if (k < 2) {
      String to = switch (type) {
        case "int32" -> gen.pick(new String[] {"int64", "uint32", "bool", "sint32"});
        case "int64" -> gen.pick(new String[] {"int32", "uint64", "sint64"});
        case "uint32" -> gen.pick(new String[] {"int32", "uint64", "fixed32"});
        case "uint64" -> gen.pick(new String[] {"int64", "fixed64"});
        case "sint32" -> gen.pick(new String[] {"sint64", "int32"});
        case "sint64" -> gen.pick(new String[] {"sint32", "int64"});
        case "bool" -> gen.pick(new String[] {"int32", "uint64"});
        case "string" -> "bytes";
        case "bytes" -> "string";
        case "fixed32" -> gen.pick(new String[] {"sfixed32", "float"});
        case "sfixed32" -> "fixed32";
        case "fixed64" -> gen.pick(new String[] {"sfixed64", "double"});
        case "sfixed64" -> "fixed64";
        case "float" -> "fixed32";
        case "double" -> "fixed64";
        default -> "int32";
      };
      return to;
    }
    return gen.fieldType(f, m, path, 3);
  }

  private static String label(PField x) {
    return x.label == null ? "" : x.label + " ";
  }

  private static List<PField> allFields(PMsg m) {
    List<PField> out = new ArrayList<>(m.fields);
    m.oneofs.forEach(o -> out.addAll(o.fields));
    return out;
  }

  private static boolean inOneof(PMsg m, PField x) {
    return m.oneofs.stream().anyMatch(o -> o.fields.contains(x));
  }

  private static boolean referenced(PFile f, String name) {
    List<PMsg> all = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    f.messages.forEach(m -> walk(m, "", all, paths));
    for (PMsg m : all) {
      for (PField x : allFields(m)) {
        if (x.type.equals(name) || x.type.startsWith(name + ".") || x.type.contains(" " + name + ">")
            || x.type.contains(" " + name + ".")) {
          return true;
        }
      }
    }
    return false;
  }

  static void walk(PMsg m, String prefix, List<PMsg> out, List<String> paths) {
    String path = prefix.isEmpty() ? m.name : prefix + "." + m.name;
    out.add(m);
    paths.add(path);
    m.nested.forEach(n -> walk(n, path, out, paths));
  }

  // ---- copying

  static PFile copy(PFile f) {
    PFile c = new PFile();
    c.syntax = f.syntax;
    c.pkg = f.pkg;
    f.messages.forEach(m -> c.messages.add(copy(m)));
    f.enums.forEach(e -> c.enums.add(copy(e)));
    return c;
  }

  private static PMsg copy(PMsg m) {
    PMsg c = new PMsg();
    c.name = m.name;
    m.fields.forEach(x -> c.fields.add(copy(x)));
    for (POneof o : m.oneofs) {
      POneof p = new POneof();
      p.name = o.name;
      o.fields.forEach(x -> p.fields.add(copy(x)));
      c.oneofs.add(p);
    }
    m.nested.forEach(n -> c.nested.add(copy(n)));
    m.enums.forEach(e -> c.enums.add(copy(e)));
    c.reservedNumbers = new ArrayList<>(m.reservedNumbers);
    c.reservedNames = new ArrayList<>(m.reservedNames);
    return c;
  }

  private static PField copy(PField x) {
    PField c = new PField();
    c.name = x.name;
    c.number = x.number;
    c.label = x.label;
    c.type = x.type;
    c.jsonName = x.jsonName;
    c.packed = x.packed;
    return c;
  }

  private static PEnum copy(PEnum e) {
    PEnum c = new PEnum();
    c.name = e.name;
    e.values.forEach(v -> c.values.add(new PConst(v.name, v.number)));
    c.reservedNumbers = new ArrayList<>(e.reservedNumbers);
    c.reservedNames = new ArrayList<>(e.reservedNames);
    return c;
  }
}
