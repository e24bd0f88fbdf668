package dev.evreg.registry.config;

import dev.evreg.registry.Fingerprint;

/**
 * An accepted breaking change: findings of {@code rule} on {@code subject} are not failures when
 * the previous version is exactly {@code oldSchema} and the candidate exactly {@code newSchema}
 * (null for a deleted subject). {@code line} is where it is written in the configuration.
 */
public record Waiver(String subject, String rule, String reason, Fingerprint oldSchema, Fingerprint newSchema, int line) {

  /** Whether it accepts a finding of {@code ruleId} between exactly these two schemas (the subject is the caller's to match). */
  public boolean accepts(String ruleId, Fingerprint previous, Fingerprint candidate) {
    return rule.equals(ruleId) && oldSchema.equals(previous) && newSchema != null && newSchema.equals(candidate);
  }

  /** {@code subject RULE (reason)}, for messages. */
  public String describe() {
    return subject + " " + rule + " (" + reason + ")";
  }
}
