package dev.evreg.cli;

import dev.evreg.compat.SchemaFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Expands the paths a command is given: files as they are, folders to the schema files under them. */
final class SchemaFiles {

  private static final Set<String> SKIPPED = Set.of("node_modules", ".git");

  private SchemaFiles() {}

  static List<String> expand(List<String> paths, SchemaFormat type) {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        under(path, type).forEach(rel -> out.add(path.resolve(rel).toString()));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The schema files under a folder (of {@code type}, or of any known format), sorted, relative to
   * it with '/' separators; folders named node_modules or .git below it are skipped.
   */
  static SortedSet<String> under(Path dir, SchemaFormat type) {
    SortedSet<String> files = new TreeSet<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          // not walked at all: a repository's .git/objects holds many thousand files
          return !d.equals(dir) && SKIPPED.contains(d.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          String rel = dir.relativize(f).toString().replace('\\', '/');
          if (Files.isRegularFile(f) // a link to a file counts, as it did with Files.walk
              && (type != null ? rel.endsWith(type.extension()) : SchemaFormat.fromPath(rel).isPresent())) {
            files.add(rel);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
