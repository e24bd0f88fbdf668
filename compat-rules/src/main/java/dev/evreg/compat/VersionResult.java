package dev.evreg.compat;

import java.util.List;

/** The outcome against one previous version: its number (1 = oldest), its file, its findings. */
public record VersionResult(int version, String path, List<Finding> findings) {

  public VersionResult {
    findings = List.copyOf(findings);
  }

  public boolean compatible() {
    return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }
}
