package dev.evreg.compat.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project a schema file belongs to: the nearest folder holding .git, evreg.yaml or buf.yaml. */
public final class ProjectRoot {

  private ProjectRoot() {}

  /** The project root at or above {@code dir}, or null when there is none. */
  public static Path find(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git")) || Files.exists(d.resolve("evreg.yaml")) || Files.exists(d.resolve("buf.yaml"))) {
        return d;
      }
    }
    return null;
  }

  /** The project root of {@code file}, else the file's own folder. */
  public static Path of(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    Path root = find(dir);
    return root != null ? root : dir;
  }
}
