package dev.evreg.cli;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.CompatibilityReport;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.Severity;
import dev.evreg.compat.source.SchemaException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@code evreg compat OLD_DIR NEW_DIR}: every schema file present in both folders (paired by
 * relative path) is checked, the one in OLD_DIR as the previous version. The {@code .proto} files
 * of each side are read together, so that shared imports are linked once; when that fails, each
 * file is read alone. Files that fail to parse are reported after all pairs ran; they make the
 * exit code 2.
 */
final class TreeCompat {

  /** One pair's outcome: its report, or the error that stopped it. */
  record PairResult(String relative, CompatibilityReport report, ReportFile.Unreadable error) {}

  private final Path oldDir;
  private final Path newDir;
  private final SchemaFormat type;
  private final Level level;
  private final CheckOptions options;
  private final SchemaReader oldReader;
  private final SchemaReader newReader;

  TreeCompat(Path oldDir, Path newDir, SchemaFormat type, Level level, CheckOptions options,
      SchemaReader.Options readOptions) {
    this.oldDir = oldDir;
    this.newDir = newDir;
    this.type = type;
    this.level = level;
    this.options = options;
    this.oldReader = new SchemaReader(readOptions.withProtoPaths(rootsFor(oldDir, readOptions.protoPaths())));
    this.newReader = new SchemaReader(readOptions.withProtoPaths(rootsFor(newDir, readOptions.protoPaths())));
  }

  /**
   * The side's folder is an import root. A relative --proto-path folder is the side's own copy
   * when the side has one (old/third_party, new/third_party), else the current folder's.
   */
  static List<Path> rootsFor(Path side, List<Path> protoPaths) {
    List<Path> roots = new ArrayList<>();
    roots.add(side);
    for (Path p : protoPaths) {
      Path own = side.resolve(p).normalize();
      roots.add(p.isAbsolute() || !Files.isDirectory(own) ? p.toAbsolutePath().normalize() : own);
    }
    return roots;
  }

  /** The pairs compared, and the files only in the new folder (added) or only in the old one (removed). */
  record Tree(List<PairResult> pairs, SortedSet<String> added, SortedSet<String> removed) {}

  Tree run() {
    SortedSet<String> olds = SchemaFiles.under(oldDir, type);
    SortedSet<String> news = SchemaFiles.under(newDir, type);
    SortedSet<String> added = new TreeSet<>(news);
    added.removeAll(olds);
    SortedSet<String> removed = new TreeSet<>(olds);
    removed.removeAll(news);
    CompatibilityChecker checker = CompatibilityChecker.standard();
    List<String> protos = news.stream().filter(olds::contains)
        .filter(rel -> SchemaReader.formatOf(rel, type) == SchemaFormat.PROTOBUF).toList();
    Map<String, ParsedSchema> oldProtos = Map.of();
    Map<String, ParsedSchema> newProtos = Map.of();
    if (!protos.isEmpty()) {
      FutureTask<Map<String, ParsedSchema>> newSide = new FutureTask<>(() -> newReader.readProtoTree(newDir, protos));
      new Thread(null, newSide, "evreg-new-side", Main.STACK_BYTES).start();
      oldProtos = oldReader.readProtoTree(oldDir, protos);
      newProtos = result(newSide);
    }
    List<PairResult> results = new ArrayList<>();
    for (String rel : news) {
      if (added.contains(rel)) {
        continue;
      }
      try {
        ParsedSchema old = oldProtos.containsKey(rel) ? oldProtos.get(rel) : read(oldReader, oldDir, rel);
        ParsedSchema candidate = newProtos.containsKey(rel) ? newProtos.get(rel) : read(newReader, newDir, rel);
        results.add(new PairResult(rel, checker.check(level, List.of(old), candidate, options), null));
      } catch (SchemaException e) {
        results.add(new PairResult(rel, null, ReportFile.Unreadable.of(e, newDir.resolve(rel).toString())));
      }
    }
    return new Tree(results, added, removed);
  }

  /** The new side's tree once its thread is done; empty if it failed (run() then reads each file alone and reports its error). */
  private static Map<String, ParsedSchema> result(FutureTask<Map<String, ParsedSchema>> side) {
    try {
      return side.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (ExecutionException e) {
      return Map.of();
    }
  }

  private ParsedSchema read(SchemaReader reader, Path dir, String rel) {
    Path file = dir.resolve(rel);
    return reader.read(file, file.toString(), SchemaReader.formatOf(rel, type));
  }

  /** Prints the results and returns the exit code. */
  static int report(Tree tree, Level level, ReportOptions opts, PrintStream out, PrintStream err) {
    List<PairResult> results = tree.pairs();
    SortedSet<String> added = tree.added();
    SortedSet<String> removed = tree.removed();
    List<Finding> all = results.stream().filter(r -> r.report() != null)
        .flatMap(r -> r.report().findings().stream()).toList();
    long failing = results.stream().filter(r -> r.report() != null && !r.report().compatible()).count();
    List<ReportFile.Unreadable> errors = results.stream().map(PairResult::error).filter(e -> e != null).toList();
    if (opts.output != OutputFormat.JSON && opts.output != OutputFormat.TEXT) {
      List<ReportFile> files = results.stream().map(r -> r.report() == null ? ReportFile.unreadable(r.relative(), r.error())
          : CompatCommand.reportFile(r.relative(), r.report())).toList();
      out.print(CiFormats.render(opts.output, "compat", files, opts.failOn));
    } else if (opts.output == OutputFormat.JSON) {
      Map<String, Object> m = Json.object();
      m.put("command", "compat");
      m.put("level", level.name());
      m.put("compatible", failing == 0 && errors.isEmpty());
      List<Object> pairs = new ArrayList<>();
      for (PairResult r : results) {
        Map<String, Object> p = Json.object();
        p.put("file", r.relative());
        p.put("compatible", r.report() != null && r.report().compatible());
        if (r.error() != null) {
          p.put("error", r.error().text());
        } else {
          p.put("findings", r.report().findings().stream().map(Json::finding).toList());
        }
        pairs.add(p);
      }
      m.put("pairs", pairs);
      m.put("added", List.copyOf(added));
      m.put("removed", List.copyOf(removed));
      m.put("errors", errors.stream().map(Json::unreadable).toList());
      Map<String, Object> summary = Json.object();
      summary.put("compared", results.size());
      summary.put("incompatible", failing);
      summary.put("errors", all.stream().filter(f -> f.severity() == Severity.ERROR).count());
      summary.put("unreadable", errors.size());
      m.put("summary", summary);
      out.print(Json.render(m));
    } else {
      Style style = Style.forTerminal(opts.noColor);
      for (Finding f : all) {
        out.println(style.line(f, "[previous: " + Style.where(f.previous()) + "]"));
      }
      if (!opts.quiet) {
        out.println(opts.summary("Compared " + results.size() + " files: " + failing + " not " + level + " compatible ("
            + all.size() + (all.size() == 1 ? " finding" : " findings") + "), " + added.size() + " new, "
            + removed.size() + " only in the old folder" + (errors.isEmpty() ? "" : ", " + errors.size() + " unreadable") + ".", all));
      }
    }
    errors.stream().map(e -> e.text()).distinct().forEach(err::println); // a broken import is every importer's error
    return opts.exitCode(all, !errors.isEmpty());
  }

}
