package dev.evreg.cli;

import dev.evreg.compat.CoreRule;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.Severity;
import dev.evreg.compat.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders plain Java values (Map, List, String, Number, Boolean, null) as indented JSON. */
final class Json {

  private Json() {}

  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  static String render(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb, 0);
    return sb.append('\n').toString();
  }

  static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = object();
    m.put("ruleId", f.ruleId());
    m.put("severity", f.severity().label());
    m.put("message", f.message());
    m.put("location", location(f.location()));
    if (f.previous() != null) {
      m.put("previous", location(f.previous()));
    }
    return m;
  }

  /** A file that could not be read, as an entry of a report's "errors" list: shaped as a finding of SCHEMA_UNREADABLE. */
  static Map<String, Object> unreadable(ReportFile.Unreadable u) {
    Map<String, Object> m = object();
    m.put("ruleId", CoreRule.SCHEMA_UNREADABLE.id());
    m.put("severity", Severity.ERROR.label());
    m.put("message", u.reason());
    m.put("location", location(u.location()));
    return m;
  }

  static Map<String, Object> location(Location l) {
    Map<String, Object> m = object();
    m.put("path", l.path());
    m.put("line", l.line());
    m.put("column", l.column());
    m.put("pointer", l.pointer());
    return m;
  }

  private static void write(Object v, StringBuilder sb, int indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      JsonWriter.string(s, sb);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Enum<?> e) {
      JsonWriter.string(e.name(), sb);
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        pad(sb, indent + 1);
        JsonWriter.string(String.valueOf(e.getKey()), sb);
        sb.append(": ");
        write(e.getValue(), sb, indent + 1);
        sb.append(++i < map.size() ? ",\n" : "\n");
      }
      pad(sb, indent);
      sb.append('}');
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        pad(sb, indent + 1);
        write(list.get(i), sb, indent + 1);
        sb.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      pad(sb, indent);
      sb.append(']');
    } else {
      JsonWriter.string(v.toString(), sb);
    }
  }

  private static void pad(StringBuilder sb, int indent) {
    sb.append("  ".repeat(indent));
  }
}
