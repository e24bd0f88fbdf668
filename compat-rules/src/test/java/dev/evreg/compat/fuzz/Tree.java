package dev.evreg.compat.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * JSON as plain Java values (LinkedHashMap, List, String, Number, Boolean, null), rendered as
 * text in a chosen layout: the generators build schemas as such trees, and the formatting law
 * renders one tree in several layouts.
 */
public final class Tree {

  private Tree() {}

  /** How a tree is written: indented or compact, members in order or shuffled, non-ASCII escaped or not. */
  public record Style(boolean pretty, boolean shuffle, boolean escapeAll, long shuffleSeed) {
    public static final Style COMPACT = new Style(false, false, false, 0);

    public static Style random(Random r) {
      return new Style(r.nextBoolean(), r.nextBoolean(), r.nextInt(4) == 0, r.nextLong());
    }
  }

  public static String render(Object v, Style style) {
    StringBuilder b = new StringBuilder();
    write(b, v, style, new Random(style.shuffleSeed()), 0);
    if (style.pretty()) {
      b.append('\n');
    }
    return b.toString();
  }

  public static String compact(Object v) {
    return render(v, Style.COMPACT);
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder b, Object v, Style s, Random r, int depth) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String str) {
      string(b, str, s.escapeAll());
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof BigDecimal d) {
      b.append(d.toString());
    } else if (v instanceof Double d) {
      b.append(d % 1 == 0 && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) + ".0" : d.toString());
    } else if (v instanceof Number n) {
      b.append(n);
    } else if (v instanceof Map<?, ?> m) {
      List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) m).entrySet());
      if (s.shuffle()) {
        Collections.shuffle(entries, r);
      }
      b.append('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        newline(b, s, depth + 1);
        string(b, entries.get(i).getKey(), s.escapeAll());
        b.append(s.pretty() ? ": " : ":");
        write(b, entries.get(i).getValue(), s, r, depth + 1);
      }
      if (!entries.isEmpty()) {
        newline(b, s, depth);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        newline(b, s, depth + 1);
        write(b, l.get(i), s, r, depth + 1);
      }
      if (!l.isEmpty()) {
        newline(b, s, depth);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void newline(StringBuilder b, Style s, int depth) {
    if (s.pretty()) {
      b.append('\n').append("  ".repeat(depth));
    }
  }

  private static void string(StringBuilder b, String str, boolean escapeAll) {
    b.append('"');
    for (int i = 0; i < str.length(); i++) {
      char c = str.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || (escapeAll && c > 0x7e) || Character.isSurrogate(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** A deep copy of a tree (maps keep their order). */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> out.put(k, copy(x)));
      return (T) out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(copy(x)));
      return (T) out;
    }
    return v;
  }

  /** A map from alternating keys and values, in order. */
  public static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
