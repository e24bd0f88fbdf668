package dev.evreg.compat;

import dev.evreg.compat.avro.AvroSchemaParser;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.jsonschema.DiskJsonSchemaSources;
import dev.evreg.compat.jsonschema.JsonSchemaParser;
import dev.evreg.compat.protobuf.DiskProtoSources;
import dev.evreg.compat.protobuf.ProtoSchema;
import dev.evreg.compat.protobuf.ProtoSchemaParser;
import dev.evreg.compat.protobuf.ProtoSources;
import dev.evreg.compat.source.ProjectRoot;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads schema files of any format, within size and depth limits. */
public final class SchemaReader {

  /** Limits and search roots. {@code maxBytes} bounds each file; {@code maxDepth} bounds JSON nesting. */
  public record Options(long maxBytes, int maxDepth, List<Path> protoPaths) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public static final Options DEFAULTS = new Options(DEFAULT_MAX_BYTES, JsonParser.DEFAULT_MAX_DEPTH, List.of());

    public Options {
      protoPaths = List.copyOf(protoPaths);
    }

    public Options withProtoPaths(List<Path> paths) {
      return new Options(maxBytes, maxDepth, paths);
    }

    public Options withMaxBytes(long bytes) {
      return new Options(bytes, maxDepth, protoPaths);
    }
  }

  private final Options options;
  private final JsonParser json;

  public SchemaReader(Options options) {
    this.options = options;
    this.json = new JsonParser(options.maxDepth());
  }

  public Options options() {
    return options;
  }

  /** The format of a file from its extension, or {@code override} when given. */
  public static SchemaFormat formatOf(String path, SchemaFormat override) {
    if (override != null) {
      return override;
    }
    return SchemaFormat.fromPath(path).orElseThrow(() -> new SchemaException(path, 0, 0,
        "cannot tell the schema format from the file name; use .avsc, .json or .proto, or pass --type avro|json|protobuf"));
  }

  /** Reads and parses a file on disk; {@code display} is the path used in messages. */
  public ParsedSchema read(Path file, String display, SchemaFormat format) {
    SourceFile source = SourceFile.read(file, display, options.maxBytes());
    return shallow(display, () -> readSource(file, source, format));
  }

  private ParsedSchema readSource(Path file, SourceFile source, SchemaFormat format) {
    if (format == SchemaFormat.PROTOBUF) {
      return new ProtoSchemaParser().parse(source, DiskProtoSources.nameOf(file, options.protoPaths()),
          new DiskProtoSources(file, source.text(), options.protoPaths(), options.maxBytes()));
    }
    if (format == SchemaFormat.JSON) {
      DiskJsonSchemaSources tree = new DiskJsonSchemaSources(ProjectRoot.of(file), options.maxBytes());
      return new JsonSchemaParser(json).parse(source, tree.treePath(file), tree);
    }
    return parse(source, format);
  }

  /**
   * Reads the {@code .proto} files {@code relativePaths} of folder {@code dir} together, with one
   * wire loader (each file's display path is {@code dir.resolve(path)}). Returns an empty map when
   * any of them or of their imports fails: read those files one by one with {@link #read} to get
   * each error at its own file.
   */
  public Map<String, ParsedSchema> readProtoTree(Path dir, Collection<String> relativePaths) {
    return readProtoTree(dir, relativePaths, false, List.of());
  }

  /**
   * As {@link #readProtoTree(Path, Collection)}, with more import roots after the configured ones:
   * each file's package root when {@code packageRoots} (the folder its package path starts from),
   * then {@code moreRoots}; files are named relative to those roots as their importers name them.
   */
  public Map<String, ParsedSchema> readProtoTree(Path dir, Collection<String> relativePaths, boolean packageRoots,
      List<Path> moreRoots) {
    Map<String, SourceFile> sources = new LinkedHashMap<>();
    Set<Path> rootSet = new LinkedHashSet<>(options.protoPaths());
    try {
      for (String rel : relativePaths) {
        Path file = dir.resolve(rel);
        SourceFile source = SourceFile.read(file, file.toString(), options.maxBytes());
        sources.put(rel, source);
        Path packageRoot = packageRoots ? DiskProtoSources.packageRootOf(file, source.text()) : null;
        if (packageRoot != null) {
          rootSet.add(packageRoot);
        }
      }
    } catch (SchemaException e) {
      return Map.of();
    }
    rootSet.addAll(moreRoots);
    List<Path> roots = List.copyOf(rootSet);
    List<ProtoSchemaParser.Target> targets = new ArrayList<>();
    Map<String, String> byName = new LinkedHashMap<>();
    for (Map.Entry<String, SourceFile> e : sources.entrySet()) {
      Path file = dir.resolve(e.getKey());
      String name = DiskProtoSources.nameOf(file, roots);
      if (byName.putIfAbsent(name, e.getKey()) != null) {
        return Map.of();
      }
      targets.add(new ProtoSchemaParser.Target(e.getValue(), name,
          new DiskProtoSources(file, e.getValue().text(), roots, options.maxBytes())));
    }
    Map<String, ProtoSchema> parsed;
    try {
      parsed = new ProtoSchemaParser().parseTogether(targets);
    } catch (StackOverflowError e) {
      return Map.of();
    }
    if (parsed == null) {
      return Map.of();
    }
    Map<String, ParsedSchema> out = new LinkedHashMap<>();
    parsed.forEach((name, schema) -> out.put(byName.get(name), schema));
    return out;
  }

  /** Parses Avro or JSON Schema text. */
  public ParsedSchema parse(SourceFile source, SchemaFormat format) {
    return shallow(source.path(), () -> parseSource(source, format));
  }

  private ParsedSchema parseSource(SourceFile source, SchemaFormat format) {
    return switch (format) {
      case AVRO -> new AvroSchemaParser(json).parse(source);
      case JSON -> new JsonSchemaParser(json).parse(source);
      case PROTOBUF -> parseProto(source, source.path().replaceAll(".*/", ""), new ProtoSources() {
        @Override
        public SourceFile find(String importPath) {
          return null;
        }

        @Override
        public String describe() {
          return "no import roots";
        }
      });
    };
  }

  /** Parses Protobuf text whose imports come from {@code sources}. */
  public ParsedSchema parseProto(SourceFile source, String importName, ProtoSources sources) {
    return shallow(source.path(), () -> new ProtoSchemaParser().parse(source, importName, sources));
  }

  /**
   * Runs a parse, turning a stack overflow (a file nested deeper than the thread's stack can
   * follow, which parsers and linkers of every format recurse into) into bad input.
   */
  private static ParsedSchema shallow(String path, java.util.function.Supplier<ParsedSchema> parse) {
    try {
      return parse.get();
    } catch (StackOverflowError e) {
      throw SchemaException.tooDeep(path, "read");
    }
  }
}
