package dev.evreg.cli;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.CompatibilityReport;
import dev.evreg.compat.Finding;
import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.ProtoRules;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.Severity;
import dev.evreg.compat.VersionResult;
import dev.evreg.compat.source.SchemaException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compat", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Check that a candidate schema is compatible with its previous versions.",
        "The last file is the candidate; the files before it are previous versions, oldest first. "
            + "Non-transitive levels compare with the last previous file only; transitive levels with all of them.",
        "Given two folders, every schema file present in both (paired by relative path) is checked, "
            + "the one in OLD_DIR as the previous version; a relative --proto-path folder is then each side's own copy "
            + "when the side has one."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  evreg compat schemas/v1.avsc schemas/v2.avsc",
        "  evreg compat --level FULL_TRANSITIVE v1.avsc v2.avsc v3.avsc",
        "  evreg compat --output json old.avsc new.avsc",
        "  evreg compat --proto-rules wire-json orders/v1.proto orders/v2.proto",
        "  evreg compat --type protobuf -I third_party old/proto new/proto",
        "",
        "Exit codes: 0 compatible, 1 incompatible, 2 bad input or usage, 3 internal error."})
final class CompatCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  CompatCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Option(names = {"-l", "--level"}, paramLabel = "LEVEL", defaultValue = "BACKWARD", converter = Converters.LevelConverter.class,
      description = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE "
          + "(default: ${DEFAULT-VALUE}).")
  Level level;

  @Option(names = {"-t", "--type"}, paramLabel = "TYPE", converter = Converters.FormatConverter.class,
      description = "Schema type avro, json or protobuf; by default it comes from the extension (.avsc, .json, .proto).")
  SchemaFormat type;

  @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "strict", converter = Converters.PolicyConverter.class,
      description = "JSON Schema policy: strict or lenient (default: ${DEFAULT-VALUE}).")
  JsonPolicy policy;

  @Option(names = "--proto-rules", paramLabel = "RULES", defaultValue = "registry", converter = Converters.ProtoRulesConverter.class,
      description = "Protobuf rule set: registry, wire or wire-json (default: ${DEFAULT-VALUE}).")
  ProtoRules protoRules;

  @Option(names = {"-I", "--proto-path"}, paramLabel = "DIR",
      description = "A folder to resolve .proto imports against (repeatable). The importing file's folder "
          + "and its parents up to the project root are always searched.")
  List<Path> protoPaths = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = Converters.DurationConverter.class,
      description = "Time bound of each comparison (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--max-schema-size", paramLabel = "SIZE", defaultValue = "10MB", converter = Converters.SizeConverter.class,
      description = "Largest schema file read (default: ${DEFAULT-VALUE}).")
  long maxSchemaSize;

  @Mixin
  ReportOptions report;

  @Mixin
  GlobalOptions global;

  @Parameters(arity = "2..*", paramLabel = "FILE", description = "Previous versions, oldest first, then the candidate; or OLD_DIR NEW_DIR.")
  List<String> files;

  @Override
  public Integer call() {
    SchemaReader.Options readOptions = SchemaReader.Options.DEFAULTS.withMaxBytes(maxSchemaSize).withProtoPaths(protoPaths);
    CheckOptions options = new CheckOptions(policy, protoRules, timeout);
    Map<Boolean, List<String>> byKind = files.stream().collect(Collectors.partitioningBy(f -> Files.isDirectory(Path.of(f))));
    List<String> folders = byKind.get(true);
    if (!folders.isEmpty()) {
      if (folders.size() != 2 || files.size() != 2) {
        String folder = folders.get(0);
        String file = byKind.get(false).isEmpty() ? null : byKind.get(false).get(0);
        throw new UserError(folder + " is a folder" + (file == null ? "" : " and " + file + " is not")
            + "; compat takes files (previous versions, then the candidate) or exactly two folders (OLD_DIR NEW_DIR)");
      }
      ProtoPaths.requireFolders(protoPaths, Path.of(files.get(0)), Path.of(files.get(1)));
      TreeCompat.Tree tree = new TreeCompat(Path.of(files.get(0)), Path.of(files.get(1)), type, level, options,
          readOptions).run();
      return TreeCompat.report(tree, level, report, out, err);
    }
    ProtoPaths.requireFolders(protoPaths);
    SchemaReader reader = new SchemaReader(readOptions);
    String candidatePath = files.get(files.size() - 1);
    CompatibilityReport result;
    try {
      List<ParsedSchema> schemas = new ArrayList<>();
      for (String f : files) {
        schemas.add(reader.read(Path.of(f), f, SchemaReader.formatOf(f, type)));
      }
      ParsedSchema candidate = schemas.get(schemas.size() - 1);
      result = CompatibilityChecker.standard().check(level, schemas.subList(0, schemas.size() - 1), candidate, options);
    } catch (SchemaException e) {
      if (report.output == OutputFormat.TEXT) {
        throw e;
      }
      return unreadable(candidatePath, e);
    }
    switch (report.output) {
      case JSON -> out.print(Json.render(json(result, level, candidatePath, null)));
      case TEXT -> text(result);
      default -> out.print(CiFormats.render(report.output, "compat", List.of(reportFile(candidatePath, result)), report.failOn));
    }
    return report.exitCode(result.findings(), false);
  }

  /** A report that lists the file that could not be read, the one line on stderr, exit 2. */
  private int unreadable(String candidatePath, SchemaException e) {
    ReportFile.Unreadable u = ReportFile.Unreadable.of(e, candidatePath);
    if (report.output == OutputFormat.JSON) {
      out.print(Json.render(json(null, level, candidatePath, u)));
    } else {
      out.print(CiFormats.render(report.output, "compat", List.of(ReportFile.unreadable(candidatePath, u)), report.failOn));
    }
    return Main.failure(e, err, global.verbose);
  }

  static ReportFile reportFile(String path, CompatibilityReport result) {
    List<ReportFile.Reported> found = new ArrayList<>();
    for (VersionResult v : result.results()) {
      v.findings().forEach(f -> found.add(new ReportFile.Reported(f, new ReportFile.Against(v.version(), null))));
    }
    return new ReportFile(path, found, null);
  }

  private void text(CompatibilityReport result) {
    Style style = Style.forTerminal(report.noColor);
    for (VersionResult v : result.results()) {
      for (Finding f : v.findings()) {
        out.println(style.line(f, "[version " + v.version() + ": " + Style.where(f.previous()) + "]"));
      }
    }
    if (!report.quiet) {
      out.println(report.summary(summary(result), result.findings()));
    }
  }

  static String summary(CompatibilityReport r) {
    if (r.level() == Level.NONE) {
      return "Level NONE: nothing to check; " + r.candidate() + " is accepted.";
    }
    List<VersionResult> failing = r.failing();
    if (failing.isEmpty()) {
      String against = r.results().size() == 1
          ? "version " + r.results().get(0).version() + " (" + r.results().get(0).path() + ")"
          : "all " + r.results().size() + " previous versions";
      return r.candidate() + " is " + r.level() + " compatible with " + against + ".";
    }
    long errors = r.findings().size();
    String versions = failing.stream().map(v -> "version " + v.version() + " (" + v.path() + ")")
        .collect(Collectors.joining(", "));
    return errors + (errors == 1 ? " error" : " errors") + ": " + r.candidate() + " is not " + r.level()
        + " compatible with " + versions
        + (r.results().size() > 1 ? " (" + failing.size() + " of " + r.results().size() + " versions fail)" : "") + ".";
  }

  /** The JSON document; {@code r} is null when {@code error} stopped the check. */
  private static Map<String, Object> json(CompatibilityReport r, Level level, String candidate, ReportFile.Unreadable error) {
    Map<String, Object> m = Json.object();
    m.put("command", "compat");
    m.put("level", level.name());
    m.put("candidate", candidate);
    m.put("compatible", r != null && r.compatible());
    List<Object> versions = new ArrayList<>();
    for (VersionResult v : r == null ? List.<VersionResult>of() : r.results()) {
      Map<String, Object> vm = Json.object();
      vm.put("version", v.version());
      vm.put("path", v.path());
      vm.put("compatible", v.compatible());
      vm.put("findings", v.findings().stream().map(Json::finding).toList());
      versions.add(vm);
    }
    m.put("versions", versions);
    List<Finding> findings = r == null ? List.of() : r.findings();
    m.put("findings", findings.stream().map(Json::finding).toList());
    m.put("errors", error == null ? List.of() : List.of(Json.unreadable(error)));
    Map<String, Object> summary = Json.object();
    summary.put("errors", findings.stream().filter(f -> f.severity() == Severity.ERROR).count());
    summary.put("failingVersions", r == null ? List.of() : r.failing().stream().map(VersionResult::version).toList());
    summary.put("unreadable", error == null ? 0 : 1);
    m.put("summary", summary);
    return m;
  }
}
