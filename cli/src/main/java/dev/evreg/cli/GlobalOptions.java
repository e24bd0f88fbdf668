package dev.evreg.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class GlobalOptions {

  @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error, and timings.")
  boolean verbose;
}
