package dev.evreg.registry;

import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.CompatibilityReport;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.registry.config.EvregConfig;
import dev.evreg.registry.config.Waiver;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evreg log}: a subject's versions, each with its verdict against the versions before it
 * at the subject's level (a waiver for that exact pair turns a break into "waived").
 */
public final class SubjectLog {

  public enum Verdict {
    /** Version 1: nothing to compare with. */
    FIRST,
    COMPATIBLE,
    INCOMPATIBLE,
    /** Incompatible, but every break is accepted by a waiver. */
    WAIVED,
    /** The check could not run (for example, no engine for the format yet). */
    UNKNOWN
  }

  /** One version and its verdict; {@code findings} are the breaks, {@code note} why the verdict is unknown. */
  public record Entry(SchemaVersion version, Verdict verdict, List<Finding> findings, String note) {}

  private SubjectLog() {}

  public static List<Entry> of(GitRegistry registry, Subject subject, Level level) {
    EvregConfig config = registry.config();
    List<ParsedSchema> parsed = registry.parsed(subject.versions());
    CompatibilityChecker checker = CompatibilityChecker.standard();
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < subject.versions().size(); i++) {
      SchemaVersion v = subject.versions().get(i);
      if (i == 0) {
        entries.add(new Entry(v, Verdict.FIRST, List.of(), null));
        continue;
      }
      try {
        CompatibilityReport r = checker.check(level, parsed.subList(0, i), parsed.get(i),
            config.compatibility().optionsFor(subject.name()));
        if (r.compatible()) {
          entries.add(new Entry(v, Verdict.COMPATIBLE, List.of(), null));
          continue;
        }
        boolean waived = r.failing().stream().allMatch(vr -> vr.findings().stream().allMatch(f ->
            waived(config.waivers(), subject.name(), f, subject.versions().get(vr.version() - 1), v)));
        entries.add(new Entry(v, waived ? Verdict.WAIVED : Verdict.INCOMPATIBLE, r.findings(), null));
      } catch (SchemaException e) {
        entries.add(new Entry(v, Verdict.UNKNOWN, List.of(), e.reason()));
      }
    }
    return entries;
  }

  private static boolean waived(List<Waiver> waivers, String subject, Finding f, SchemaVersion old, SchemaVersion neu) {
    return waivers.stream().anyMatch(w -> w.subject().equals(subject) && w.accepts(f.ruleId(), old.fingerprint(), neu.fingerprint()));
  }
}
