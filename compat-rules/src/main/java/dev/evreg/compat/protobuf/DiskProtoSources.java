package dev.evreg.compat.protobuf;

import dev.evreg.compat.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves imports on disk: against the importing file's folder; the folder its package path
 * starts from ({@code acme/orders/v1/} for {@code package acme.orders.v1}); the folders up to
 * the project root (the nearest holding {@code .git}, {@code evreg.yaml} or {@code buf.yaml});
 * then configured roots. Nothing outside those folders is read.
 */
public final class DiskProtoSources implements ProtoSources {

  private final List<Path> roots;
  private final long maxBytes;
  private final Path cwd = Path.of("").toAbsolutePath();

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  /** {@code text} is the importing file's text: its package tells where its tree starts. */
  public DiskProtoSources(Path file, String text, List<Path> protoPaths, long maxBytes) {
    this.roots = searchRoots(file, packageOf(text), protoPaths);
    this.maxBytes = maxBytes;
  }

  /** The package a .proto file declares, or null. */
  public static String packageOf(String text) {
    Matcher m = PACKAGE.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  static List<Path> searchRoots(Path file, String packageName, List<Path> protoPaths) {
    List<Path> roots = new ArrayList<>();
    Path dir = file.toAbsolutePath().normalize().getParent();
    roots.add(dir);
    Path packageRoot = packageRoot(dir, packageName);
    if (packageRoot != null) {
      roots.add(packageRoot);
    }
    Path top = dev.evreg.compat.source.ProjectRoot.find(dir);
    for (Path d = dir.getParent(); top != null && d != null && d.startsWith(top); d = d.getParent()) {
      if (!roots.contains(d)) {
        roots.add(d);
      }
    }
    for (Path p : protoPaths) {
      Path abs = p.toAbsolutePath().normalize();
      if (!roots.contains(abs)) {
        roots.add(abs);
      }
    }
    return roots;
  }

  /** The folder a file's tree starts from, by its package ({@code proto/} for {@code proto/acme/v1/x.proto} in {@code acme.v1}), or null. */
  public static Path packageRootOf(Path file, String text) {
    return packageRoot(file.toAbsolutePath().normalize().getParent(), packageOf(text));
  }

  /** The folder above {@code dir} when {@code dir} ends with the package's path, as buf lays trees out. */
  static Path packageRoot(Path dir, String packageName) {
    if (packageName == null) {
      return null;
    }
    Path d = dir;
    String[] parts = packageName.split("\\.");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (d == null || d.getFileName() == null || !d.getFileName().toString().equals(parts[i])) {
        return null;
      }
      d = d.getParent();
    }
    return d;
  }

  /** The roots in search order. */
  public List<Path> roots() {
    return roots;
  }

  /** The import path of {@code file}: relative to the first configured root holding it, else its file name. */
  public static String nameOf(Path file, List<Path> protoPaths) {
    Path abs = file.toAbsolutePath().normalize();
    for (Path root : protoPaths) {
      Path r = root.toAbsolutePath().normalize();
      if (abs.startsWith(r) && !abs.equals(r)) {
        return r.relativize(abs).toString().replace('\\', '/');
      }
    }
    return abs.getFileName().toString();
  }

  @Override
  public SourceFile find(String importPath) {
    if (!ProtoSchemaParser.isSafeImport(importPath)) {
      return null;
    }
    for (Path root : roots) {
      Path candidate = root.resolve(importPath).normalize();
      if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
        return SourceFile.read(candidate, display(candidate), maxBytes);
      }
    }
    return null;
  }

  private String display(Path p) {
    return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
  }

  @Override
  public String describe() {
    return roots.stream().map(this::display).map(s -> s.isEmpty() ? "." : s).collect(Collectors.joining(", "));
  }
}
