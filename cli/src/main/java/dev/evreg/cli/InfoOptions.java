package dev.evreg.cli;

import picocli.CommandLine.Option;

/** The output option of the commands that print information rather than report findings: text or json. */
final class InfoOptions {

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", converter = Converters.InfoOutputConverter.class,
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output = OutputFormat.TEXT;
}
