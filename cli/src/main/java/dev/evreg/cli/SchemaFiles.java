package dev.evreg.cli;

import dev.evreg.compat.SchemaFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Expands the paths a command is given: files as they are, folders to the schema files under them. */
final class SchemaFiles {

  private SchemaFiles() {}

  static List<String> expand(List<String> paths, SchemaFormat type) {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        try (Stream<Path> s = Files.walk(path)) {
          TreeSet<String> found = new TreeSet<>();
          s.filter(Files::isRegularFile)
              .filter(f -> !f.toString().contains("/node_modules/") && !f.toString().contains("/.git/"))
              .map(Path::toString)
              .filter(f -> type != null ? f.endsWith(type.extension()) : SchemaFormat.fromPath(f).isPresent())
              .forEach(found::add);
          out.addAll(found);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
