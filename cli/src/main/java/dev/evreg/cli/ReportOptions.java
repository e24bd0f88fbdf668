package dev.evreg.cli;

import dev.evreg.compat.Severity;
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
}
