package dev.evreg.registry.config;

import dev.evreg.registry.Fingerprint;

/**
 * An accepted breaking change: findings of {@code rule} on {@code subject} are not failures when
 * the previous version is exactly {@code oldSchema} and the candidate exactly {@code newSchema}
 * (null for a deleted subject). {@code line} is where it is written in the configuration.
 */
public record Waiver(String subject, String rule, String reason, Fingerprint oldSchema, Fingerprint newSchema, int line) {

  /** {@code subject RULE (reason)}, for messages. */
  public String describe() {
    return subject + " " + rule + " (" + reason + ")";
  }
}
