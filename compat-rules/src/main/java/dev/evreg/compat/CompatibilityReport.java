package dev.evreg.compat;

import java.util.List;

/**
 * The outcome of checking a candidate against previous versions at a level: one result per
 * version checked, newest first.
 */
public record CompatibilityReport(Level level, String candidate, List<VersionResult> results) {

  public CompatibilityReport {
    results = List.copyOf(results);
  }

  public boolean compatible() {
    return results.stream().allMatch(VersionResult::compatible);
  }

  public List<Finding> findings() {
    return results.stream().flatMap(r -> r.findings().stream()).toList();
  }

  public List<VersionResult> failing() {
    return results.stream().filter(r -> !r.compatible()).toList();
  }
}
