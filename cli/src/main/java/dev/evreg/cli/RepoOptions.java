package dev.evreg.cli;

import dev.evreg.registry.GitRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that read a repository: where it is and which configuration to use. */
final class RepoOptions {

  @Option(names = {"-C", "--repo"}, paramLabel = "DIR",
      description = "Work in the git repository that holds DIR (default: the current folder).")
  Path repo = Path.of("");

  @Option(names = "--config", paramLabel = "FILE",
      description = "Read this configuration instead of evreg.yaml at the repository root.")
  Path config;

  /** Opens the registry, with a progress line on stderr while a long history is indexed (terminal only). */
  GitRegistry open(java.io.PrintStream err) {
    return GitRegistry.open(repo, config, TerminalProgress.forStderr(err));
  }
}
