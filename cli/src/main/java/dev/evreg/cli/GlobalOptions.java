package dev.evreg.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class GlobalOptions {

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces and timings on errors.")
  boolean verbose;
}
