package dev.evreg.compat.json;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Writes JSON values compactly; the canonical form also sorts member names. */
public final class JsonWriter {

  private JsonWriter() {}

  public static String compact(JsonValue v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, false);
    return sb.toString();
  }

  /** Sorted members and normalised numbers: equal for documents that differ only in formatting. */
  public static String canonical(JsonValue v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb, true);
    return sb.toString();
  }

  private static void write(JsonValue v, StringBuilder sb, boolean canonical) {
    if (v instanceof JsonObject o) {
      sb.append('{');
      List<JsonObject.Member> members = canonical
          ? o.memberList().stream().sorted(Comparator.comparing(JsonObject.Member::name)).toList()
          : List.copyOf(o.memberList());
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        string(members.get(i).name(), sb);
        sb.append(':');
        write(members.get(i).value(), sb, canonical);
      }
      sb.append('}');
    } else if (v instanceof JsonArray a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(a.items().get(i), sb, canonical);
      }
      sb.append(']');
    } else if (v instanceof JsonString s) {
      string(s.value(), sb);
    } else if (v instanceof JsonNumber n) {
      sb.append(canonical ? n.decimal().stripTrailingZeros().toString() : n.text());
    } else if (v instanceof JsonBoolean b) {
      sb.append(b.value());
    } else {
      sb.append("null");
    }
  }

  public static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** A JSON value as plain Java: Map, List, String, BigDecimal, Boolean or null. */
  public static Object toJava(JsonValue v) {
    if (v instanceof JsonObject o) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      o.memberList().forEach(mem -> m.put(mem.name(), toJava(mem.value())));
      return m;
    }
    if (v instanceof JsonArray a) {
      return a.items().stream().map(JsonWriter::toJava).toList();
    }
    if (v instanceof JsonString s) {
      return s.value();
    }
    if (v instanceof JsonNumber n) {
      return n.decimal();
    }
    if (v instanceof JsonBoolean b) {
      return b.value();
    }
    return null;
  }
}
