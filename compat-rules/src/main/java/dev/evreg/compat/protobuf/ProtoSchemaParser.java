package dev.evreg.compat.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import dev.evreg.compat.source.Position;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code .proto} files (proto2 and proto3) with wire-schema: the file and everything it
 * imports are resolved first, so that a missing import is reported at its import line; then
 * wire links the set. Well-known types need no files. No {@code protoc} is involved.
 */
public final class ProtoSchemaParser {

  /** Imports wire's loader provides by itself. */
  private static final Set<String> WIRE_BUILT_INS = Set.of(
      "google/protobuf/any.proto", "google/protobuf/descriptor.proto", "google/protobuf/duration.proto",
      "google/protobuf/empty.proto", "google/protobuf/field_mask.proto", "google/protobuf/struct.proto",
      "google/protobuf/timestamp.proto", "google/protobuf/wrappers.proto", "wire/extensions.proto");

  /** The virtual folder wire's locations name; error messages are mapped back to real paths. */
  static final String ROOT = "/evreg-protos";

  private static final Pattern SYNTAX_ERROR =
      Pattern.compile("Syntax error in (.+?):(\\d+):(\\d+): (.*)", Pattern.DOTALL);
  private static final Pattern WIRE_LOCATION =
      Pattern.compile("\\(" + Pattern.quote(ROOT) + "/([^():]+):(\\d+):(\\d+)\\)");

  /**
   * How deep braces (messages, enums, oneofs, option values) may nest. wire's parser, its
   * rendering and the comparison grow faster than linearly with depth (a file nested 8,000
   * messages deep took minutes), and real files stay within a dozen levels.
   */
  public static final int MAX_NESTING = 200;

  /** One file to parse: its text, its import path and where its imports are found. */
  public record Target(SourceFile source, String name, ProtoSources sources) {}

  public ProtoSchema parse(SourceFile target, String targetName, ProtoSources sources) {
    Map<String, SourceFile> files = new LinkedHashMap<>();
    Map<String, ProtoFileElement> elements = new LinkedHashMap<>();
    resolve(new Target(target, targetName, sources), files, elements);
    Schema schema = link(files, elements, targetName);
    return new ProtoSchema(target, targetName, schema, schema.protoFile(targetName), elements.get(targetName), files);
  }

  /**
   * Parses several files with one wire loader, so that the imports they share are read and linked
   * once: a whole folder costs little more than its largest file. An import path names one file
   * for all of them (the first found). Returns null when any file or import fails; the caller then
   * parses the files one by one to report each error at its own file.
   */
  public Map<String, ProtoSchema> parseTogether(List<Target> targets) {
    if (targets.isEmpty()) {
      return Map.of();
    }
    Map<String, SourceFile> files = new LinkedHashMap<>();
    Map<String, ProtoFileElement> elements = new LinkedHashMap<>();
    Schema schema;
    targets.forEach(t -> files.putIfAbsent(t.name(), t.source()));
    try {
      for (Target t : targets) {
        resolve(t, files, elements);
      }
      schema = link(files, elements, targets.get(0).name());
    } catch (SchemaException e) {
      return null;
    }
    Map<String, ProtoSchema> parsed = new LinkedHashMap<>();
    for (Target t : targets) {
      ProtoFile file = schema.protoFile(t.name());
      if (file == null || files.get(t.name()) != t.source()) {
        return null;
      }
      parsed.put(t.name(), new ProtoSchema(t.source(), t.name(), schema, file, elements.get(t.name()), files));
    }
    return parsed;
  }

  /** Adds {@code target} and everything it imports to {@code files}, reading each syntax tree once. */
  private static void resolve(Target target, Map<String, SourceFile> files, Map<String, ProtoFileElement> elements) {
    files.putIfAbsent(target.name(), target.source());
    Deque<String> queue = new ArrayDeque<>(List.of(target.name()));
    while (!queue.isEmpty()) {
      String name = queue.poll();
      if (elements.containsKey(name)) {
        continue;
      }
      SourceFile file = files.get(name);
      ProtoFileElement element = syntax(file, name);
      elements.put(name, element);
      List<String> imports = new ArrayList<>(element.getImports());
      imports.addAll(element.getPublicImports());
      imports.addAll(element.getWeakImports());
      for (String imp : imports) {
        if (files.containsKey(imp)) {
          queue.add(imp);
          continue;
        }
        if (!isSafeImport(imp)) {
          throw new SchemaException(file.path(), importPosition(file, imp),
              "import \"" + imp + "\" leaves the source roots; evreg resolves imports only inside them");
        }
        SourceFile found = target.sources().find(imp);
        if (found == null && WIRE_BUILT_INS.contains(imp)) {
          continue;
        }
        if (found == null) {
          found = wellKnown(imp);
        }
        if (found == null) {
          throw new SchemaException(file.path(), importPosition(file, imp),
              "import \"" + imp + "\" not found (searched " + target.sources().describe()
                  + "); add the folder that holds it with --proto-path");
        }
        files.put(imp, found);
        queue.add(imp);
      }
    }
  }

  /** The syntax tree of one file; Editions files and syntax errors are reported with their position. */
  static ProtoFileElement syntax(SourceFile file, String name) {
    rejectEditions(file);
    rejectDeepNesting(file);
    if (file.text().isBlank()) {
      throw new SchemaException(file.path(), 1, 1, "the file is empty; a .proto file needs at least a syntax or message declaration");
    }
    try {
      return ProtoParser.Companion.parse(Location.get(ROOT, name), file.text());
    } catch (RuntimeException e) {
      Matcher m = SYNTAX_ERROR.matcher(String.valueOf(e.getMessage()));
      if (m.matches()) {
        throw new SchemaException(file.path(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            "syntax error: " + firstLine(m.group(4)));
      }
      throw new SchemaException(file.path(), 1, 1, "syntax error: " + firstLine(String.valueOf(e.getMessage())));
    } catch (StackOverflowError e) {
      throw new SchemaException(file.path(), 1, 1, "the file nests too deeply to parse");
    }
  }

  private static Schema link(Map<String, SourceFile> files, Map<String, ProtoFileElement> elements, String targetName) {
    // Every resolved file is a source file: wire prunes the members of types it loads only as
    // dependencies, and the compatibility check needs imported enums' values and messages' fields.
    try {
      ErrorCollector errors = new ErrorCollector();
      Linker linker = new Linker(new ParsedFilesLoader(elements), errors, false, false);
      Schema schema = linker.link(elements.values().stream().map(ProtoFile.Companion::get).toList());
      errors.throwIfNonEmpty();
      return schema;
    } catch (RuntimeException e) { // wire reports link errors as exceptions with located text
      String message = String.valueOf(e.getMessage());
      Matcher syntax = SYNTAX_ERROR.matcher(message);
      if (syntax.matches()) {
        SourceFile f = fileOf(files, syntax.group(1));
        throw new SchemaException(f == null ? files.get(targetName).path() : f.path(),
            Integer.parseInt(syntax.group(2)), Integer.parseInt(syntax.group(3)), "syntax error: " + firstLine(syntax.group(4)));
      }
      Matcher at = WIRE_LOCATION.matcher(message);
      SourceFile f = files.get(targetName);
      int line = 0;
      int col = 0;
      if (at.find()) {
        SourceFile located = files.get(at.group(1));
        f = located != null ? located : f;
        line = Integer.parseInt(at.group(2));
        col = Integer.parseInt(at.group(3));
      }
      throw new SchemaException(f.path(), line, col, "invalid Protobuf schema: " + describe(message));
    }
  }

  private static SourceFile fileOf(Map<String, SourceFile> files, String wirePath) {
    String prefix = ROOT + "/";
    return files.get(wirePath.startsWith(prefix) ? wirePath.substring(prefix.length()) : wirePath);
  }

  /** wire's multi-line message as one sentence without its locations. */
  static String describe(String message) {
    String firstError = message.split("\n(?=\\S)")[0];
    return WIRE_LOCATION.matcher(firstError).replaceAll("").replaceAll("\\s+", " ").trim();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl >= 0 ? s.substring(0, nl) : s).trim();
  }

  /** A well-known type's file that wire does not bundle, from protobuf-java's resources. */
  private static SourceFile wellKnown(String imp) {
    if (!imp.startsWith("google/protobuf/")) {
      return null;
    }
    try (InputStream in = com.google.protobuf.Message.class.getClassLoader().getResourceAsStream(imp)) {
      return in == null ? null : new SourceFile(imp, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  /** A relative path without {@code ..}, backslashes or a drive, ending in {@code .proto}. */
  static boolean isSafeImport(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static Position importPosition(SourceFile file, String imp) {
    Matcher m = Pattern.compile("\\bimport\\s+(?:public\\s+|weak\\s+)?\"" + Pattern.quote(imp) + "\"").matcher(file.text());
    return m.find() ? Position.at(file.text(), m.start()) : new Position(1, 1);
  }

  /** A file whose braces nest deeper than {@link #MAX_NESTING} is refused at the brace that goes too deep. */
  static void rejectDeepNesting(SourceFile file) {
    String t = file.text();
    int depth = 0;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (t.startsWith("//", i)) {
        int nl = t.indexOf('\n', i);
        i = nl < 0 ? t.length() : nl + 1;
        continue;
      }
      if (t.startsWith("/*", i)) {
        int end = t.indexOf("*/", i + 2);
        i = end < 0 ? t.length() : end + 2;
        continue;
      }
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < t.length() && t.charAt(j) != c && t.charAt(j) != '\n') {
          j += t.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        continue;
      }
      if (c == '{' && ++depth > MAX_NESTING) {
        throw new SchemaException(file.path(), Position.at(t, i), "declarations nest more than " + MAX_NESTING
            + " levels deep here; evreg reads .proto files nested up to " + MAX_NESTING + " levels");
      } else if (c == '}') {
        depth--;
      }
      i++;
    }
  }

  /** Editions files are refused before parsing, at the position of the {@code edition} keyword. */
  static void rejectEditions(SourceFile file) {
    String t = file.text();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (t.startsWith("//", i)) {
        int nl = t.indexOf('\n', i);
        i = nl < 0 ? t.length() : nl + 1;
      } else if (t.startsWith("/*", i)) {
        int end = t.indexOf("*/", i + 2);
        i = end < 0 ? t.length() : end + 2;
      } else {
        break;
      }
    }
    if (t.startsWith("edition", i) && i + 7 < t.length()
        && (Character.isWhitespace(t.charAt(i + 7)) || t.charAt(i + 7) == '=')) {
      throw new SchemaException(file.path(), Position.at(t, i),
          "Protobuf Editions files are not supported yet; evreg reads proto2 and proto3 files (syntax = \"proto3\")");
    }
  }
}
