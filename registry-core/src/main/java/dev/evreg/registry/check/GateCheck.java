package dev.evreg.registry.check;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.CompatibilityReport;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.Location;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.lint.Linter;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.Severity;
import dev.evreg.compat.VersionResult;
import dev.evreg.compat.model.RecordType;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.registry.Fingerprint;
import dev.evreg.registry.GitRegistry;
import dev.evreg.registry.HistoryWarning;
import dev.evreg.registry.RegistryRule;
import dev.evreg.registry.SchemaHistory;
import dev.evreg.registry.SchemaVersion;
import dev.evreg.registry.Subject;
import dev.evreg.registry.config.EvregConfig;
import dev.evreg.registry.config.SchemaPaths;
import dev.evreg.registry.config.SubjectNaming;
import dev.evreg.registry.config.Waiver;
import dev.evreg.registry.git.GitRepo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Judgement for {@code evreg check}: every schema file changed between the merge base of a ref
 * and the working tree is checked against its subject's versions at the ref, at the subject's
 * level (all versions for transitive levels); new subjects are parsed only; deleted subjects are
 * a {@code SUBJECT_DELETED} finding. Waivers then accept the exact breaks they name.
 */
public final class GateCheck {

  private final GitRegistry registry;
  private final EvregConfig config;
  private final Level levelOverride;
  private final CompatibilityChecker checker = CompatibilityChecker.standard();
  private final Linter linter;

  /** {@code levelOverride} replaces every subject's configured level when not null. */
  public GateCheck(GitRegistry registry, Level levelOverride) {
    this.registry = registry;
    this.config = registry.config();
    this.linter = new Linter(config.lint());
    this.levelOverride = levelOverride;
  }

  public CheckRun run(String against) {
    GitRepo repo = registry.repo();
    GitRepo.ResolvedRef ref = registry.ref(against);
    RevCommit head = repo.head();
    RevCommit base = repo.mergeBase(ref.commit(), head, ref.name());
    SchemaPaths paths = config.schemas();
    List<FileChange> changes = WorkingTreeChanges.between(repo, base, paths);
    if (changes.isEmpty()) {
      // nothing to judge, so no history to read: the common case of a pull request without schemas
      return new CheckRun(ref.resolvedAs(), ref.commit().abbreviate(7).name(), base.abbreviate(7).name(), List.of(),
          List.of(), List.of());
    }
    SchemaHistory history = registry.history(ref);
    SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS.withProtoPaths(
        paths.roots().stream().map(r -> repo.workTree().resolve(r)).toList()));

    List<Pending> pending = new ArrayList<>();
    Set<String> candidateSubjects = new HashSet<>();
    for (FileChange ch : changes) {
      if (ch.kind() == FileChange.Kind.DELETED) {
        continue;
      }
      Pending p = new Pending(ch);
      try {
        String file = ch.newPath();
        p.schema = reader.read(repo.workTree().resolve(file), file, SchemaFormat.fromPath(file).orElseThrow());
        p.subject = subjectOf(paths, file, p.schema);
      } catch (SchemaException e) {
        p.error = e;
        p.subject = paths.subjectOfPath(ch.path());
      }
      candidateSubjects.add(p.subject);
      pending.add(p);
    }

    Map<String, SubjectCheck> results = new TreeMap<>();
    for (Pending p : pending) {
      SubjectCheck c = check(p, history, paths);
      results.put(c.subject(), c);
    }
    for (FileChange ch : changes) {
      if (ch.kind() == FileChange.Kind.DELETED) {
        deleted(ch, history, candidateSubjects).ifPresent(c -> results.put(c.subject(), c));
      }
    }
    return waive(ref, base, new ArrayList<>(results.values()), history);
  }

  private static String subjectOf(SchemaPaths paths, String file, ParsedSchema schema) {
    RecordType event = paths.naming() == SubjectNaming.RECORD ? schema.view().event() : null;
    return paths.subjectOf(file, event == null ? null : event.fullName());
  }

  private static final class Pending {
    final FileChange change;
    ParsedSchema schema;
    String subject;
    SchemaException error;

    Pending(FileChange change) {
      this.change = change;
    }
  }

  private Level levelFor(String subject) {
    return levelOverride != null ? levelOverride : config.compatibility().levelFor(subject);
  }

  private SubjectCheck check(Pending p, SchemaHistory history, SchemaPaths paths) {
    Level level = levelFor(p.subject);
    Optional<Subject> previous = Optional.empty();
    if (p.change.kind() == FileChange.Kind.RENAMED && paths.naming() == SubjectNaming.PATH) {
      previous = history.subjectAtPath(p.change.oldPath());
    }
    if (previous.isEmpty()) {
      previous = history.subject(p.subject);
    }
    if (previous.isEmpty() && p.change.oldPath() != null) {
      // the file moved on REF since the merge base: git will carry this change to its new path
      previous = history.subjectThatHeld(p.change.oldPath());
    }
    String previousName = previous.map(Subject::name).filter(n -> !n.equals(p.subject)).orElse(null);
    List<HistoryWarning> warnings = previous.map(s -> history.warnings(s.name())).orElse(List.of());
    int count = previous.map(s -> s.versions().size()).orElse(0);
    if (p.error != null) {
      return new SubjectCheck(p.subject, p.change, SubjectCheck.Status.ERROR, level, previousName, null, null, count,
          List.of(), List.of(), List.of(), List.of(), p.error, warnings, List.of());
    }
    Fingerprint fp = Fingerprint.of(p.schema.canonical());
    if (previous.isEmpty()) {
      return new SubjectCheck(p.subject, p.change, SubjectCheck.Status.NEW, level, null, fp, null, 0,
          List.of(), List.of(), List.of(), List.of(), null, warnings, lint(p.schema, null, null));
    }
    Subject s = previous.get();
    Optional<SchemaVersion> same = s.versions().stream()
        .filter(v -> v.format() == p.schema.format() && v.fingerprint().equals(fp)).findFirst();
    if (same.isPresent()) {
      return new SubjectCheck(p.subject, p.change, SubjectCheck.Status.UNCHANGED, level, previousName, fp, same.get(),
          count, List.of(), List.of(), List.of(), List.of(), null, warnings, List.of());
    }
    CheckOptions options = config.compatibility().optionsFor(p.subject);
    List<SchemaVersion> against = s.versions().subList(0, s.latest().version());
    List<VersionCheck> versions = new ArrayList<>();
    List<Finding> lint;
    try {
      List<ParsedSchema> parsed = registry.parsed(against); // parsed on first use, once
      CompatibilityReport report = checker.check(level, parsed, p.schema, options);
      for (VersionResult r : report.results()) {
        versions.add(new VersionCheck(against.get(r.version() - 1), r.findings(), List.of()));
      }
      lint = lint(p.schema, parsed.get(parsed.size() - 1), s.latest().path()); // the latest version
    } catch (SchemaException e) {
      return new SubjectCheck(p.subject, p.change, SubjectCheck.Status.ERROR, level, previousName, fp, null, count,
          List.of(), List.of(), List.of(), List.of(), e, warnings, List.of());
    }
    boolean ok = versions.stream().allMatch(VersionCheck::compatible);
    return new SubjectCheck(p.subject, p.change, ok ? SubjectCheck.Status.COMPATIBLE : SubjectCheck.Status.INCOMPATIBLE,
        level, previousName, fp, null, count, versions, List.of(), List.of(), List.of(), null, warnings, lint);
  }

  /**
   * The conventions a candidate breaks. A new subject must meet them all; a changed one only
   * fails on findings its latest version did not have (by rule and message, which do not move
   * with the lines), so legacy schemas do not block unrelated changes, plus the rules about changes.
   */
  private List<Finding> lint(ParsedSchema candidate, ParsedSchema latest, String latestPath) {
    List<Finding> now = linter.lint(candidate);
    if (latest == null || latest.format() != candidate.format()) {
      return now;
    }
    Set<String> before = new HashSet<>();
    linter.lint(latest, latestPath).forEach(f -> before.add(f.ruleId() + '\0' + f.message()));
    List<Finding> out = new ArrayList<>(now.stream().filter(f -> !before.contains(f.ruleId() + '\0' + f.message())).toList());
    out.addAll(linter.lintChange(latest, candidate));
    return out;
  }

  private Optional<SubjectCheck> deleted(FileChange ch, SchemaHistory history, Set<String> candidateSubjects) {
    Optional<Subject> at = history.subjectAtPath(ch.oldPath());
    if (at.isEmpty() || candidateSubjects.contains(at.get().name())) {
      return Optional.empty();
    }
    Subject s = at.get();
    SchemaVersion latest = s.latest();
    Finding f = new Finding(RegistryRule.SUBJECT_DELETED.id(), Severity.ERROR,
        "The schema of subject \"" + s.name() + "\" was deleted; it has " + s.versions().size()
            + (s.versions().size() == 1 ? " version" : " versions") + " on the base branch, and consumers may still "
            + "read data written with version " + latest.version() + ". Keep the file, or accept the deletion with a waiver.",
        new Location(ch.oldPath(), 1, 1, ""), new Location(latest.location(), 1, 1, ""));
    return Optional.of(new SubjectCheck(s.name(), ch, SubjectCheck.Status.DELETED, levelFor(s.name()), null, null,
        latest, s.versions().size(), List.of(), List.of(f), List.of(), List.of(), null, history.warnings(s.name()), List.of()));
  }

  /** Moves findings that a waiver accepts aside, and finds waivers that match nothing. */
  private CheckRun waive(GitRepo.ResolvedRef ref, RevCommit base, List<SubjectCheck> checks, SchemaHistory history) {
    List<Waiver> waivers = config.waivers();
    Set<Waiver> applied = new LinkedHashSet<>();
    List<SubjectCheck> out = new ArrayList<>();
    for (SubjectCheck c : checks) {
      List<Waiver> mine = waivers.stream()
          .filter(w -> w.subject().equals(c.subject()) || w.subject().equals(c.previousSubject())).toList();
      if (mine.isEmpty()) {
        out.add(c);
        continue;
      }
      List<Finding> waived = new ArrayList<>();
      Set<Waiver> used = new LinkedHashSet<>();
      List<VersionCheck> versions = new ArrayList<>();
      for (VersionCheck v : c.versions()) {
        List<Finding> keep = new ArrayList<>();
        List<Finding> gone = new ArrayList<>();
        for (Finding f : v.findings()) {
          Optional<Waiver> w = mine.stream().filter(x -> x.accepts(f.ruleId(), v.version().fingerprint(), c.candidate()))
              .findFirst();
          if (w.isPresent()) {
            gone.add(f);
            used.add(w.get());
          } else {
            keep.add(f);
          }
        }
        waived.addAll(gone);
        versions.add(new VersionCheck(v.version(), keep, gone));
      }
      List<Finding> own = new ArrayList<>();
      for (Finding f : c.findings()) {
        Optional<Waiver> w = mine.stream().filter(x -> x.rule().equals(f.ruleId()) && c.sameAs() != null
            && x.oldSchema().equals(c.sameAs().fingerprint())).findFirst();
        if (w.isPresent()) {
          waived.add(f);
          used.add(w.get());
        } else {
          own.add(f);
        }
      }
      applied.addAll(used);
      SubjectCheck.Status status = c.status();
      if (status == SubjectCheck.Status.INCOMPATIBLE && versions.stream().allMatch(VersionCheck::compatible)) {
        status = SubjectCheck.Status.COMPATIBLE;
      }
      out.add(new SubjectCheck(c.subject(), c.change(), status, c.level(), c.previousSubject(), c.candidate(),
          c.sameAs(), c.versionCount(), versions, own, waived, List.copyOf(used), c.error(), c.warnings(), c.lint()));
    }
    List<CheckRun.StaleWaiver> stale = new ArrayList<>();
    for (Waiver w : waivers) {
      if (applied.contains(w)) {
        continue;
      }
      Optional<SubjectCheck> checked = out.stream()
          .filter(c -> w.subject().equals(c.subject()) || w.subject().equals(c.previousSubject())).findFirst();
      Optional<Subject> known = history.subject(w.subject());
      if (known.isEmpty() && checked.isEmpty()) {
        stale.add(new CheckRun.StaleWaiver(w, "no subject \"" + w.subject() + "\" exists"));
      } else if (known.isPresent() && known.get().withFingerprint(w.oldSchema()).isEmpty()) {
        stale.add(new CheckRun.StaleWaiver(w, "its old schema " + w.oldSchema().shortForm() + " is not a version of "
            + w.subject()));
      } else if (checked.isPresent() && (w.newSchema() == null
          || known.flatMap(s -> s.withFingerprint(w.newSchema())).isEmpty())) {
        stale.add(new CheckRun.StaleWaiver(w, w.newSchema() != null && w.newSchema().equals(checked.get().candidate())
            ? "the change it accepts no longer breaks " + w.rule()
            : "it accepts a schema that is neither the candidate nor a version of " + w.subject()));
      }
    }
    return new CheckRun(ref.resolvedAs(), ref.commit().abbreviate(7).name(), base.abbreviate(7).name(), out,
        List.copyOf(applied), stale);
  }
}
