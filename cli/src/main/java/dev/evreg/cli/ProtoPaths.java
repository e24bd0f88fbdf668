package dev.evreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks the --proto-path folders a command is given, so that a typo is not a silent no-op. */
final class ProtoPaths {

  private ProtoPaths() {}

  /** Each folder must exist, here or (when relative) inside one of {@code sides}. */
  static void requireFolders(List<Path> protoPaths, Path... sides) {
    for (Path p : protoPaths) {
      boolean found = Files.isDirectory(p)
          || !p.isAbsolute() && List.of(sides).stream().anyMatch(side -> Files.isDirectory(side.resolve(p)));
      if (!found) {
        throw new UserError("--proto-path " + p + ": " + (Files.exists(p) ? "not a folder" : "no such folder")
            + (sides.length > 0 && !p.isAbsolute() ? " (looked in the current folder and in each side's folder)" : ""));
      }
    }
  }
}
