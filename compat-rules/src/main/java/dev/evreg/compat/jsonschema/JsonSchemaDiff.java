package dev.evreg.compat.jsonschema;

import dev.evreg.compat.Deadline;
import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonNumber;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonString;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.json.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Detects what changed between a writer schema (whose documents must stay valid) and a reader
 * schema, as {@link JsonChange} types; it does not judge them. One walk over both schemas with
 * {@code $ref}s resolved; pairs already compared (and pairs in progress, for recursive schemas)
 * are skipped. Sub-questions ("is this branch compatible with that one?") run nested diffs whose
 * answers are memoised for the whole comparison, which is bounded by a deadline.
 */
final class JsonSchemaDiff {

  static final Set<String> VALIDATION = Set.of("type", "enum", "const", "multipleOf", "maximum",
      "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "items",
      "prefixItems", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains", "maxContains",
      "minContains", "maxProperties", "minProperties", "required", "properties", "patternProperties",
      "additionalProperties", "dependencies", "dependentRequired", "dependentSchemas", "propertyNames",
      "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "$ref");

  static final List<String> COMBINATORS = List.of("allOf", "anyOf", "oneOf");

  private static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength", "pattern");
  private static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf");
  private static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "required", "additionalProperties",
      "patternProperties", "minProperties", "maxProperties", "dependencies", "dependentRequired",
      "dependentSchemas", "propertyNames", "unevaluatedProperties");
  private static final Set<String> ARRAY_KEYWORDS = Set.of("items", "prefixItems", "additionalItems", "contains",
      "minItems", "maxItems", "uniqueItems", "minContains", "maxContains", "unevaluatedItems");
  private static final List<String> ATOMS = List.of("null", "boolean", "object", "array", "string", "integer", "fraction");

  /** State shared by a comparison and all its nested sub-comparisons. */
  static final class Shared {
    final JsonPolicy policy;
    final Deadline deadline;
    final String displayPath;
    final RefResolver refs = new RefResolver();
    final Map<PairKey, Boolean> compatible = new HashMap<>();
    final Map<PairKey, SchemaNode> typeViews = new HashMap<>();

    Shared(JsonPolicy policy, Deadline deadline, String displayPath) {
      this.policy = policy;
      this.deadline = deadline;
      this.displayPath = displayPath;
    }
  }

  /** Two objects compared by identity. */
  record PairKey(Object a, Object b) {
    @Override
    public boolean equals(Object other) {
      return other instanceof PairKey k && k.a == a && k.b == b;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(a) + System.identityHashCode(b);
    }
  }

  final Shared shared;
  final List<Change> changes = new ArrayList<>();
  private final Set<PairKey> visited = new HashSet<>();
  /** A nested diff only answers "compatible?": it reuses answers known for inner pairs. */
  private final boolean nested;
  private boolean knownIncompatible;

  JsonSchemaDiff(Shared shared) {
    this(shared, false);
  }

  private JsonSchemaDiff(Shared shared, boolean nested) {
    this.shared = shared;
    this.nested = nested;
  }

  /** Every change from the writer's schema to the reader's. */
  static List<Change> diff(JsonSchemaDocument writer, JsonSchemaDocument reader, JsonPolicy policy, Deadline deadline) {
    JsonSchemaDiff d = new JsonSchemaDiff(new Shared(policy, deadline, reader.source().path()));
    d.compare("#", root(writer), root(reader));
    return d.changes;
  }

  static SchemaNode root(JsonSchemaDocument doc) {
    return new SchemaNode(doc, doc.root(), "#", doc.base());
  }

  // --- the walk ---------------------------------------------------------------------------

  void compare(String path, SchemaNode o0, SchemaNode u0) {
    shared.deadline.check(shared.displayPath, path);
    SchemaNode o = unwrap(shared.refs.resolve(o0));
    SchemaNode u = unwrap(shared.refs.resolve(u0));
    PairKey key = new PairKey(o.value(), u.value());
    if (nested && path.length() > 1 && shared.compatible.containsKey(key)) {
      // known, or being decided further up (then assumed compatible, so recursion ends)
      knownIncompatible |= !shared.compatible.get(key);
      return;
    }
    if (!visited.add(key) || o.isFalse()) {
      return;
    }
    if (u.acceptsEverything()) {
      return;
    }
    if (u.isFalse() || o.acceptsEverything()) {
      add(JsonChange.TYPE_CHANGED, path, o, u, null, show(o.value()), show(u.value()));
      return;
    }
    annotations(path, o, u);
    if (!types(path, o, u)) {
      return;
    }
    enums(path, o, u);
    count(path, o, u, "maxLength", JsonChange.MAX_LENGTH_ADDED, JsonChange.MAX_LENGTH_REMOVED,
        JsonChange.MAX_LENGTH_INCREASED, JsonChange.MAX_LENGTH_DECREASED);
    count(path, o, u, "minLength", JsonChange.MIN_LENGTH_ADDED, JsonChange.MIN_LENGTH_REMOVED,
        JsonChange.MIN_LENGTH_INCREASED, JsonChange.MIN_LENGTH_DECREASED);
    pattern(path, o, u);
    numbers(path, o, u);
    new ObjectDiff(this).compare(path, o, u);
    new ArrayDiff(this).compare(path, o, u);
    combinators(path, o, u);
    not(path, o, u);
    conditional(path, o, u);
  }

  /**
   * True when every document valid under {@code o} is valid under {@code u} by the policy in
   * force: a nested diff whose answer is memoised. A pair met again while it is being decided
   * counts as compatible, so that recursive schemas terminate.
   */
  boolean compatible(SchemaNode o0, SchemaNode u0) {
    SchemaNode o = unwrap(shared.refs.resolve(o0));
    SchemaNode u = unwrap(shared.refs.resolve(u0));
    PairKey key = new PairKey(o.value(), u.value());
    Boolean known = shared.compatible.get(key);
    if (known != null) {
      return known;
    }
    shared.compatible.put(key, true);
    JsonSchemaDiff nested = new JsonSchemaDiff(shared, true);
    nested.compare("#", o, u);
    boolean ok = !nested.knownIncompatible && nested.changes.stream().noneMatch(c -> c.type().breaks(shared.policy));
    shared.compatible.put(key, ok);
    return ok;
  }

  /** A subschema keyword on one side only is SCHEMA_ADDED or SCHEMA_REMOVED; on both, compared. */
  void subschema(String path, SchemaNode o, SchemaNode u, String keyword) {
    JsonValue vo = o.get(keyword);
    JsonValue vu = u.get(keyword);
    String at = path + "/" + keyword;
    if (vo != null && vu != null) {
      compare(at, o.child(vo, keyword), u.child(vu, keyword));
    } else if (vu != null && !u.child(vu, keyword).acceptsEverything()) {
      add(JsonChange.SCHEMA_ADDED, at, o, u, keyword, null, show(vu));
    } else if (vo != null && !o.child(vo, keyword).acceptsEverything()) {
      add(JsonChange.SCHEMA_REMOVED, at, o, u, keyword, show(vo), null);
    }
  }

  void add(JsonChange type, String path, SchemaNode o, SchemaNode u, String keyword, String writerValue, String readerValue) {
    changes.add(new Change(type, path, o.location(keyword), u.location(keyword), keyword, writerValue, readerValue));
  }

  /**
   * A keyword that governs what is not listed (additionalProperties, additionalItems,
   * unevaluated*): open (absent, true, {}), false, or a schema. Opening is compatible,
   * closing is not; two schemas are compared.
   */
  void extra(String path, SchemaNode o, SchemaNode u, String kw, JsonValue a, JsonValue b, JsonChange added,
      JsonChange removed, JsonChange extended, JsonChange narrowed) {
    ObjectDiff.Extra ea = ObjectDiff.extra(o, a);
    ObjectDiff.Extra eb = ObjectDiff.extra(u, b);
    if (ea == eb && ea != ObjectDiff.Extra.SCHEMA) {
      return;
    }
    if (ea == ObjectDiff.Extra.SCHEMA && eb == ObjectDiff.Extra.SCHEMA) {
      compare(path + "/" + kw, o.child(a, kw), u.child(b, kw));
      return;
    }
    JsonChange type;
    if (ea == ObjectDiff.Extra.FALSE) {
      type = eb == ObjectDiff.Extra.OPEN ? added : extended;
    } else if (eb == ObjectDiff.Extra.FALSE) {
      type = ea == ObjectDiff.Extra.OPEN ? removed : narrowed;
    } else {
      type = ea == ObjectDiff.Extra.SCHEMA ? extended : narrowed;
    }
    add(type, path + "/" + kw, o, u, kw, a == null ? "absent" : show(a), b == null ? "absent" : show(b));
  }

  /** A schema whose only validation keyword is a one-branch combinator stands for that branch. */
  SchemaNode unwrap(SchemaNode node) {
    SchemaNode n = node;
    for (int i = 0; i < 64; i++) {
      JsonObject o = n.object();
      if (o == null) {
        return n;
      }
      Set<String> kw = validationKeywords(o);
      if (kw.size() != 1) {
        return n;
      }
      String k = kw.iterator().next();
      if (!COMBINATORS.contains(k) || !(o.get(k) instanceof JsonArray a) || a.size() != 1) {
        return n;
      }
      n = shared.refs.resolve(n.child(a.items().get(0), k, "0"));
    }
    return n;
  }

  static Set<String> validationKeywords(JsonObject o) {
    Set<String> out = new LinkedHashSet<>();
    if (o != null) {
      for (String k : o.members().keySet()) {
        if (VALIDATION.contains(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  // --- annotations and types --------------------------------------------------------------

  private void annotations(String path, SchemaNode o, SchemaNode u) {
    String idO = id(o);
    String idU = id(u);
    if (idO != null || idU != null) {
      if (idO == null || !idO.equals(idU)) {
        add(JsonChange.ID_CHANGED, path, o, u, o.has("$id") || u.has("$id") ? "$id" : "id", idO, idU);
      }
    }
    annotation(path, o, u, "title", JsonChange.TITLE_CHANGED);
    annotation(path, o, u, "description", JsonChange.DESCRIPTION_CHANGED);
    annotation(path, o, u, "default", JsonChange.DEFAULT_CHANGED);
  }

  private static String id(SchemaNode n) {
    JsonObject o = n.object();
    if (o == null) {
      return null;
    }
    return o.string("$id") != null ? o.string("$id") : n.doc().draft() == Draft.DRAFT_4 ? o.string("id") : null;
  }

  private void annotation(String path, SchemaNode o, SchemaNode u, String keyword, JsonChange type) {
    JsonValue a = o.get(keyword);
    JsonValue b = u.get(keyword);
    if ((a == null) != (b == null) || (a != null && !same(a, b))) {
      add(type, path + "/" + keyword, o, u, keyword, a == null ? null : show(a), b == null ? null : show(b));
    }
  }

  /** Compares the JSON types both sides accept; false when they share none (stop comparing). */
  private boolean types(String path, SchemaNode o, SchemaNode u) {
    Set<String> to = typeAtoms(o);
    Set<String> tu = typeAtoms(u);
    if (to == null && tu != null) {
      // the writer's types come from its combinators, or it accepts every type here
      Set<String> eo = effectiveAtoms(o, 0);
      if (eo == null) {
        add(JsonChange.TYPE_NARROWED, path, o, u, "type", "any type", showTypes(tu));
      } else if (!tu.containsAll(eo)) {
        add(eo.containsAll(tu) ? JsonChange.TYPE_NARROWED : JsonChange.TYPE_CHANGED, path, o, u, "type", showTypes(eo),
            showTypes(tu));
      }
      return true;
    }
    if (to == null || tu == null || to.equals(tu)) {
      return true;
    }
    if (tu.containsAll(to)) {
      add(JsonChange.TYPE_EXTENDED, path, o, u, "type", showTypes(to), showTypes(tu));
      return true;
    }
    if (to.containsAll(tu)) {
      add(JsonChange.TYPE_NARROWED, path, o, u, "type", showTypes(to), showTypes(tu));
      return true;
    }
    add(JsonChange.TYPE_CHANGED, path, o, u, "type", showTypes(to), showTypes(tu));
    return to.stream().anyMatch(tu::contains);
  }

  /**
   * The JSON types a schema accepts at its own level: from {@code type}; else from the values
   * of {@code enum}/{@code const}; else implied when its keywords all belong to one type's
   * family ({@code minLength} implies a string). Null when unconstrained at this level.
   * {@code number} is the union of "integer" and "fraction".
   */
  Set<String> typeAtoms(SchemaNode n) {
    JsonObject o = n.object();
    if (o == null) {
      return null;
    }
    JsonValue t = o.get("type");
    Set<String> atoms = new TreeSet<>();
    if (t instanceof JsonString s) {
      addAtoms(s.value(), atoms);
      return atoms;
    }
    if (t instanceof JsonArray a) {
      a.items().forEach(v -> addAtoms(((JsonString) v).value(), atoms));
      return atoms;
    }
    List<JsonValue> values = enumValues(n);
    if (values != null) {
      values.forEach(v -> atoms.add(atomOf(v)));
      return atoms;
    }
    Set<String> families = new HashSet<>();
    for (String k : o.members().keySet()) {
      if (STRING_KEYWORDS.contains(k)) {
        families.add("string");
      } else if (NUMBER_KEYWORDS.contains(k)) {
        families.add("number");
      } else if (OBJECT_KEYWORDS.contains(k)) {
        families.add("object");
      } else if (ARRAY_KEYWORDS.contains(k)) {
        families.add("array");
      }
    }
    if (families.size() != 1) {
      return null;
    }
    addAtoms(families.iterator().next(), atoms);
    return atoms;
  }

  /**
   * The JSON types a schema accepts once its combinators are taken into account: its own
   * {@link #typeAtoms}, else the intersection over allOf branches and the union over anyOf and
   * oneOf branches. Null when the schema accepts every type at its own level.
   */
  private Set<String> effectiveAtoms(SchemaNode n0, int depth) {
    SchemaNode n = unwrap(shared.refs.resolve(n0));
    if (n.isFalse()) {
      return Set.of();
    }
    if (depth > 16 || n.acceptsEverything()) {
      return null;
    }
    Set<String> own = typeAtoms(n);
    if (own != null) {
      return own;
    }
    Set<String> result = null;
    for (String k : COMBINATORS) {
      if (!(n.get(k) instanceof JsonArray)) {
        continue;
      }
      Set<String> combined = null;
      boolean any = false;
      for (SchemaNode b : branches(n, k)) {
        Set<String> e = effectiveAtoms(b, depth + 1);
        if (k.equals("allOf")) {
          if (e != null) {
            combined = combined == null ? new TreeSet<>(e) : intersect(combined, e);
          }
        } else if (e == null) {
          any = true;
        } else {
          combined = combined == null ? new TreeSet<>(e) : union(combined, e);
        }
      }
      if (any || combined == null) {
        continue;
      }
      result = result == null ? combined : intersect(result, combined);
    }
    return result;
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.retainAll(b);
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static void addAtoms(String type, Set<String> atoms) {
    if (type.equals("number")) {
      atoms.add("integer");
      atoms.add("fraction");
    } else {
      atoms.add(type);
    }
  }

  private static String atomOf(JsonValue v) {
    if (v instanceof JsonNumber n) {
      return n.isIntegral() ? "integer" : "fraction";
    }
    return v.kind();
  }

  static String showTypes(Set<String> atoms) {
    List<String> names = new ArrayList<>();
    for (String a : ATOMS) {
      if (a.equals("integer") && atoms.contains("fraction")) {
        names.add("number");
      } else if (!a.equals("fraction") && atoms.contains(a)) {
        names.add(a);
      } else if (a.equals("fraction") && atoms.contains(a) && !atoms.contains("integer")) {
        names.add("number");
      }
    }
    return names.size() == 1 ? "\"" + names.get(0) + "\"" : names.stream().map(s -> "\"" + s + "\"").toList().toString();
  }

  // --- enums, strings, numbers ------------------------------------------------------------

  static List<JsonValue> enumValues(SchemaNode n) {
    if (n.get("enum") instanceof JsonArray a) {
      return a.items();
    }
    return n.get("const") != null ? List.of(n.get("const")) : null;
  }

  private void enums(String path, SchemaNode o, SchemaNode u) {
    List<JsonValue> eo = enumValues(o);
    List<JsonValue> eu = enumValues(u);
    String kw = u.has("enum") || o.has("enum") ? "enum" : "const";
    if (eo == null && eu == null) {
      return;
    }
    if (eo == null) {
      add(JsonChange.ENUM_ARRAY_NARROWED, path + "/" + kw, o, u, kw, null, showAll(eu));
      return;
    }
    if (eu == null) {
      add(JsonChange.ENUM_ARRAY_EXTENDED, path + "/" + kw, o, u, kw, showAll(eo), null);
      return;
    }
    boolean uHasAllO = eo.stream().allMatch(v -> eu.stream().anyMatch(w -> same(v, w)));
    boolean oHasAllU = eu.stream().allMatch(v -> eo.stream().anyMatch(w -> same(v, w)));
    if (uHasAllO && oHasAllU) {
      return;
    }
    JsonChange type = uHasAllO ? JsonChange.ENUM_ARRAY_EXTENDED : oHasAllU ? JsonChange.ENUM_ARRAY_NARROWED : JsonChange.ENUM_ARRAY_CHANGED;
    add(type, path + "/" + kw, o, u, kw, showAll(eo), showAll(eu));
  }

  private void pattern(String path, SchemaNode o, SchemaNode u) {
    String po = o.get("pattern") instanceof JsonString s ? s.value() : null;
    String pu = u.get("pattern") instanceof JsonString s ? s.value() : null;
    if (po == null && pu == null || po != null && po.equals(pu)) {
      return;
    }
    JsonChange type = po == null ? JsonChange.PATTERN_ADDED : pu == null ? JsonChange.PATTERN_REMOVED : JsonChange.PATTERN_CHANGED;
    add(type, path + "/pattern", o, u, "pattern", quote(po), quote(pu));
  }

  /**
   * A count limit (maxLength, minItems, ...): the change types passed say which direction is
   * safe, since a maximum may grow and a minimum may shrink.
   */
  void count(String path, SchemaNode o, SchemaNode u, String kw, JsonChange added, JsonChange removed,
      JsonChange increased, JsonChange decreased) {
    bound(path, o, u, kw, number(o, kw), number(u, kw), added, removed, increased, decreased);
  }

  private void bound(String path, SchemaNode o, SchemaNode u, String kw, BigDecimal a, BigDecimal b,
      JsonChange added, JsonChange removed, JsonChange increased, JsonChange decreased) {
    if (a == null && b == null || a != null && b != null && a.compareTo(b) == 0) {
      return;
    }
    JsonChange type = a == null ? added : b == null ? removed : b.compareTo(a) > 0 ? increased : decreased;
    add(type, path + "/" + kw, o, u, kw, a == null ? null : plain(a), b == null ? null : plain(b));
  }

  static BigDecimal number(SchemaNode n, String kw) {
    return n.get(kw) instanceof JsonNumber x ? x.decimal() : null;
  }

  /**
   * Whether {@code a} is a whole multiple of {@code b}. Values whose magnitudes lie more than
   * a thousand orders apart count as not (the division would take unbounded time and memory,
   * {@code 1e99999999} being legal JSON), which makes the change MULTIPLE_OF_CHANGED.
   */
  static boolean isMultiple(BigDecimal a, BigDecimal b) {
    if (a.signum() == 0) {
      return true;
    }
    if (b.signum() == 0 || a.abs().compareTo(b.abs()) < 0) {
      return false;
    }
    long orders = (long) (a.precision() - a.scale()) - (b.precision() - b.scale());
    return orders <= 1000 && Math.abs((long) a.scale() - b.scale()) <= 1000 && a.remainder(b).signum() == 0;
  }

  /** A number as written for people: plain digits, or scientific notation when that would be very long. */
  static String plain(BigDecimal d) {
    return Math.abs((long) d.precision() - d.scale()) > 40 || Math.abs((long) d.scale()) > 40 ? d.toString() : d.toPlainString();
  }

  /** A lower or upper limit with its exclusivity and the keyword that set it. */
  private record Limit(BigDecimal value, boolean exclusive, String keyword) {}

  private void numbers(String path, SchemaNode o, SchemaNode u) {
    limit(path, o, u, limit(o, true), limit(u, true), true);
    limit(path, o, u, limit(o, false), limit(u, false), false);
    BigDecimal mo = number(o, "multipleOf");
    BigDecimal mu = number(u, "multipleOf");
    if (mo == null && mu == null || mo != null && mu != null && mo.compareTo(mu) == 0) {
      return;
    }
    JsonChange type;
    if (mo == null) {
      type = JsonChange.MULTIPLE_OF_ADDED;
    } else if (mu == null) {
      type = JsonChange.MULTIPLE_OF_REMOVED;
    } else if (isMultiple(mo, mu)) {
      type = JsonChange.MULTIPLE_OF_REDUCED;
    } else if (isMultiple(mu, mo)) {
      type = JsonChange.MULTIPLE_OF_EXPANDED;
    } else {
      type = JsonChange.MULTIPLE_OF_CHANGED;
    }
    add(type, path + "/multipleOf", o, u, "multipleOf", mo == null ? null : plain(mo), mu == null ? null : plain(mu));
  }

  /**
   * The effective lower (or upper) limit: the stricter of {@code minimum} and
   * {@code exclusiveMinimum}, draft 4's boolean form included.
   */
  private static Limit limit(SchemaNode n, boolean lower) {
    String inclusiveKw = lower ? "minimum" : "maximum";
    String exclusiveKw = lower ? "exclusiveMinimum" : "exclusiveMaximum";
    BigDecimal inclusive = number(n, inclusiveKw);
    JsonValue ex = n.get(exclusiveKw);
    Limit a = null;
    if (inclusive != null) {
      boolean draft4Exclusive = ex instanceof JsonBoolean b && b.value();
      a = new Limit(inclusive, draft4Exclusive, draft4Exclusive ? exclusiveKw : inclusiveKw);
    }
    if (ex instanceof JsonNumber num) {
      Limit b = new Limit(num.decimal(), true, exclusiveKw);
      if (a == null || stricter(b, a, lower)) {
        a = b;
      }
    }
    return a;
  }

  private static boolean stricter(Limit x, Limit y, boolean lower) {
    int c = x.value().compareTo(y.value());
    if (c != 0) {
      return lower ? c > 0 : c < 0;
    }
    return x.exclusive() && !y.exclusive();
  }

  private void limit(String path, SchemaNode o, SchemaNode u, Limit a, Limit b, boolean lower) {
    if (a == null && b == null) {
      return;
    }
    String kwA = a == null ? null : a.keyword();
    String kwB = b == null ? null : b.keyword();
    String va = a == null ? null : plain(a.value());
    String vb = b == null ? null : plain(b.value());
    if (a == null) {
      add(added(kwB), path + "/" + kwB, o, u, kwB, null, vb);
      return;
    }
    if (b == null) {
      add(removed(kwA), path + "/" + kwA, o, u, kwA, va, null);
      return;
    }
    if (a.value().compareTo(b.value()) == 0 && a.exclusive() == b.exclusive()) {
      return;
    }
    boolean tighter = stricter(b, a, lower);
    JsonChange type;
    if (a.value().compareTo(b.value()) == 0) {
      type = tighter ? added(lower ? "exclusiveMinimum" : "exclusiveMaximum") : removed(lower ? "exclusiveMinimum" : "exclusiveMaximum");
    } else if (lower) {
      type = b.exclusive() ? (tighter ? JsonChange.EXCLUSIVE_MINIMUM_INCREASED : JsonChange.EXCLUSIVE_MINIMUM_DECREASED)
          : (tighter ? JsonChange.MINIMUM_INCREASED : JsonChange.MINIMUM_DECREASED);
    } else {
      type = b.exclusive() ? (tighter ? JsonChange.EXCLUSIVE_MAXIMUM_DECREASED : JsonChange.EXCLUSIVE_MAXIMUM_INCREASED)
          : (tighter ? JsonChange.MAXIMUM_DECREASED : JsonChange.MAXIMUM_INCREASED);
    }
    String kw = b.keyword();
    add(type, path + "/" + kw, o, u, kw, (a.exclusive() ? "> " : "") + va, (b.exclusive() ? "> " : "") + vb);
  }

  private static JsonChange added(String kw) {
    return switch (kw) {
      case "minimum" -> JsonChange.MINIMUM_ADDED;
      case "maximum" -> JsonChange.MAXIMUM_ADDED;
      case "exclusiveMinimum" -> JsonChange.EXCLUSIVE_MINIMUM_ADDED;
      default -> JsonChange.EXCLUSIVE_MAXIMUM_ADDED;
    };
  }

  private static JsonChange removed(String kw) {
    return switch (kw) {
      case "minimum" -> JsonChange.MINIMUM_REMOVED;
      case "maximum" -> JsonChange.MAXIMUM_REMOVED;
      case "exclusiveMinimum" -> JsonChange.EXCLUSIVE_MINIMUM_REMOVED;
      default -> JsonChange.EXCLUSIVE_MAXIMUM_REMOVED;
    };
  }

  // --- combinators, not, if/then/else -------------------------------------------------------

  private void combinators(String path, SchemaNode o, SchemaNode u) {
    List<String> ko = COMBINATORS.stream().filter(k -> o.get(k) instanceof JsonArray).toList();
    List<String> ku = COMBINATORS.stream().filter(k -> u.get(k) instanceof JsonArray).toList();
    if (ko.isEmpty() && ku.isEmpty()) {
      return;
    }
    for (String k : COMBINATORS) {
      if (ko.contains(k) && ku.contains(k)) {
        branches(path + "/" + k, k, k.equals("allOf"), branches(o, k), branches(u, k), o, u);
      }
    }
    List<String> onlyO = ko.stream().filter(k -> !ku.contains(k)).toList();
    List<String> onlyU = ku.stream().filter(k -> !ko.contains(k)).toList();
    if (onlyO.size() == 1 && onlyU.size() == 1) {
      String from = onlyO.get(0);
      String to = onlyU.get(0);
      boolean widens = from.equals("allOf") || from.equals("oneOf") && to.equals("anyOf");
      if (widens) {
        add(JsonChange.COMBINED_TYPE_EXTENDED, path + "/" + to, o, u, to, from, to);
        branches(path + "/" + to, to, false, branches(o, from), branches(u, to), o, u);
      } else {
        add(JsonChange.COMBINED_TYPE_CHANGED, path + "/" + to, o, u, to, from, to);
      }
      return;
    }
    if (!onlyO.isEmpty() && !onlyU.isEmpty()) {
      add(JsonChange.COMBINED_TYPE_CHANGED, path, o, u, onlyU.get(0), String.join(", ", onlyO), String.join(", ", onlyU));
      return;
    }
    for (String k : onlyU) {
      if (k.equals("allOf")) {
        if (branches(u, k).stream().anyMatch(b -> !compatible(plain(o), b))) {
          add(JsonChange.PRODUCT_TYPE_EXTENDED, path + "/" + k, o, u, k, null, String.valueOf(branches(u, k).size()));
        }
      } else if (ko.isEmpty()) {
        branches(path + "/" + k, k, false, typeViews(o), branches(u, k), o, u);
      }
    }
    for (String k : onlyO) {
      if (k.equals("allOf")) {
        if (branches(o, k).stream().anyMatch(b -> compatible(b, plain(u)))) {
          add(JsonChange.PRODUCT_TYPE_NARROWED, path + "/" + k, o, u, k, String.valueOf(branches(o, k).size()), null);
        } else {
          add(JsonChange.TYPE_CHANGED, path + "/" + k, o, u, k, k, null);
        }
      } else if (ku.isEmpty()) {
        branches(path + "/" + k, k, false, branches(o, k), typeViews(u), o, u);
      }
    }
  }

  /**
   * Compares branch lists. Sum semantics (anyOf, oneOf): every writer branch needs its own
   * compatible reader branch; more reader branches extend, fewer narrow. Product semantics
   * (allOf): every reader branch needs its own compatible writer branch.
   */
  private void branches(String path, String kw, boolean product, List<SchemaNode> ob, List<SchemaNode> ub,
      SchemaNode o, SchemaNode u) {
    if (!product) {
      int[] match = matching(ob.size(), ub.size(), (i, j) -> compatible(ob.get(i), ub.get(j)));
      List<Integer> unmatched = unmatched(match);
      if (unmatched.isEmpty()) {
        if (ub.size() > ob.size()) {
          add(JsonChange.SUM_TYPE_EXTENDED, path, o, u, kw, String.valueOf(ob.size()), String.valueOf(ub.size()));
        }
        for (int i = 0; i < match.length; i++) {
          compare(path + "/" + match[i], ob.get(i), ub.get(match[i]));
        }
      } else if (ub.size() < ob.size()) {
        add(JsonChange.SUM_TYPE_NARROWED, path, o, u, kw, String.valueOf(ob.size()), String.valueOf(ub.size()));
      } else {
        add(JsonChange.COMBINED_TYPE_SUBSCHEMAS_CHANGED, path, o, u, kw, indexes(unmatched), null);
      }
      return;
    }
    int[] match = matching(ub.size(), ob.size(), (j, i) -> compatible(ob.get(i), ub.get(j)));
    List<Integer> unmatched = unmatched(match);
    if (unmatched.isEmpty()) {
      if (ub.size() < ob.size()) {
        add(JsonChange.PRODUCT_TYPE_NARROWED, path, o, u, kw, String.valueOf(ob.size()), String.valueOf(ub.size()));
      }
      for (int j = 0; j < match.length; j++) {
        compare(path + "/" + j, ob.get(match[j]), ub.get(j));
      }
    } else if (ub.size() > ob.size()) {
      add(JsonChange.PRODUCT_TYPE_EXTENDED, path, o, u, kw, String.valueOf(ob.size()), String.valueOf(ub.size()));
    } else {
      add(JsonChange.COMBINED_TYPE_SUBSCHEMAS_CHANGED, path, o, u, kw, null, indexes(unmatched));
    }
  }

  /** A maximum bipartite matching from left to right; -1 where a left vertex stays unmatched. */
  private int[] matching(int left, int right, BiPredicate<Integer, Integer> edge) {
    boolean[][] ok = new boolean[left][right];
    for (int i = 0; i < left; i++) {
      for (int j = 0; j < right; j++) {
        ok[i][j] = edge.test(i, j);
      }
    }
    int[] rightOf = new int[left];
    int[] leftOf = new int[right];
    java.util.Arrays.fill(rightOf, -1);
    java.util.Arrays.fill(leftOf, -1);
    for (int i = 0; i < left; i++) {
      augment(i, ok, rightOf, leftOf, new boolean[right]);
    }
    return rightOf;
  }

  private static boolean augment(int i, boolean[][] ok, int[] rightOf, int[] leftOf, boolean[] seen) {
    for (int j = 0; j < leftOf.length; j++) {
      if (ok[i][j] && !seen[j]) {
        seen[j] = true;
        if (leftOf[j] < 0 || augment(leftOf[j], ok, rightOf, leftOf, seen)) {
          rightOf[i] = j;
          leftOf[j] = i;
          return true;
        }
      }
    }
    return false;
  }

  private static List<Integer> unmatched(int[] match) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < match.length; i++) {
      if (match[i] < 0) {
        out.add(i);
      }
    }
    return out;
  }

  private static String indexes(List<Integer> idx) {
    return idx.stream().map(String::valueOf).toList().toString();
  }

  List<SchemaNode> branches(SchemaNode n, String kw) {
    List<SchemaNode> out = new ArrayList<>();
    if (n.get(kw) instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(n.child(a.items().get(i), kw, String.valueOf(i)));
      }
    }
    return out;
  }

  /**
   * A plain schema seen as alternatives: one per type of a type array (a registry sees
   * {@code "type": ["string", "null"]} as two branches), or the schema itself.
   */
  private List<SchemaNode> typeViews(SchemaNode n) {
    if (!(n.get("type") instanceof JsonArray types) || types.size() < 2) {
      return List.of(plain(n));
    }
    List<SchemaNode> out = new ArrayList<>();
    for (JsonValue t : types.items()) {
      out.add(shared.typeViews.computeIfAbsent(new PairKey(n.value(), ((JsonString) t).value()), k -> {
        Map<String, JsonObject.Member> m = new LinkedHashMap<>(plain(n).object().members());
        m.put("type", new JsonObject.Member("type", n.object().positionOf("type"), t));
        return new SchemaNode(n.doc(), new JsonObject(m, n.value().position()), n.pointer(), n.base());
      }));
    }
    return out;
  }

  /** The schema without its combinators, for comparing it against branches. */
  private SchemaNode plain(SchemaNode n) {
    JsonObject o = n.object();
    if (o == null || COMBINATORS.stream().noneMatch(o::has)) {
      return n;
    }
    return shared.typeViews.computeIfAbsent(new PairKey(n.value(), "plain"), k -> {
      Map<String, JsonObject.Member> m = new LinkedHashMap<>(o.members());
      COMBINATORS.forEach(m::remove);
      return new SchemaNode(n.doc(), new JsonObject(m, o.position()), n.pointer(), n.base());
    });
  }

  private void not(String path, SchemaNode o, SchemaNode u) {
    JsonValue no = o.get("not");
    JsonValue nu = u.get("not");
    if (no == null && nu == null) {
      return;
    }
    if (no == null || nu == null) {
      // "not" inverts: only "not": false leaves every document valid, and "not": {} rejects them all
      if (nu != null && !shared.refs.resolve(u.child(nu, "not")).isFalse()) {
        add(JsonChange.SCHEMA_ADDED, path + "/not", o, u, "not", null, show(nu));
      } else if (no != null && !shared.refs.resolve(o.child(no, "not")).isFalse()) {
        add(JsonChange.SCHEMA_REMOVED, path + "/not", o, u, "not", show(no), null);
      }
      return;
    }
    SchemaNode xo = o.child(no, "not");
    SchemaNode xu = u.child(nu, "not");
    if (!compatible(xu, xo)) {
      add(JsonChange.NOT_TYPE_EXTENDED, path + "/not", o, u, "not", show(no), show(nu));
    } else if (!compatible(xo, xu)) {
      add(JsonChange.NOT_TYPE_NARROWED, path + "/not", o, u, "not", show(no), show(nu));
    }
  }

  private void conditional(String path, SchemaNode o, SchemaNode u) {
    JsonValue io = o.get("if");
    JsonValue iu = u.get("if");
    if (io == null && iu == null) {
      return;
    }
    if (io == null || iu == null) {
      // a condition on one side only: its branches constrain on their own
      subschema(path, o, u, "if");
      subschema(path, o, u, "then");
      subschema(path, o, u, "else");
      return;
    }
    SchemaNode a = o.child(io, "if");
    SchemaNode b = u.child(iu, "if");
    if (!compatible(a, b) || !compatible(b, a)) {
      add(JsonChange.COMBINED_TYPE_SUBSCHEMAS_CHANGED, path + "/if", o, u, "if", show(io), show(iu));
      return;
    }
    subschema(path, o, u, "then");
    subschema(path, o, u, "else");
  }

  // --- values for messages ----------------------------------------------------------------

  static boolean same(JsonValue a, JsonValue b) {
    return JsonWriter.canonical(a).equals(JsonWriter.canonical(b));
  }

  static String show(JsonValue v) {
    if (v == null) {
      return null;
    }
    String s = JsonWriter.compact(v);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private static String showAll(List<JsonValue> values) {
    String s = values.stream().map(JsonWriter::compact).toList().toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  private static String quote(String s) {
    return s == null ? null : "\"" + s + "\"";
  }
}
