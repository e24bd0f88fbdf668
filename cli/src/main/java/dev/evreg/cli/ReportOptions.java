package dev.evreg.cli;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that reports findings. */
final class ReportOptions {

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", converter = Converters.OutputConverter.class,
      description = "Output format: text, json, sarif, junit, github or gitlab (default: ${DEFAULT-VALUE}).")
  OutputFormat output = OutputFormat.TEXT;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error", converter = Converters.SeverityConverter.class,
      description = "Lowest severity that makes the exit code 1: error, warning or info (default: ${DEFAULT-VALUE}).")
  Severity failOn = Severity.ERROR;

  @Option(names = {"-q", "--quiet"}, description = "Print findings only, no summary.")
  boolean quiet;

  @Option(names = "--no-color", description = "Never colour the output (colour is used only on a terminal).")
  boolean noColor;

  /** Whether a finding is at or above --fail-on. */
  boolean fails(Collection<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
  }

  /** 2 when an input could not be read, else 1 when a finding is at or above --fail-on, else 0. */
  int exitCode(Collection<Finding> findings, boolean unreadable) {
    return unreadable ? ExitCode.USAGE.code() : fails(findings) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  /** A summary sentence, with why findings below error fail the run when --fail-on makes them. */
  String summary(String sentence, List<Finding> findings) {
    String note = failingBelowError(findings);
    return note.isEmpty() || !sentence.endsWith(".") ? sentence : sentence.substring(0, sentence.length() - 1) + note + ".";
  }

  /**
   * {@code ; failing on 2 warnings (--fail-on warning)} when findings below error count because of
   * --fail-on, so that a summary says why the exit code is 1; else empty.
   */
  String failingBelowError(List<Finding> findings) {
    List<String> parts = new ArrayList<>();
    for (Severity s : List.of(Severity.WARNING, Severity.INFO)) {
      long n = s.atLeast(failOn) ? findings.stream().filter(f -> f.severity() == s).count() : 0;
      if (n > 0) {
        parts.add(n + " " + s.label() + (n == 1 ? "" : "s"));
      }
    }
    return parts.isEmpty() ? "" : "; failing on " + String.join(" and ", parts) + " (--fail-on " + failOn.label() + ")";
  }
}
