package dev.evreg.registry.git;

import dev.evreg.compat.protobuf.ProtoSources;
import dev.evreg.compat.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Resolves {@code .proto} imports inside one commit's tree, in the order the disk resolver uses:
 * the importing file's folder, the folder its package path starts from, the folders up to the
 * repository root, then the schema roots. Nothing outside the tree is read.
 */
public final class GitProtoSources implements ProtoSources {

  private final ObjectReader reader;
  private final RevTree tree;
  private final String label;
  private final List<String> roots = new ArrayList<>();

  /**
   * {@code label} prefixes paths in messages ({@code 1a2b3c4:}); {@code packageName} is the file's
   * package (or null); {@code schemaRoots} are searched last.
   */
  public GitProtoSources(ObjectReader reader, RevTree tree, String label, String filePath, String packageName,
      List<String> schemaRoots) {
    this.reader = reader;
    this.tree = tree;
    this.label = label;
    String dir = parent(filePath);
    add(dir);
    String packageRoot = packageRoot(dir, packageName);
    if (packageRoot != null) {
      add(packageRoot);
    }
    for (String d = dir; !d.isEmpty(); ) {
      d = parent(d);
      add(d);
    }
    schemaRoots.forEach(this::add);
  }

  /** The import path a file is known by: from its package root when its folders follow the package, else its name. */
  public static String importName(String filePath, String packageName) {
    String name = filePath.substring(filePath.lastIndexOf('/') + 1);
    return packageRoot(parent(filePath), packageName) == null ? name : packageName.replace('.', '/') + "/" + name;
  }

  /** The folder above {@code dir} when {@code dir} ends with the package's path ("" for the tree's root), or null. */
  static String packageRoot(String dir, String packageName) {
    if (packageName == null) {
      return null;
    }
    String pkgPath = packageName.replace('.', '/');
    if (dir.equals(pkgPath)) {
      return "";
    }
    return dir.endsWith("/" + pkgPath) ? dir.substring(0, dir.length() - pkgPath.length() - 1) : null;
  }

  private void add(String root) {
    if (!roots.contains(root)) {
      roots.add(root);
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  @Override
  public SourceFile find(String importPath) {
    for (String root : roots) {
      String candidate = root.isEmpty() ? importPath : root + "/" + importPath;
      if (candidate.startsWith("../") || candidate.contains("/../") || candidate.contains("/./")) {
        continue;
      }
      try (TreeWalk tw = TreeWalk.forPath(reader, candidate, tree)) {
        if (tw != null && HistoryIndexer.isFile(tw.getFileMode(0))) {
          String display = label + candidate;
          return new SourceFile(display, SourceFile.decode(display, BlobParser.bytes(reader, tw.getObjectId(0), display)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return null;
  }

  @Override
  public String describe() {
    return "the commit's tree at " + String.join(", ", roots.stream().map(r -> r.isEmpty() ? "/" : r).toList());
  }
}
