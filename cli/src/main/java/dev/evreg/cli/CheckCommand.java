package dev.evreg.cli;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.Location;
import dev.evreg.compat.Severity;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.registry.GitRegistry;
import dev.evreg.registry.HistoryWarning;
import dev.evreg.registry.SchemaVersion;
import dev.evreg.registry.check.CheckRun;
import dev.evreg.registry.check.FileChange;
import dev.evreg.registry.check.GateCheck;
import dev.evreg.registry.check.SubjectCheck;
import dev.evreg.registry.check.VersionCheck;
import dev.evreg.registry.config.EvregConfig;
import dev.evreg.registry.config.Waiver;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The CI gate: check every schema changed since the merge base with REF against its versions at REF.",
        "Changes are taken between the merge base of REF and HEAD and the working tree (committed or not). Each changed "
            + "subject is checked at its configured level (transitive levels use all versions); new and changed "
            + "subjects are linted with the lint section of evreg.yaml; a deleted subject is a SUBJECT_DELETED error. "
            + "Waivers in evreg.yaml accept exact breaks."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  evreg check",
        "  evreg check --against origin/main --output json",
        "  evreg check --level FULL_TRANSITIVE",
        "",
        "Exit codes: 0 no breaking change, 1 breaking changes, 2 bad input, configuration or repository state "
            + "(such as a shallow clone), 3 internal error."})
final class CheckCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  CheckCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Option(names = "--against", paramLabel = "REF",
      description = "Branch, tag or commit holding the versions (default: baseBranch of evreg.yaml, main).")
  String against;

  @Option(names = {"-l", "--level"}, paramLabel = "LEVEL", converter = Converters.LevelConverter.class,
      description = "Check every subject at this level instead of its configured one.")
  Level level;

  @Mixin
  RepoOptions repo;

  @Mixin
  ReportOptions report;

  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() {
    CheckRun run;
    try (GitRegistry registry = repo.open(err)) {
      run = new GateCheck(registry, level).run(against);
    }
    Set<String> warnings = new LinkedHashSet<>();
    run.subjects().forEach(s -> s.warnings().stream().map(HistoryWarning::message).forEach(warnings::add));
    run.staleWaivers().forEach(w -> warnings.add("the waiver at " + EvregConfig.FILE_NAME + ":" + w.waiver().line()
        + " (" + w.waiver().subject() + " " + w.waiver().rule() + ") no longer matches anything: " + w.why()
        + "; remove it"));
    switch (report.output) {
      case JSON -> out.print(Json.render(json(run, warnings)));
      case TEXT -> text(run);
      default -> out.print(CiFormats.render(report.output, "check", reportFiles(run), report.failOn, List.copyOf(warnings)));
    }
    warnings.forEach(w -> err.println("evreg: warning: " + SchemaMessages.oneLine(w)));
    List<SubjectCheck> broken = run.subjects().stream().filter(s -> s.error() != null).toList();
    broken.forEach(s -> err.println(Main.describe(s.error())));
    return report.exitCode(run.findings(), !broken.isEmpty());
  }

  private void text(CheckRun run) {
    Style style = Style.forTerminal(report.noColor);
    for (SubjectCheck s : run.subjects()) {
      for (VersionCheck v : s.versions()) {
        for (Finding f : v.findings()) {
          out.println(style.line(f, "[breaks version " + v.version().version() + " of " + s.subject() + ": "
              + Style.where(f.previous()) + "]"));
        }
      }
      for (Finding f : s.findings()) {
        out.println(style.line(f, "[" + s.subject() + ", " + s.versionCount() + " versions]"));
      }
      for (Finding f : s.lint()) {
        out.println(style.line(f, "[lint of " + s.subject() + "]"));
      }
    }
    if (report.quiet) {
      return;
    }
    for (Waiver w : run.appliedWaivers()) {
      out.println("waiver applied: " + w.describe() + " [" + EvregConfig.FILE_NAME + ":" + w.line() + "]");
    }
    out.println(report.summary(summary(run), run.findings()));
  }

  static String summary(CheckRun run) {
    String against = run.ref() + " (" + run.refCommit() + ", merge base " + run.mergeBase() + ")";
    if (run.subjects().isEmpty()) {
      return "No schema changed since the merge base with " + against + ".";
    }
    Map<SubjectCheck.Status, Integer> counts = new EnumMap<>(SubjectCheck.Status.class);
    run.subjects().forEach(s -> counts.merge(s.status(), 1, Integer::sum));
    long errors = run.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    List<String> parts = new ArrayList<>();
    int bad = counts.getOrDefault(SubjectCheck.Status.INCOMPATIBLE, 0);
    if (bad > 0) {
      parts.add(bad + " incompatible");
    }
    add(parts, counts, SubjectCheck.Status.COMPATIBLE, "compatible");
    add(parts, counts, SubjectCheck.Status.UNCHANGED, "unchanged after normalisation");
    add(parts, counts, SubjectCheck.Status.NEW, "new");
    add(parts, counts, SubjectCheck.Status.DELETED, "deleted");
    add(parts, counts, SubjectCheck.Status.ERROR, "unreadable");
    int n = run.subjects().size();
    String subjects = n + (n == 1 ? " changed subject" : " changed subjects");
    String s = (errors > 0 ? errors + (errors == 1 ? " error in " : " errors in ") + subjects + " checked"
        : "Checked " + subjects) + " against " + against + ": " + String.join(", ", parts);
    if (!run.appliedWaivers().isEmpty()) {
      s += "; " + run.appliedWaivers().size() + (run.appliedWaivers().size() == 1 ? " waiver" : " waivers") + " applied";
    }
    return s + ".";
  }

  private static void add(List<String> parts, Map<SubjectCheck.Status, Integer> counts, SubjectCheck.Status st,
      String label) {
    int n = counts.getOrDefault(st, 0);
    if (n > 0) {
      parts.add(n + " " + label);
    }
  }

  private static Map<String, Object> json(CheckRun run, Set<String> warnings) {
    Map<String, Object> m = Json.object();
    m.put("command", "check");
    m.put("ref", run.ref());
    m.put("refCommit", run.refCommit());
    m.put("mergeBase", run.mergeBase());
    m.put("compatible", run.subjects().stream().allMatch(s -> s.error() == null && s.allFindings().stream()
        .noneMatch(f -> f.severity() == Severity.ERROR)));
    List<Object> subjects = new ArrayList<>();
    for (SubjectCheck s : run.subjects()) {
      Map<String, Object> sm = Json.object();
      sm.put("subject", s.subject());
      sm.put("status", s.status().name().toLowerCase(Locale.ROOT));
      sm.put("change", s.change().kind().name().toLowerCase(Locale.ROOT));
      sm.put("path", s.change().path());
      if (s.change().kind() == FileChange.Kind.RENAMED) {
        sm.put("previousPath", s.change().oldPath());
      }
      if (s.previousSubject() != null) {
        sm.put("previousSubject", s.previousSubject());
      }
      sm.put("level", s.level().name());
      sm.put("fingerprint", s.candidate() == null ? null : s.candidate().toString());
      sm.put("versionCount", s.versionCount());
      if (s.sameAs() != null) {
        sm.put("sameAs", Versions.json(s.sameAs()));
      }
      List<Object> versions = new ArrayList<>();
      for (VersionCheck v : s.versions()) {
        Map<String, Object> vm = Versions.json(v.version());
        vm.put("compatible", v.compatible());
        vm.put("findings", v.findings().stream().map(Json::finding).toList());
        vm.put("waived", v.waived().stream().map(Json::finding).toList());
        versions.add(vm);
      }
      sm.put("checked", versions);
      sm.put("findings", s.findings().stream().map(Json::finding).toList());
      sm.put("lint", s.lint().stream().map(Json::finding).toList());
      sm.put("waivers", s.waivers().stream().map(CheckCommand::waiver).toList());
      if (s.error() != null) {
        sm.put("error", Main.describe(s.error()));
      }
      subjects.add(sm);
    }
    m.put("subjects", subjects);
    m.put("findings", run.findings().stream().map(Json::finding).toList());
    Map<String, Object> waivers = Json.object();
    waivers.put("applied", run.appliedWaivers().stream().map(CheckCommand::waiver).toList());
    waivers.put("stale", run.staleWaivers().stream().map(w -> {
      Map<String, Object> x = waiver(w.waiver());
      x.put("why", w.why());
      return x;
    }).toList());
    m.put("waivers", waivers);
    m.put("errors", run.subjects().stream().filter(s -> s.error() != null).map(s -> Json.unreadable(unreadable(s))).toList());
    m.put("warnings", List.copyOf(warnings));
    Map<String, Object> summary = Json.object();
    summary.put("changed", run.subjects().size());
    summary.put("errors", run.findings().stream().filter(f -> f.severity() == Severity.ERROR).count());
    summary.put("incompatible", run.subjects().stream().filter(s -> s.status() == SubjectCheck.Status.INCOMPATIBLE
        || s.status() == SubjectCheck.Status.DELETED && !s.findings().isEmpty()).count());
    summary.put("unreadable", run.subjects().stream().filter(s -> s.error() != null).count());
    m.put("summary", summary);
    return m;
  }

  /** The subjects as the CI reports list them: findings with the version each was found against, previous locations as plain paths. */
  static List<ReportFile> reportFiles(CheckRun run) {
    List<ReportFile> files = new ArrayList<>();
    for (SubjectCheck s : run.subjects()) {
      String path = s.change().path();
      if (s.error() != null) {
        files.add(ReportFile.unreadable(path, unreadable(s)));
        continue;
      }
      List<ReportFile.Reported> found = new ArrayList<>();
      for (VersionCheck v : s.versions()) {
        v.findings().forEach(f -> found.add(reported(f, v.version().version())));
      }
      s.findings().forEach(f -> found.add(reported(f, s.sameAs() == null ? 0 : s.sameAs().version())));
      s.lint().forEach(f -> found.add(reported(f, s.versionCount())));
      files.add(new ReportFile(path, found, null));
    }
    return files;
  }

  /** A finding whose previous location is a {@code commit:path} label, with the commit taken out of the path. */
  private static ReportFile.Reported reported(Finding f, int version) {
    Location p = f.previous();
    if (p == null) {
      return new ReportFile.Reported(f, null);
    }
    return SchemaVersion.Label.parse(p.path())
        .map(l -> new ReportFile.Reported(new Finding(f.ruleId(), f.severity(), f.message(), f.location(),
            new Location(l.path(), p.line(), p.column(), p.pointer())), new ReportFile.Against(version, l.commit())))
        .orElseGet(() -> new ReportFile.Reported(f, new ReportFile.Against(version, null)));
  }

  /**
   * Why a subject could not be checked. A version in the history that does not parse is reported
   * at the changed file, the version named in the message.
   */
  private static ReportFile.Unreadable unreadable(SubjectCheck s) {
    SchemaException e = s.error();
    if (SchemaVersion.Label.parse(e.path()).isEmpty()) {
      return ReportFile.Unreadable.of(e, s.change().path());
    }
    return new ReportFile.Unreadable(new Location(s.change().path(), 0, 0, ""), SchemaMessages.oneLine(e.getMessage()),
        Main.describe(e));
  }

  private static Map<String, Object> waiver(Waiver w) {
    Map<String, Object> m = Json.object();
    m.put("subject", w.subject());
    m.put("rule", w.rule());
    m.put("reason", w.reason());
    m.put("old", w.oldSchema().toString());
    m.put("new", w.newSchema() == null ? null : w.newSchema().toString());
    m.put("line", w.line());
    return m;
  }
}
