package dev.evreg.cli;

import java.util.Locale;

/** How findings are printed. */
enum OutputFormat {
  TEXT,
  JSON,
  /** SARIF 2.1.0, for code scanning. */
  SARIF,
  /** JUnit XML: one test case per file; one failure listing its findings at or above the fail level. */
  JUNIT,
  /** GitHub Actions workflow commands ({@code ::error file=...::message}). */
  GITHUB,
  /** GitLab Code Quality JSON. */
  GITLAB;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
