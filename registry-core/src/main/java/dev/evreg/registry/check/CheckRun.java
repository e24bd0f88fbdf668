package dev.evreg.registry.check;

import dev.evreg.compat.Finding;
import dev.evreg.registry.config.Waiver;
import java.util.List;

/**
 * The outcome of {@code evreg check}: the ref checked against, the merge base the changes were
 * taken from, one verdict per changed subject, the waivers that applied and those that match
 * nothing any more.
 */
public record CheckRun(String ref, String refCommit, String mergeBase, List<SubjectCheck> subjects,
    List<Waiver> appliedWaivers, List<StaleWaiver> staleWaivers) {

  /** A waiver that no longer matches anything, and why. */
  public record StaleWaiver(Waiver waiver, String why) {}

  public CheckRun {
    subjects = List.copyOf(subjects);
    appliedWaivers = List.copyOf(appliedWaivers);
    staleWaivers = List.copyOf(staleWaivers);
  }

  public List<Finding> findings() {
    return subjects.stream().flatMap(s -> s.allFindings().stream()).toList();
  }
}
