package dev.evreg.cli;

import dev.evreg.compat.SchemaFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(dir::relativize)
          .filter(rel -> rel.getParent() == null || !skipped(rel.getParent()))
          .map(rel -> rel.toString().replace('\\', '/'))
          .filter(rel -> type != null ? rel.endsWith(type.extension()) : SchemaFormat.fromPath(rel).isPresent())
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path folders) {
    for (Path name : folders) {
      if (SKIPPED.contains(name.toString())) {
        return true;
      }
    }
    return false;
  }
}
