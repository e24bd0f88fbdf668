package dev.evreg.compat.jsonschema;

import dev.evreg.compat.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files under one root folder on disk. */
public final class DiskJsonSchemaSources implements JsonSchemaSources {

  private final Path root;
  private final long maxBytes;
  private final Path cwd = Path.of("").toAbsolutePath();

  public DiskJsonSchemaSources(Path root, long maxBytes) {
    this.root = root.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
  }

  public Path root() {
    return root;
  }

  /** The path of {@code file} inside the tree, with '/' separators. */
  public String treePath(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  @Override
  public SourceFile read(String treePath) {
    Path p = root.resolve(treePath).normalize();
    if (!p.startsWith(root) || !Files.isRegularFile(p)) {
      return null;
    }
    return SourceFile.read(p, p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString(), maxBytes);
  }
}
