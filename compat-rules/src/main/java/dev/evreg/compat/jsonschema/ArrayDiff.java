package dev.evreg.compat.jsonschema;

import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonBoolean;
import dev.evreg.compat.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The array keywords of one schema pair. With tuples ({@code items} as an array before
 * 2020-12, {@code prefixItems} from 2020-12 on), the items past the tuple are governed by
 * {@code additionalItems} (resp. {@code items}): open, closed ({@code false}) or partially open
 * (a schema); an item added to or removed from a tuple is judged by that content model.
 */
final class ArrayDiff {

  private final JsonSchemaDiff diff;

  ArrayDiff(JsonSchemaDiff diff) {
    this.diff = diff;
  }

  /** A tuple, and the keyword and schema for the items after it (null when absent: open). */
  private record Tuple(List<SchemaNode> items, String restKeyword, JsonValue rest) {}

  void compare(String path, SchemaNode o, SchemaNode u) {
    Tuple to = tuple(o);
    Tuple tu = tuple(u);
    if (to == null && tu == null) {
      diff.subschema(path, o, u, "items");
    } else {
      tuples(path, o, u, to != null ? to : asTuple(o), tu != null ? tu : asTuple(u));
    }
    diff.subschema(path, o, u, "contains");
    diff.count(path, o, u, "maxItems", JsonChange.MAX_ITEMS_ADDED, JsonChange.MAX_ITEMS_REMOVED,
        JsonChange.MAX_ITEMS_INCREASED, JsonChange.MAX_ITEMS_DECREASED);
    diff.count(path, o, u, "minItems", JsonChange.MIN_ITEMS_ADDED, JsonChange.MIN_ITEMS_REMOVED,
        JsonChange.MIN_ITEMS_INCREASED, JsonChange.MIN_ITEMS_DECREASED);
    diff.count(path, o, u, "maxContains", JsonChange.MAX_CONTAINS_ADDED, JsonChange.MAX_CONTAINS_REMOVED,
        JsonChange.MAX_CONTAINS_INCREASED, JsonChange.MAX_CONTAINS_DECREASED);
    diff.count(path, o, u, "minContains", JsonChange.MIN_CONTAINS_ADDED, JsonChange.MIN_CONTAINS_REMOVED,
        JsonChange.MIN_CONTAINS_INCREASED, JsonChange.MIN_CONTAINS_DECREASED);
    boolean uo = o.get("uniqueItems") instanceof JsonBoolean b && b.value();
    boolean uu = u.get("uniqueItems") instanceof JsonBoolean b && b.value();
    if (uo != uu) {
      diff.add(uu ? JsonChange.UNIQUE_ITEMS_ADDED : JsonChange.UNIQUE_ITEMS_REMOVED, path + "/uniqueItems", o, u,
          "uniqueItems", String.valueOf(uo), String.valueOf(uu));
    }
    diff.extra(path, o, u, "unevaluatedItems", o.get("unevaluatedItems"), u.get("unevaluatedItems"),
        JsonChange.UNEVALUATED_ITEMS_ADDED, JsonChange.UNEVALUATED_ITEMS_REMOVED,
        JsonChange.UNEVALUATED_ITEMS_EXTENDED, JsonChange.UNEVALUATED_ITEMS_NARROWED);
  }

  private static Tuple tuple(SchemaNode n) {
    boolean modern = n.doc().draft().atLeast(Draft.DRAFT_2020_12);
    String kw = modern && n.get("prefixItems") instanceof JsonArray ? "prefixItems"
        : n.get("items") instanceof JsonArray ? "items" : null;
    if (kw == null) {
      return null;
    }
    List<SchemaNode> items = new ArrayList<>();
    JsonArray a = (JsonArray) n.get(kw);
    for (int i = 0; i < a.size(); i++) {
      items.add(n.child(a.items().get(i), kw, String.valueOf(i)));
    }
    String restKw = kw.equals("prefixItems") ? "items" : "additionalItems";
    return new Tuple(items, restKw, n.get(restKw));
  }

  /** A schema without a tuple: no positional items, and {@code items} governs all of them. */
  private static Tuple asTuple(SchemaNode n) {
    return new Tuple(List.of(), "items", n.get("items"));
  }

  private void tuples(String path, SchemaNode o, SchemaNode u, Tuple to, Tuple tu) {
    int common = Math.min(to.items().size(), tu.items().size());
    for (int i = 0; i < common; i++) {
      diff.compare(path + "/items/" + i, to.items().get(i), tu.items().get(i));
    }
    ObjectDiff.Extra restO = ObjectDiff.extra(o, to.rest());
    ObjectDiff.Extra restU = ObjectDiff.extra(u, tu.rest());
    for (int i = common; i < tu.items().size(); i++) {
      SchemaNode item = tu.items().get(i);
      JsonChange type = switch (restO) {
        case OPEN -> diff.shared.refs.resolve(item).acceptsEverything()
            ? JsonChange.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL : JsonChange.ITEM_ADDED_TO_OPEN_CONTENT_MODEL;
        case FALSE -> JsonChange.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL;
        case SCHEMA -> diff.compatible(o.child(to.rest(), to.restKeyword()), item)
            ? JsonChange.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
            : JsonChange.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
      };
      diff.changes.add(new Change(type, path + "/items/" + i, o.location(to.restKeyword()), item.location(null),
          String.valueOf(i), null, JsonSchemaDiff.show(item.value())));
    }
    for (int i = common; i < to.items().size(); i++) {
      SchemaNode item = to.items().get(i);
      JsonChange type = switch (restU) {
        case OPEN -> JsonChange.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL;
        case FALSE -> diff.shared.refs.resolve(item).isFalse()
            ? JsonChange.ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL : JsonChange.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL;
        case SCHEMA -> diff.compatible(item, u.child(tu.rest(), tu.restKeyword()))
            ? JsonChange.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
            : JsonChange.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
      };
      diff.changes.add(new Change(type, path + "/items/" + i, item.location(null), u.location(tu.restKeyword()),
          String.valueOf(i), JsonSchemaDiff.show(item.value()), null));
    }
    diff.extra(path, o, u, tu.restKeyword(), to.rest(), tu.rest(), JsonChange.ADDITIONAL_ITEMS_ADDED, JsonChange.ADDITIONAL_ITEMS_REMOVED,
        JsonChange.ADDITIONAL_ITEMS_EXTENDED, JsonChange.ADDITIONAL_ITEMS_NARROWED);
  }
}
