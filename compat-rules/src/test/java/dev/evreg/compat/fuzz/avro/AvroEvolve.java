package dev.evreg.compat.fuzz.avro;

import dev.evreg.compat.fuzz.avro.AvroGen.Arr;
import dev.evreg.compat.fuzz.avro.AvroGen.Enm;
import dev.evreg.compat.fuzz.avro.AvroGen.F;
import dev.evreg.compat.fuzz.avro.AvroGen.Fix;
import dev.evreg.compat.fuzz.avro.AvroGen.MapT;
import dev.evreg.compat.fuzz.avro.AvroGen.Named;
import dev.evreg.compat.fuzz.avro.AvroGen.Prim;
import dev.evreg.compat.fuzz.avro.AvroGen.Rec;
import dev.evreg.compat.fuzz.avro.AvroGen.T;
import dev.evreg.compat.fuzz.avro.AvroGen.Uni;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random evolutions of an Avro schema: one to three edits among adding, removing, renaming
 * (with or without an alias) and retyping fields (promotions, demotions, any type, made
 * optional, unwrapped), changing defaults, adding, removing and reordering enum symbols and
 * enum defaults, adding and removing union branches, resizing fixed types, renaming types and
 * namespaces, and changing logical types. Defaults left invalid by an edit are redrawn.
 */
public final class AvroEvolve {

  private final AvroGen gen;
  private final Random r;
  private final List<String> log = new ArrayList<>();

  public AvroEvolve(AvroGen gen) {
    this.gen = gen;
    this.r = gen.random();
  }

  /** A new version of {@code base} (which stays unchanged); {@link #log()} says what was done. */
  public Rec evolve(Rec base) {
    Rec root = AvroGen.copy(base);
    int edits = 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
    for (int i = 0; i < edits; i++) {
      edit(root);
    }
    fixDefaults(root);
    return root;
  }

  public List<String> log() {
    return log;
  }

  private void edit(Rec root) {
    Sites s = new Sites();
    s.walk(root);
    for (int attempt = 0; attempt < 10; attempt++) {
      int k = r.nextInt(100);
      Rec rec = gen.pick(s.records);
      if (k < 14) {
        F f = new F();
        f.name = gen.freshField(rec);
        f.type = gen.type(new ArrayList<>(List.of(rec)), 2, false);
        if (r.nextInt(10) < 7) {
          gen.setDefault(f);
        }
        rec.fields.add(r.nextInt(rec.fields.size() + 1), f);
        log.add("add field " + f.name + (f.hasDefault ? " with default" : "") + " to " + rec.name);
        return;
      }
      if (k < 24 && rec.fields.size() > 1) {
        F f = rec.fields.remove(r.nextInt(rec.fields.size()));
        log.add("remove field " + f.name + " from " + rec.name);
        return;
      }
      if (k < 32 && !rec.fields.isEmpty()) {
        F f = gen.pick(rec.fields);
        String old = f.name;
        f.name = gen.freshField(rec);
        boolean alias = r.nextBoolean();
        if (alias) {
          f.aliases.add(old);
        }
        log.add("rename field " + old + " to " + f.name + (alias ? " with alias" : ""));
        return;
      }
      if (k < 48 && !s.fields.isEmpty()) {
        F f = gen.pick(s.fields);
        T before = f.type;
        f.type = retype(f.type, f);
        if (f.type != before) {
          return;
        }
        continue;
      }
      if (k < 56 && !s.fields.isEmpty()) {
        F f = gen.pick(s.fields);
        if (f.hasDefault && r.nextBoolean()) {
          f.hasDefault = false;
          f.dflt = null;
          log.add("remove default of " + f.name);
        } else {
          gen.setDefault(f);
          log.add("set default of " + f.name);
        }
        return;
      }
      if (k < 68 && !s.enums.isEmpty()) {
        enumEdit(gen.pick(s.enums));
        return;
      }
      if (k < 76 && !s.unions.isEmpty()) {
        Uni u = gen.pick(s.unions);
        if (r.nextBoolean() || u.branches.size() < 2) {
          T t = gen.type(new ArrayList<>(List.of(root)), 3, true);
          if (AvroGen.fitsUnion(u, t)) {
            u.branches.add(r.nextInt(u.branches.size() + 1), t);
            log.add("add union branch " + AvroGen.unionKey(t));
            return;
          }
        } else {
          T t = u.branches.remove(r.nextInt(u.branches.size()));
          log.add("remove union branch " + AvroGen.unionKey(t));
          return;
        }
        continue;
      }
      if (k < 80 && !s.fixeds.isEmpty()) {
        Fix f = gen.pick(s.fixeds);
        f.size = Math.max(1, f.size + (r.nextBoolean() ? 1 : -1));
        if (f.logical != null) {
          f.precision = Math.min(f.precision, AvroGen.maxPrecision(f.size));
          if (f.precision < 1) {
            f.logical = null;
          }
        }
        log.add("resize fixed " + f.name + " to " + f.size);
        return;
      }
      if (k < 88) {
        List<Named> named = new ArrayList<>(s.records);
        named.addAll(s.enums);
        named.addAll(s.fixeds);
        Named n = gen.pick(named);
        String oldFull = n.fullName();
        if (r.nextBoolean()) {
          n.name = gen.freshType();
        } else {
          n.ns = n.ns.equals("com.acme") ? "com.acme.v2" : "com.acme";
        }
        boolean alias = r.nextBoolean();
        if (alias) {
          n.aliases.add(oldFull);
        }
        log.add("rename type " + oldFull + " to " + n.fullName() + (alias ? " with alias" : ""));
        return;
      }
      if (k < 92 && rec.fields.size() > 1) {
        Collections.shuffle(rec.fields, r);
        log.add("reorder fields of " + rec.name);
        return;
      }
      if (k < 96 && !s.prims.isEmpty()) {
        Prim p = gen.pick(s.prims);
        if (p.logical != null) {
          log.add("drop logical type " + p.logical);
          p.logical = null;
          return;
        }
        Prim l = gen.logical();
        if (l.type.equals(p.type)) {
          p.logical = l.logical;
          p.precision = l.precision;
          p.scale = l.scale;
          log.add("add logical type " + p.logical);
          return;
        }
        continue;
      }
      rec.doc = rec.doc == null ? "Changed." : null;
      log.add("change doc of " + rec.name);
      return;
    }
  }

  private T retype(T t, F f) {
    int k = r.nextInt(10);
    if (t instanceof Prim p && p.logical == null && k < 5) {
      String to = switch (p.type) {
        case "int" -> gen.pick(new String[] {"long", "float", "double"});
        case "long" -> gen.pick(new String[] {"float", "double", "int"});
        case "float" -> gen.pick(new String[] {"double", "int", "long"});
        case "double" -> gen.pick(new String[] {"float", "long"});
        case "string" -> "bytes";
        case "bytes" -> "string";
        default -> null;
      };
      if (to != null) {
        log.add("retype " + f.name + " from " + p.type + " to " + to);
        return new Prim(to);
      }
    }
    if (t instanceof Uni u && k < 7) {
      T b = gen.pick(u.branches);
      log.add("unwrap union of " + f.name + " to " + AvroGen.unionKey(b));
      return b;
    }
    if (!(t instanceof Uni) && k < 7) {
      Uni u = new Uni();
      u.branches.add(t);
      T other = r.nextInt(3) > 0 ? new Prim("null") : gen.prim(true);
      if (!AvroGen.fitsUnion(u, other)) {
        return t;
      }
      u.branches.add(r.nextBoolean() ? 0 : 1, other);
      if (AvroGen.isNull(u.branches.get(0)) && r.nextBoolean()) {
        f.hasDefault = true;
        f.dflt = null;
      }
      log.add("make " + f.name + " a union with " + AvroGen.unionKey(other));
      return u;
    }
    if (t instanceof Arr a && k < 9) {
      a.items = retype(a.items, f);
      return t;
    }
    if (t instanceof MapT m && k < 9) {
      m.values = retype(m.values, f);
      return t;
    }
    T n = gen.type(new ArrayList<>(), 2, false);
    log.add("retype " + f.name + " to " + AvroGen.unionKey(n));
    return n;
  }

  private void enumEdit(Enm e) {
    int k = r.nextInt(5);
    if (k == 0 || e.symbols.size() < 2 && k == 1) {
      for (String s : AvroGen.SYMBOLS) {
        if (!e.symbols.contains(s)) {
          e.symbols.add(r.nextInt(e.symbols.size() + 1), s);
          log.add("add symbol " + s + " to " + e.name);
          return;
        }
      }
    }
    if (k == 1 && e.symbols.size() > 1) {
      String s = e.symbols.remove(r.nextInt(e.symbols.size()));
      if (s.equals(e.dflt)) {
        e.dflt = e.symbols.get(0);
      }
      log.add("remove symbol " + s + " from " + e.name);
      return;
    }
    if (k == 2) {
      e.dflt = e.dflt == null ? gen.pick(e.symbols) : null;
      log.add((e.dflt == null ? "remove" : "add") + " enum default of " + e.name);
      return;
    }
    Collections.shuffle(e.symbols, r);
    log.add("reorder symbols of " + e.name);
  }

  /** Redraws defaults an edit left invalid (and drops enum defaults naming lost symbols). */
  private void fixDefaults(Rec root) {
    Sites s = new Sites();
    s.walk(root);
    for (Enm e : s.enums) {
      if (e.dflt != null && !e.symbols.contains(e.dflt)) {
        e.dflt = null;
      }
    }
    for (F f : s.fields) {
      if (f.hasDefault && !AvroGen.valid(f.dflt, f.type)) {
        gen.setDefault(f);
      }
    }
  }

  /** Every element of a schema graph, each once. */
  static final class Sites {
    final List<Rec> records = new ArrayList<>();
    final List<F> fields = new ArrayList<>();
    final List<Enm> enums = new ArrayList<>();
    final List<Fix> fixeds = new ArrayList<>();
    final List<Uni> unions = new ArrayList<>();
    final List<Prim> prims = new ArrayList<>();
    private final Map<T, Boolean> seen = new IdentityHashMap<>();

    void walk(T t) {
      if (seen.put(t, true) != null) {
        return;
      }
      if (t instanceof Rec rec) {
        records.add(rec);
        for (F f : rec.fields) {
          fields.add(f);
          walk(f.type);
        }
      } else if (t instanceof Enm e) {
        enums.add(e);
      } else if (t instanceof Fix f) {
        fixeds.add(f);
      } else if (t instanceof Uni u) {
        unions.add(u);
        u.branches.forEach(this::walk);
      } else if (t instanceof Arr a) {
        walk(a.items);
      } else if (t instanceof MapT m) {
        walk(m.values);
      } else if (t instanceof Prim p) {
        prims.add(p);
      }
    }
  }
}
