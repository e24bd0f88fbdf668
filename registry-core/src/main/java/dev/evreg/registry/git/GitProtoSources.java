package dev.evreg.registry.git;

import dev.evreg.compat.protobuf.ProtoSources;
import dev.evreg.compat.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Resolves {@code .proto} imports inside one commit's tree, in the order the disk resolver uses:
 * the importing file's folder, the folder its package path starts from, the folders up to the
 * repository root, then the schema roots. Nothing outside the tree is read.
 */
public final class GitProtoSources implements ProtoSources {

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  private final ObjectReader reader;
  private final RevTree tree;
  private final String label;
  private final List<String> roots = new ArrayList<>();

  /** {@code label} prefixes paths in messages ({@code 1a2b3c4:}); {@code schemaRoots} are searched last. */
  public GitProtoSources(ObjectReader reader, RevTree tree, String label, String filePath, String text,
      List<String> schemaRoots) {
    this.reader = reader;
    this.tree = tree;
    this.label = label;
    String dir = parent(filePath);
    add(dir);
    Matcher m = PACKAGE.matcher(text);
    if (m.find()) {
      String pkgPath = m.group(1).replace('.', '/');
      if (dir.equals(pkgPath)) {
        add("");
      } else if (dir.endsWith("/" + pkgPath)) {
        add(dir.substring(0, dir.length() - pkgPath.length() - 1));
      }
    }
    for (String d = dir; !d.isEmpty(); ) {
      d = parent(d);
      add(d);
    }
    schemaRoots.forEach(this::add);
  }

  /** The import path a file is known by: from its package root when its folders follow the package, else its name. */
  public static String importName(String filePath, String text) {
    String name = filePath.substring(filePath.lastIndexOf('/') + 1);
    Matcher m = PACKAGE.matcher(text);
    if (m.find()) {
      String pkgPath = m.group(1).replace('.', '/');
      String dir = parent(filePath);
      if (dir.equals(pkgPath) || dir.endsWith("/" + pkgPath)) {
        return pkgPath + "/" + name;
      }
    }
    return name;
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
