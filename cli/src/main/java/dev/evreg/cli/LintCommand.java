package dev.evreg.cli;

import dev.evreg.compat.Finding;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.Severity;
import dev.evreg.compat.lint.LintConfig;
import dev.evreg.compat.lint.Linter;
import dev.evreg.compat.source.ProjectRoot;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.registry.config.EvregConfig;
import dev.evreg.registry.config.SchemaPaths;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Check event schemas against the team's conventions: envelope metadata (eventId, eventType, "
        + "occurredAt, source, correlationId), naming, documentation, evolution hygiene and PII classification.",
        "PATHs are files or folders (searched for .avsc, .json and .proto files); the default is schemas/.",
        "Silence a finding inline with \"x-evreg-ignore\": [\"RULE_ID\"] (Avro, JSON Schema) or a comment "
            + "// evreg:ignore RULE_ID reason (Protobuf). 'evreg rules' lists the rules."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  evreg lint schemas/",
        "  evreg lint --profile cloudevents --output sarif events/ > lint.sarif",
        "  evreg lint --except FIELD_DOC_MISSING --fail-on warning schemas/orders",
        "",
        "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 bad input or usage, 3 internal error."})
final class LintCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  LintCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "Envelope convention: default (eventId, eventType, occurredAt, source, correlationId) or "
          + "cloudevents (the CloudEvents 1.0 attributes); overrides lint.profile of evreg.yaml.")
  String profile;

  @Option(names = "--use", paramLabel = "RULE|CATEGORY", split = ",",
      description = "Run only these rules or categories (ENVELOPE, NAMING, DOCS, EVOLUTION, PII, CLOUDEVENTS), "
          + "instead of lint.use of evreg.yaml; repeatable.")
  List<String> use = new ArrayList<>();

  @Option(names = "--except", paramLabel = "RULE|CATEGORY", split = ",",
      description = "Also skip these rules or categories; repeatable.")
  List<String> except = new ArrayList<>();

  @Option(names = {"-C", "--repo"}, paramLabel = "DIR",
      description = "Find evreg.yaml and the default schema paths from DIR instead of the current folder.")
  Path repoDir = Path.of("");

  @Option(names = "--config", paramLabel = "FILE",
      description = "Read this configuration instead of evreg.yaml at the project root (the nearest folder holding "
          + ".git or evreg.yaml).")
  Path configFile;

  @Option(names = {"-t", "--type"}, paramLabel = "TYPE", converter = Converters.FormatConverter.class,
      description = "Lint only this schema type (avro, json or protobuf); by default the extension decides.")
  SchemaFormat type;

  @Option(names = {"-I", "--proto-path"}, paramLabel = "DIR", description = "A folder to resolve .proto imports against (repeatable).")
  List<Path> protoPaths = new ArrayList<>();

  @Option(names = "--max-schema-size", paramLabel = "SIZE", defaultValue = "10MB", converter = Converters.SizeConverter.class,
      description = "Largest schema file read (default: ${DEFAULT-VALUE}).")
  long maxSchemaSize;

  @Mixin
  ReportOptions report;

  @Mixin
  GlobalOptions global;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Schema files or folders (default: the schema paths of evreg.yaml, or schemas/).")
  List<String> paths = new ArrayList<>();

  @Override
  public Integer call() {
    if (!Files.isDirectory(repoDir.toAbsolutePath())) {
      throw new UserError((Files.exists(repoDir) ? "not a folder: " : "no such folder: ") + repoDir + " (given with --repo)");
    }
    Path root = ProjectRoot.find(repoDir.toAbsolutePath());
    EvregConfig project = configFile != null ? EvregConfig.load(configFile, configFile.toString(), true)
        : root == null ? EvregConfig.defaults()
        : EvregConfig.load(root.resolve(EvregConfig.FILE_NAME), display(root.resolve(EvregConfig.FILE_NAME)), false);
    LintConfig config = config(project.lint());
    List<String> targets = paths.isEmpty() ? defaultPaths(project, root) : paths;
    ProtoPaths.requireFolders(protoPaths);
    List<String> files = SchemaFiles.expand(targets, type);
    if (files.isEmpty()) {
      throw new UserError("no schema files (.avsc, .json, .proto) under " + String.join(", ", targets));
    }
    SchemaReader.Options options = SchemaReader.Options.DEFAULTS.withMaxBytes(maxSchemaSize).withProtoPaths(protoPaths);
    SchemaReader reader = new SchemaReader(options);
    Map<String, ParsedSchema> protos = protosTogether(files, targets, options);
    Linter linter = new Linter(config);
    List<ReportFile> results = files.parallelStream().map(f -> lintOne(reader, linter, f, protos.get(f))).toList();
    return print(results);
  }

  private ReportFile lintOne(SchemaReader reader, Linter linter, String file, ParsedSchema preloaded) {
    try {
      ParsedSchema schema = preloaded != null ? preloaded : reader.read(Path.of(file), file, SchemaReader.formatOf(file, type));
      return ReportFile.of(file, linter.lint(schema));
    } catch (SchemaException e) {
      return ReportFile.unreadable(file, ReportFile.Unreadable.of(e, file));
    }
  }

  /**
   * The .proto files, loaded with one wire loader so that shared imports are parsed once. Each is
   * named as its importers name it: relative to its package root, else to the folder linted.
   * Empty when the set does not load as one; the files are then read one by one, each error at its file.
   */
  private static Map<String, ParsedSchema> protosTogether(List<String> files, List<String> targets, SchemaReader.Options options) {
    List<String> protos = files.stream().filter(f -> SchemaFormat.fromPath(f).orElse(null) == SchemaFormat.PROTOBUF).toList();
    if (protos.size() < 2) {
      return Map.of();
    }
    List<Path> folders = targets.stream().map(Path::of).filter(Files::isDirectory)
        .map(p -> p.toAbsolutePath().normalize()).toList();
    return new SchemaReader(options).readProtoTree(Path.of(""), protos, true, folders);
  }

  /** The lint section of the configuration, with the command line's options on top. */
  private LintConfig config(LintConfig base) {
    LintConfig config = base;
    if (profile != null && profile.equalsIgnoreCase(LintConfig.CLOUDEVENTS_PROFILE)) {
      config = config.withEnvelope(LintConfig.cloudEvents());
    } else if (profile != null && profile.equalsIgnoreCase(LintConfig.DEFAULT_PROFILE)) {
      config = config.withEnvelope(LintConfig.defaultEnvelope());
    } else if (profile != null) {
      throw new UserError("unknown profile \"" + profile + "\"; expected default or cloudevents");
    }
    if (!use.isEmpty()) {
      config = config.withUse(use.stream().map(u -> u.toUpperCase(Locale.ROOT)).collect(Collectors.toSet()));
    }
    Set<String> skipped = new java.util.LinkedHashSet<>(config.except());
    except.forEach(x -> skipped.add(x.toUpperCase(Locale.ROOT)));
    config = config.withExcept(skipped);
    Linter.unknownIdIn(config).ifPresent(id -> {
      throw new UserError(Linter.unknownRule(id, "rule id or category"));
    });
    return config;
  }

  /** The files the configuration's schema paths match under the project root, else schemas/. */
  private static List<String> defaultPaths(EvregConfig project, Path root) {
    if (root != null && (project.file().isPresent() || Files.isDirectory(root.resolve("schemas")))) {
      SchemaPaths schemas = project.schemas();
      List<String> found = new ArrayList<>();
      for (String r : schemas.roots()) {
        Path dir = root.resolve(r);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        for (String f : SchemaFiles.expand(List.of(dir.toString()), null)) {
          String rel = root.relativize(Path.of(f).toAbsolutePath()).toString().replace('\\', '/');
          if (schemas.contains(rel)) {
            found.add(display(Path.of(f)));
          }
        }
      }
      if (found.isEmpty()) {
        String where = display(root).isEmpty() ? "." : display(root);
        throw new UserError(project.file().isPresent()
            ? "no schema files match the schema paths of " + EvregConfig.FILE_NAME + " under " + where + "; pass the files or folders to lint"
            : "no schema files (.avsc, .json, .proto) in " + display(root.resolve("schemas")) + "; pass the files or folders to lint");
      }
      return found.stream().distinct().sorted().toList();
    }
    if (Files.isDirectory(Path.of("schemas"))) {
      return List.of("schemas");
    }
    throw new UserError("no PATH given and no schemas/ folder here; pass the schema files or folders to lint");
  }

  private static String display(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private int print(List<ReportFile> results) {
    List<Finding> all = results.stream().flatMap(r -> r.findings().stream()).map(ReportFile.Reported::finding).toList();
    List<ReportFile.Unreadable> errors = results.stream().map(ReportFile::error).filter(e -> e != null).toList();
    switch (report.output) {
      case TEXT -> {
        Style style = Style.forTerminal(report.noColor);
        all.forEach(f -> out.println(style.line(f, null)));
        if (!report.quiet) {
          out.println(report.summary(summary(results.size(), all, errors.size()), all));
        }
      }
      case JSON -> out.print(Json.render(json(results, all, errors, errors.isEmpty() && !report.fails(all))));
      default -> out.print(CiFormats.render(report.output, "lint", results, report.failOn));
    }
    errors.forEach(e -> err.println(e.text()));
    return report.exitCode(all, !errors.isEmpty());
  }

  static String summary(int files, List<Finding> all, int unreadable) {
    long e = count(all, Severity.ERROR);
    long w = count(all, Severity.WARNING);
    long i = count(all, Severity.INFO);
    return "Linted " + files + (files == 1 ? " file: " : " files: ") + e + (e == 1 ? " error, " : " errors, ") + w
        + (w == 1 ? " warning, " : " warnings, ") + i + (i == 1 ? " info" : " infos")
        + (unreadable == 0 ? "" : ", " + unreadable + " unreadable") + ".";
  }

  /** The JSON document; {@code ok} is true when the exit code is 0. */
  private static Map<String, Object> json(List<ReportFile> results, List<Finding> all, List<ReportFile.Unreadable> errors,
      boolean ok) {
    Map<String, Object> m = Json.object();
    m.put("command", "lint");
    m.put("ok", ok);
    List<Object> files = new ArrayList<>();
    for (ReportFile r : results) {
      Map<String, Object> f = Json.object();
      f.put("path", r.path());
      if (r.error() != null) {
        f.put("error", r.error().text());
      }
      f.put("findings", r.findings().stream().map(x -> Json.finding(x.finding())).toList());
      files.add(f);
    }
    m.put("files", files);
    m.put("errors", errors.stream().map(Json::unreadable).toList());
    Map<String, Object> summary = Json.object();
    summary.put("files", results.size());
    summary.put("errors", count(all, Severity.ERROR));
    summary.put("warnings", count(all, Severity.WARNING));
    summary.put("infos", count(all, Severity.INFO));
    summary.put("unreadable", (long) errors.size());
    m.put("summary", summary);
    return m;
  }

  private static long count(List<Finding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
