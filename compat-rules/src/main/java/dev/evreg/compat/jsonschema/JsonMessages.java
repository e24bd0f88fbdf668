package dev.evreg.compat.jsonschema;

import dev.evreg.compat.JsonPolicy;

/**
 * Sentences for JSON Schema changes. A change is found from the writer's schema to the
 * reader's; BACKWARD reads with the new schema, FORWARD with the previous one, so each
 * sentence states both sides ("is 50 in the new schema and 100 in the previous schema"),
 * then, when the change breaks, what breaks and how to fix it.
 */
final class JsonMessages {

  private JsonMessages() {}

  static String message(Change c, boolean readerIsNew, JsonPolicy policy) {
    String r = readerIsNew ? "the new schema" : "the previous schema";
    String w = readerIsNew ? "the previous schema" : "the new schema";
    String kw = c.keyword() == null ? "" : c.keyword();
    String of = owner(c.path(), kw);
    String name = c.keyword();
    String ov = c.writerValue();
    String uv = c.readerValue();
    String prev = readerIsNew ? ov : uv; // the previous schema's value, which every fix keeps
    String rejects = readerIsNew ? ", so the new schema rejects documents that the previous schema accepts"
        : ", so consumers on the previous schema reject documents that the new schema accepts";
    String text = switch (c.type()) {
      case ID_CHANGED, TITLE_CHANGED, DESCRIPTION_CHANGED, DEFAULT_CHANGED ->
          q(kw) + " of " + of + " is " + or(uv) + " in " + r + " and " + or(ov) + " in " + w;
      case SCHEMA_ADDED -> q(kw) + " of " + of + " is set in " + r + " but not in " + w + rejects + "; " + fix(readerIsNew, "drop the new " + q(kw), "keep " + q(kw));
      case SCHEMA_REMOVED -> q(kw) + " of " + of + " is set in " + w + " but not in " + r;
      case TYPE_EXTENDED -> "The type of " + of + " is " + uv + " in " + r + ", wider than " + ov + " in " + w;
      case TYPE_NARROWED -> "The type of " + of + " is " + uv + " in " + r + ", narrower than " + ov + " in " + w
          + rejects + "; " + fix(readerIsNew, "keep accepting " + prev, "accept only " + prev + " as before");
      case TYPE_CHANGED -> "The type of " + of + " is " + or(uv) + " in " + r + " and " + or(ov) + " in " + w
          + rejects + "; keep the type " + or(prev) + ", or add a new property for the new type";
      case MAX_LENGTH_ADDED, MIN_LENGTH_ADDED, MAXIMUM_ADDED, MINIMUM_ADDED, EXCLUSIVE_MAXIMUM_ADDED,
          EXCLUSIVE_MINIMUM_ADDED, MULTIPLE_OF_ADDED, MAX_PROPERTIES_ADDED, MIN_PROPERTIES_ADDED, MAX_ITEMS_ADDED,
          MIN_ITEMS_ADDED, MAX_CONTAINS_ADDED, MIN_CONTAINS_ADDED ->
          q(kw) + " of " + of + " is " + uv + " in " + r + " but not set in " + w + rejects + "; " + fix(readerIsNew, "do not add the limit", "keep the limit at " + prev);
      case MAX_LENGTH_REMOVED, MIN_LENGTH_REMOVED, MAXIMUM_REMOVED, MINIMUM_REMOVED, EXCLUSIVE_MAXIMUM_REMOVED,
          EXCLUSIVE_MINIMUM_REMOVED, MULTIPLE_OF_REMOVED, MAX_PROPERTIES_REMOVED, MIN_PROPERTIES_REMOVED,
          MAX_ITEMS_REMOVED, MIN_ITEMS_REMOVED, MAX_CONTAINS_REMOVED, MIN_CONTAINS_REMOVED ->
          q(kw) + " of " + of + " is not set in " + r + " but " + ov + " in " + w;
      case MAX_LENGTH_INCREASED, MAX_LENGTH_DECREASED, MIN_LENGTH_INCREASED, MIN_LENGTH_DECREASED, MAXIMUM_INCREASED,
          MAXIMUM_DECREASED, MINIMUM_INCREASED, MINIMUM_DECREASED, EXCLUSIVE_MAXIMUM_INCREASED,
          EXCLUSIVE_MAXIMUM_DECREASED, EXCLUSIVE_MINIMUM_INCREASED, EXCLUSIVE_MINIMUM_DECREASED, MULTIPLE_OF_REDUCED,
          MULTIPLE_OF_EXPANDED, MULTIPLE_OF_CHANGED, MAX_PROPERTIES_INCREASED, MAX_PROPERTIES_DECREASED,
          MIN_PROPERTIES_INCREASED, MIN_PROPERTIES_DECREASED, MAX_ITEMS_INCREASED, MAX_ITEMS_DECREASED,
          MIN_ITEMS_INCREASED, MIN_ITEMS_DECREASED, MAX_CONTAINS_INCREASED, MAX_CONTAINS_DECREASED,
          MIN_CONTAINS_INCREASED, MIN_CONTAINS_DECREASED ->
          q(kw) + " of " + of + " is " + uv + " in " + r + " and " + ov + " in " + w
              + (c.type().verdict() == JsonChange.Verdict.COMPATIBLE ? "" : rejects + "; keep it at " + or(prev));
      case PATTERN_ADDED -> "\"pattern\" " + uv + " of " + of + " is set in " + r + " but not in " + w
          + ", so " + r + " rejects strings that " + w + " accepts; " + fix(readerIsNew, "do not add the pattern", "keep the pattern");
      case PATTERN_REMOVED -> "\"pattern\" " + ov + " of " + of + " is set in " + w + " but not in " + r;
      case PATTERN_CHANGED -> "\"pattern\" of " + of + " is " + uv + " in " + r + " and " + ov + " in " + w
          + ", so " + r + " may reject strings that " + w + " accepts; keep the pattern " + or(prev);
      case UNIQUE_ITEMS_ADDED -> "\"uniqueItems\" of " + of + " is true in " + r + " but not in " + w
          + ", so arrays with repeated items are rejected; " + fix(readerIsNew, "do not add \"uniqueItems\"", "keep \"uniqueItems\"");
      case UNIQUE_ITEMS_REMOVED -> "\"uniqueItems\" of " + of + " is true in " + w + " but not in " + r;
      case ENUM_ARRAY_EXTENDED -> "The values allowed at " + of + " are " + or(uv) + " in " + r + ", more than " + or(ov) + " in " + w;
      case ENUM_ARRAY_NARROWED -> "The values allowed at " + of + " are " + or(uv) + " in " + r + ", fewer than " + or(ov)
          + " in " + w + rejects + "; " + fix(readerIsNew, "keep allowing " + or(prev), "allow only " + or(prev) + " as before");
      case ENUM_ARRAY_CHANGED -> "The values allowed at " + of + " are " + uv + " in " + r + " and " + ov + " in " + w
          + rejects + "; keep allowing " + or(prev);
      case REQUIRED_ATTRIBUTE_ADDED -> "Property " + uv + " of " + of + " is required in " + r + " but optional in " + w
          + ", so documents without it are rejected; " + fix(readerIsNew, "keep it optional, or give it a \"default\"", "keep it required");
      case REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED -> "Property " + uv + " of " + of + " is required in " + r
          + " but optional in " + w + "; it has a default";
      case REQUIRED_ATTRIBUTE_REMOVED -> "Property " + ov + " of " + of + " is optional in " + r + " but required in " + w;
      case DEPENDENCY_ARRAY_ADDED, DEPENDENCY_ARRAY_EXTENDED, DEPENDENCY_ARRAY_CHANGED ->
          "The properties that " + q(last(c.path())) + " requires at " + parent(parent(c.path())) + " are " + or(uv) + " in " + r
              + " and " + or(ov) + " in " + w + rejects + "; keep the dependency as it was";
      case DEPENDENCY_ARRAY_NARROWED, DEPENDENCY_ARRAY_REMOVED ->
          "The properties that " + q(last(c.path())) + " requires at " + parent(parent(c.path())) + " are " + or(uv) + " in " + r
              + " and " + or(ov) + " in " + w;
      case DEPENDENCY_SCHEMA_ADDED -> "A schema that applies when " + q(last(c.path())) + " is present is set at "
          + parent(parent(c.path())) + " in " + r + " but not in " + w + rejects + "; " + fix(readerIsNew, "do not add it", "keep it");
      case DEPENDENCY_SCHEMA_REMOVED -> "The schema that applies when " + q(last(c.path())) + " is present at "
          + parent(parent(c.path())) + " is set in " + w + " but not in " + r;
      case PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL -> "Property " + q(name) + " is declared at " + c.path()
          + " in " + r + " with an empty schema; " + w + " accepts any value for it too";
      case OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL ->
          (c.type() == JsonChange.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL ? "Optional property " : "Required property with a default ")
              + q(name) + " is declared at " + c.path() + " in " + r + " but not in " + w
              + ", whose content model is open (no \"additionalProperties\": false), so documents valid under " + w
              + " may already hold " + q(name) + " with any value"
              + (policy == JsonPolicy.STRICT ? "; the STRICT policy refuses this: close the content model with "
                  + "\"additionalProperties\": false from the first version on, or set the subject's policy to LENIENT "
                  + "(--policy lenient)" : "");
      case OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL ->
          "Property " + q(name) + " is declared at " + c.path() + " in " + r + "; " + w + " does not allow it";
      case REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL ->
          "Required property " + q(name) + " is declared at " + c.path() + " in " + r + " but not in " + w
              + ", so documents without it are rejected; "
              + fix(readerIsNew, "make it optional, or give it a \"default\"", "keep the property");
      case PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL -> "Property " + q(name) + " at " + c.path() + " is declared in " + w
          + " but not in " + r + ", whose content model is open";
      case PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL -> "Property " + q(name) + " at " + c.path()
          + " was forbidden (false) in " + w + " and is not declared in " + r + ", whose content model is closed";
      case PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL -> "Property " + q(name) + " at " + c.path() + " is declared in " + w
          + " but not in " + r + ", whose content model is closed (\"additionalProperties\": false), so documents holding "
          + q(name) + " are rejected; " + fix(readerIsNew, "keep the property", "do not add properties to a closed content model")
          + ", or use the LENIENT policy";
      case PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Property " + q(name) + " is declared at " + c.path()
          + " in " + r + " with a schema that accepts every value " + w + " allowed for it";
      case PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Property " + q(name) + " is declared at " + c.path()
          + " in " + r + " with a schema that rejects values " + w + " allowed for it through \"additionalProperties\" or "
          + "\"patternProperties\"; " + fix(readerIsNew, "declare it with a schema those accept", "keep the property as it was")
          + ", or use the LENIENT policy";
      case PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Property " + q(name) + " at " + c.path()
          + " is declared in " + w + " but not in " + r + ", whose \"additionalProperties\" or \"patternProperties\" accept its values";
      case PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Property " + q(name) + " at " + c.path()
          + " is declared in " + w + " but not in " + r + ", whose \"additionalProperties\" or \"patternProperties\" reject "
          + "some of its values; " + fix(readerIsNew, "keep the property", "do not add the property") + ", or use the LENIENT policy";
      case ADDITIONAL_PROPERTIES_ADDED, ADDITIONAL_PROPERTIES_EXTENDED, UNEVALUATED_PROPERTIES_ADDED,
          UNEVALUATED_PROPERTIES_EXTENDED, ADDITIONAL_ITEMS_ADDED, ADDITIONAL_ITEMS_EXTENDED, UNEVALUATED_ITEMS_ADDED,
          UNEVALUATED_ITEMS_EXTENDED -> q(kw) + " of " + of + " is " + uv + " in " + r + " and " + ov + " in " + w
              + "; " + r + " accepts more";
      case ADDITIONAL_PROPERTIES_REMOVED, ADDITIONAL_PROPERTIES_NARROWED, UNEVALUATED_PROPERTIES_REMOVED,
          UNEVALUATED_PROPERTIES_NARROWED -> q(kw) + " of " + of + " is " + uv + " in " + r + " and " + ov + " in " + w
              + ", so documents with properties " + r + " does not declare can be rejected; keep " + q(kw) + " as it was"
              + (c.type().verdict() == JsonChange.Verdict.STRICT_ONLY ? ", or use the LENIENT policy" : "");
      case ADDITIONAL_ITEMS_REMOVED, ADDITIONAL_ITEMS_NARROWED, UNEVALUATED_ITEMS_REMOVED, UNEVALUATED_ITEMS_NARROWED ->
          q(kw) + " of " + of + " is " + uv + " in " + r + " and " + ov + " in " + w
              + ", so arrays with more items can be rejected; keep " + q(kw) + " as it was";
      case ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL, ITEM_ADDED_TO_CLOSED_CONTENT_MODEL,
          ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Tuple item " + name + " is declared at " + c.path()
              + " in " + r + "; " + w + " accepted no other values in that position";
      case ITEM_ADDED_TO_OPEN_CONTENT_MODEL, ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Tuple item " + name
          + " is declared at " + c.path() + " in " + r + " but not in " + w + ", which accepts other values in that position"
          + rejects + "; " + fix(readerIsNew, "do not add positional items to an open tuple", "keep the item");
      case ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL,
          ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Tuple item " + name + " at " + c.path()
              + " is declared in " + w + " but not in " + r + ", which still accepts its values";
      case ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL, ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> "Tuple item "
          + name + " at " + c.path() + " is declared in " + w + " but not in " + r
          + ", which rejects some of its values in that position; " + fix(readerIsNew, "keep the item", "do not add the item");
      case COMBINED_TYPE_EXTENDED -> q(ov) + " of " + of + " is " + q(uv) + " in " + r + ", which accepts more";
      case COMBINED_TYPE_CHANGED -> q(or(ov)) + " of " + of + " is " + q(or(uv)) + " in " + r + rejects + "; keep " + q(or(prev));
      case SUM_TYPE_EXTENDED -> q(kw) + " of " + of + " has " + uv + " alternatives in " + r + " and " + ov + " in " + w
          + ", and each alternative of " + w + " has a compatible one";
      case SUM_TYPE_NARROWED -> q(kw) + " of " + of + " has " + uv + " alternatives in " + r + " and " + ov + " in " + w
          + ", so documents matching a dropped alternative are rejected; " + fix(readerIsNew, "keep the alternatives", "do not add alternatives");
      case PRODUCT_TYPE_NARROWED -> q(kw) + " of " + of + " has " + or(uv) + " subschemas in " + r + " and " + or(ov) + " in " + w;
      case PRODUCT_TYPE_EXTENDED -> q(kw) + " of " + of + " has " + or(uv) + " subschemas in " + r + " and " + or(ov) + " in " + w
          + ", and documents valid under " + w + " can fail the new ones; "
          + fix(readerIsNew, "do not add subschemas to \"allOf\"", "keep the subschemas of \"allOf\"");
      case COMBINED_TYPE_SUBSCHEMAS_CHANGED -> "The subschemas of " + q(kw) + " at " + of
          + (ov != null && ov.startsWith("[") ? " " + ov + " in " + w + " have no compatible counterpart in " + r
              : uv != null && uv.startsWith("[") ? " " + uv + " in " + r + " have no compatible counterpart in " + w
              : " differ between " + r + " and " + w)
          + rejects + "; keep each subschema compatible with its previous form";
      case NOT_TYPE_NARROWED -> "\"not\" of " + of + " excludes less in " + r + " than in " + w;
      case NOT_TYPE_EXTENDED -> "\"not\" of " + of + " excludes more in " + r + " than in " + w + rejects + "; keep \"not\" as it was";
      case RESERVED_PROPERTY_REMOVED -> "Property name " + ov + " is reserved at " + of + " in " + w + " but not in " + r
          + "; keep it reserved so that it is never reused with another meaning";
      case RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY -> "Property " + uv + " is declared at " + of + " in " + r
          + ", but its name is reserved; rename the property";
    };
    return text + ".";
  }

  /**
   * The fix for a breaking change. FORWARD finds each change from the new schema to the previous
   * one, so what reads as "added" there was removed by the new schema: its fix is to keep it.
   */
  private static String fix(boolean readerIsNew, String backward, String forward) {
    return readerIsNew ? backward : forward;
  }

  /** The schema a keyword belongs to: {@code #/properties/email} for {@code #/properties/email/maxLength}. */
  private static String owner(String path, String keyword) {
    String p = !keyword.isEmpty() && path.endsWith("/" + keyword) ? path.substring(0, path.length() - keyword.length() - 1) : path;
    return p.equals("#") ? "the root schema" : p;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash > 0 ? path.substring(0, slash) : path;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String q(String s) {
    return s == null ? "(none)" : s.startsWith("\"") ? s : "\"" + s + "\"";
  }

  private static String or(String s) {
    return s == null ? "(none)" : s;
  }
}
