package dev.evreg.compat.protobuf;

import dev.evreg.compat.source.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okio.FileHandle;
import okio.FileMetadata;
import okio.FileSystem;
import okio.Okio;
import okio.Path;
import okio.Sink;
import okio.Source;

/**
 * A read-only file system for wire's loader holding exactly the files evreg resolved, under
 * one virtual root. It lets the same parser read files from disk or from git history.
 */
final class SourcesFileSystem extends FileSystem {

  static final String ROOT = "/evreg-protos";

  private final Map<String, SourceFile> files;

  SourcesFileSystem(Map<String, SourceFile> files) {
    this.files = files;
  }

  private SourceFile file(Path p) {
    String s = p.toString();
    return s.startsWith(ROOT + "/") ? files.get(s.substring(ROOT.length() + 1)) : null;
  }

  private boolean isDirectory(Path p) {
    String s = p.toString();
    if (s.equals(ROOT)) {
      return true;
    }
    if (!s.startsWith(ROOT + "/")) {
      return false;
    }
    String prefix = s.substring(ROOT.length() + 1) + "/";
    return files.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  @Override
  public Path canonicalize(Path path) {
    return path;
  }

  @Override
  public FileMetadata metadataOrNull(Path path) {
    SourceFile f = file(path);
    if (f != null) {
      long size = f.text().getBytes(StandardCharsets.UTF_8).length;
      return new FileMetadata(true, false, null, size, null, null, null, Map.of());
    }
    return isDirectory(path) ? new FileMetadata(false, true, null, null, null, null, null, Map.of()) : null;
  }

  @Override
  public List<Path> list(Path dir) {
    return List.of();
  }

  @Override
  public List<Path> listOrNull(Path dir) {
    return List.of();
  }

  @Override
  public Source source(Path file) throws IOException {
    SourceFile f = file(file);
    if (f == null) {
      throw new FileNotFoundException(file.toString());
    }
    return Okio.source(new ByteArrayInputStream(f.text().getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public FileHandle openReadOnly(Path file) throws IOException {
    throw new IOException("read-only sources: " + file);
  }

  @Override
  public FileHandle openReadWrite(Path file, boolean mustCreate, boolean mustExist) throws IOException {
    throw new IOException("read-only sources: " + file);
  }

  @Override
  public Sink sink(Path file, boolean mustCreate) throws IOException {
    throw new IOException("read-only sources: " + file);
  }

  @Override
  public Sink appendingSink(Path file, boolean mustExist) throws IOException {
    throw new IOException("read-only sources: " + file);
  }

  @Override
  public void createDirectory(Path dir, boolean mustCreate) throws IOException {
    throw new IOException("read-only sources: " + dir);
  }

  @Override
  public void atomicMove(Path source, Path target) throws IOException {
    throw new IOException("read-only sources: " + source);
  }

  @Override
  public void delete(Path path, boolean mustExist) throws IOException {
    throw new IOException("read-only sources: " + path);
  }

  @Override
  public void createSymlink(Path source, Path target) throws IOException {
    throw new IOException("read-only sources: " + source);
  }
}
