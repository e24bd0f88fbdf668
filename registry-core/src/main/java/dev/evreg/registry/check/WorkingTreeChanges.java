package dev.evreg.registry.check;

import dev.evreg.registry.config.SchemaPaths;
import dev.evreg.registry.git.GitRepo;
import dev.evreg.registry.git.HistoryIndexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Detection for {@code evreg check}: the schema files whose content differs between a commit
 * and the working tree as it is on disk, committed or not (untracked files count unless git
 * ignores them). Renames are detected by content similarity, as git does.
 */
public final class WorkingTreeChanges {

  private WorkingTreeChanges() {}

  public static List<FileChange> between(GitRepo git, RevCommit base, SchemaPaths paths) {
    Repository repo = git.repository();
    List<FileChange> changes = new ArrayList<>();
    List<DiffEntry> adds = new ArrayList<>();
    List<DiffEntry> deletes = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.setRecursive(true);
      List<String> roots = paths.roots();
      if (!roots.contains("")) {
        tw.setFilter(PathFilterGroup.createFromStrings(roots));
      }
      int tBase = tw.addTree(base.getTree());
      int tIndex = tw.addTree(new DirCacheIterator(repo.readDirCache()));
      FileTreeIterator work = new FileTreeIterator(repo);
      int tWork = tw.addTree(work);
      work.setDirCacheIterator(tw, tIndex);
      while (tw.next()) {
        String path = tw.getPathString();
        if (!paths.contains(path)) {
          continue;
        }
        boolean inBase = HistoryIndexer.isFile(tw.getFileMode(tBase));
        FileTreeIterator w = tw.getTree(tWork, FileTreeIterator.class);
        boolean tracked = tw.getTree(tIndex, DirCacheIterator.class) != null;
        boolean inWork = w != null && HistoryIndexer.isFile(w.getEntryFileMode()) && (tracked || !w.isEntryIgnored());
        ObjectId baseId = inBase ? tw.getObjectId(tBase) : null;
        if (inBase && inWork) {
          if (!w.getEntryObjectId().equals(baseId)) {
            changes.add(new FileChange(FileChange.Kind.MODIFIED, path, path));
          }
        } else if (inBase) {
          deletes.add(new Entry(DiffEntry.ChangeType.DELETE, path, DiffEntry.DEV_NULL, baseId, null));
        } else if (inWork) {
          adds.add(new Entry(DiffEntry.ChangeType.ADD, DiffEntry.DEV_NULL, path, null, w.getEntryObjectId()));
        }
      }
      if (!adds.isEmpty() && !deletes.isEmpty()) {
        RenameDetector rd = new RenameDetector(reader, repo.getConfig().get(DiffConfig.KEY));
        rd.addAll(adds);
        rd.addAll(deletes);
        adds.clear();
        deletes.clear();
        ContentSource.Pair sources = new ContentSource.Pair(ContentSource.create(reader),
            ContentSource.create(new FileTreeIterator(repo)));
        for (DiffEntry e : rd.compute(sources, NullProgressMonitor.INSTANCE)) {
          switch (e.getChangeType()) {
            case ADD -> adds.add(e);
            case DELETE -> deletes.add(e);
            default -> changes.add(new FileChange(FileChange.Kind.RENAMED, e.getOldPath(), e.getNewPath()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (org.eclipse.jgit.api.errors.CanceledException e) {
      throw new IllegalStateException(e);
    }
    adds.forEach(e -> changes.add(new FileChange(FileChange.Kind.ADDED, null, e.getNewPath())));
    deletes.forEach(e -> changes.add(new FileChange(FileChange.Kind.DELETED, e.getOldPath(), null)));
    changes.sort(Comparator.comparing(FileChange::path));
    return changes;
  }

  /** A diff entry built from the walk, for JGit's rename detector. */
  private static final class Entry extends DiffEntry {
    Entry(ChangeType type, String oldPath, String newPath, ObjectId oldId, ObjectId newId) {
      this.changeType = type;
      this.oldPath = oldPath;
      this.newPath = newPath;
      this.oldMode = oldId == null ? FileMode.MISSING : FileMode.REGULAR_FILE;
      this.newMode = newId == null ? FileMode.MISSING : FileMode.REGULAR_FILE;
      this.oldId = AbbreviatedObjectId.fromObjectId(oldId == null ? ObjectId.zeroId() : oldId);
      this.newId = AbbreviatedObjectId.fromObjectId(newId == null ? ObjectId.zeroId() : newId);
    }
  }
}
