package dev.evreg.cli;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.source.SchemaException;
import java.util.List;

/** One file a command checked, as the CI reports see it: its findings, or why it could not be read. */
record ReportFile(String path, List<Reported> findings, Unreadable error) {

  ReportFile {
    findings = List.copyOf(findings);
  }

  /** Findings that compare no versions (lint). */
  static ReportFile of(String path, List<Finding> findings) {
    return new ReportFile(path, findings.stream().map(f -> new Reported(f, null)).toList(), null);
  }

  static ReportFile unreadable(String path, Unreadable error) {
    return new ReportFile(path, List.of(), error);
  }

  /**
   * A finding and the previous version it was found against (null when it compares none). The
   * finding's previous location names a file path, never a {@code commit:path} label.
   */
  record Reported(Finding finding, Against against) {}

  /** A previous version: its number (0 when unknown) and the abbreviated commit holding it, for a version from git (else null). */
  record Against(int version, String commit) {

    /** {@code version 2 at 1a2b3c4}, {@code version 2}, or {@code the previous version}. */
    String describe() {
      String v = version > 0 ? "version " + version : "the previous version";
      return commit == null ? v : v + " at " + commit;
    }
  }

  /**
   * Why a file could not be read: where (line 0 when unknown), the reason as a sentence, and
   * {@code text}, the one line printed on stderr.
   */
  record Unreadable(Location location, String reason, String text) {

    /** The error as it stands; {@code fallbackPath} names the file when the error names none. */
    static Unreadable of(SchemaException e, String fallbackPath) {
      String path = e.path() == null ? fallbackPath : e.path();
      return new Unreadable(new Location(path, Math.max(0, e.line()), Math.max(0, e.column()), ""),
          SchemaMessages.oneLine(e.reason()), Main.describe(e));
    }
  }
}
