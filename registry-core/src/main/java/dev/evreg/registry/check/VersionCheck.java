package dev.evreg.registry.check;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Severity;
import dev.evreg.registry.SchemaVersion;
import java.util.List;

/** The candidate against one version: findings that count, and findings a waiver accepted. */
public record VersionCheck(SchemaVersion version, List<Finding> findings, List<Finding> waived) {

  public VersionCheck {
    findings = List.copyOf(findings);
    waived = List.copyOf(waived);
  }

  public boolean compatible() {
    return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }
}
