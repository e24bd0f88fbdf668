package dev.evreg.registry;

import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.json.JsonArray;
import dev.evreg.compat.json.JsonObject;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.json.JsonValue;
import dev.evreg.compat.json.JsonWriter;
import dev.evreg.compat.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * {@code evreg diff}: the findings between two versions at a level, and a unified diff of their
 * normalised, indented forms, so that formatting differences do not show.
 */
public record SchemaDiff(SchemaVersion from, SchemaVersion to, Level level, List<Finding> findings, String text) {

  public static SchemaDiff between(GitRegistry registry, Subject subject, SchemaVersion from, SchemaVersion to,
      Level level) {
    ParsedSchema a = registry.parse(from);
    ParsedSchema b = registry.parse(to);
    List<Finding> findings = CompatibilityChecker.standard().compare(level, a, b,
        registry.config().compatibility().optionsFor(subject.name()));
    return new SchemaDiff(from, to, level, findings, unified(from.location(), pretty(a), to.location(), pretty(b)));
  }

  /** The canonical form, indented: JSON forms one member per line, Protobuf as wire renders it. */
  static String pretty(ParsedSchema s) {
    String canonical = s.canonical();
    String t = canonical.stripLeading();
    if (!t.startsWith("{") && !t.startsWith("[")) {
      return canonical.endsWith("\n") ? canonical : canonical + "\n";
    }
    JsonValue v = new JsonParser().parse(new SourceFile(s.source().path(), canonical));
    StringBuilder sb = new StringBuilder();
    indent(v, sb, 0);
    return sb.append('\n').toString();
  }

  private static void indent(JsonValue v, StringBuilder sb, int depth) {
    if (v instanceof JsonObject o && !o.memberList().isEmpty()) {
      sb.append("{\n");
      List<JsonObject.Member> members = List.copyOf(o.memberList());
      for (int i = 0; i < members.size(); i++) {
        sb.append("  ".repeat(depth + 1));
        JsonWriter.string(members.get(i).name(), sb);
        sb.append(": ");
        indent(members.get(i).value(), sb, depth + 1);
        sb.append(i + 1 < members.size() ? ",\n" : "\n");
      }
      sb.append("  ".repeat(depth)).append('}');
    } else if (v instanceof JsonArray a && a.size() > 0) {
      sb.append("[\n");
      for (int i = 0; i < a.size(); i++) {
        sb.append("  ".repeat(depth + 1));
        indent(a.items().get(i), sb, depth + 1);
        sb.append(i + 1 < a.size() ? ",\n" : "\n");
      }
      sb.append("  ".repeat(depth)).append(']');
    } else {
      sb.append(JsonWriter.compact(v));
    }
  }

  /** A unified diff with three lines of context; empty when the texts are equal. */
  static String unified(String nameA, String a, String nameB, String b) {
    RawText ta = new RawText(a.getBytes(StandardCharsets.UTF_8));
    RawText tb = new RawText(b.getBytes(StandardCharsets.UTF_8));
    EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, ta, tb);
    if (edits.isEmpty()) {
      return "";
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter f = new DiffFormatter(out)) {
      out.write(("--- " + nameA + "\n+++ " + nameB + "\n").getBytes(StandardCharsets.UTF_8));
      f.format(edits, ta, tb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
