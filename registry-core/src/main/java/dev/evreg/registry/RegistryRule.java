package dev.evreg.registry;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.Severity;
import java.util.Arrays;
import java.util.List;

/**
 * Rules about a repository's history rather than about a pair of schemas; they join the
 * compatibility rules of {@link dev.evreg.compat.RuleCatalog} in {@code evreg rules}.
 */
public enum RegistryRule {
  SUBJECT_DELETED("A schema file that holds versions on the base branch was deleted");

  private final String summary;

  RegistryRule(String summary) {
    this.summary = summary;
  }

  public String id() {
    return name();
  }

  public RuleInfo info() {
    return new RuleInfo(name(), "HISTORY", Severity.ERROR, summary);
  }

  public static List<RuleInfo> all() {
    return Arrays.stream(values()).map(RegistryRule::info).toList();
  }
}
