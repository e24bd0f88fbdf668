package dev.evreg.registry.check;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.registry.Fingerprint;
import dev.evreg.registry.HistoryWarning;
import dev.evreg.registry.SchemaVersion;
import dev.evreg.registry.config.Waiver;
import java.util.List;
import java.util.stream.Stream;

/**
 * The verdict on one changed subject. {@code previousSubject} is the subject it continues when
 * that had another name (a renamed file); {@code sameAs} the version the candidate equals after
 * normalisation, when it does; {@code findings} holds findings about the subject as a whole
 * (such as its deletion); {@code error} why the candidate could not be checked; {@code lint} the
 * conventions a new or changed candidate breaks.
 */
public record SubjectCheck(String subject, FileChange change, Status status, Level level, String previousSubject,
    Fingerprint candidate, SchemaVersion sameAs, int versionCount, List<VersionCheck> versions,
    List<Finding> findings, List<Finding> waivedFindings, List<Waiver> waivers, SchemaException error,
    List<HistoryWarning> warnings, List<Finding> lint) {

  public enum Status {
    /** Compatible with the versions its level checks (waived findings aside). */
    COMPATIBLE,
    INCOMPATIBLE,
    /** Equal to an existing version after normalisation: nothing to check, as a registry does. */
    UNCHANGED,
    /** No versions yet: parsed only. */
    NEW,
    /** The file is gone. */
    DELETED,
    /** The candidate could not be read or checked. */
    ERROR
  }

  public SubjectCheck {
    versions = List.copyOf(versions);
    findings = List.copyOf(findings);
    waivedFindings = List.copyOf(waivedFindings);
    waivers = List.copyOf(waivers);
    warnings = List.copyOf(warnings);
    lint = List.copyOf(lint);
  }

  /** Every finding that counts: newest version first, then the subject's own findings, then lint. */
  public List<Finding> allFindings() {
    return Stream.of(versions.stream().flatMap(v -> v.findings().stream()), findings.stream(), lint.stream())
        .flatMap(s -> s).toList();
  }
}
