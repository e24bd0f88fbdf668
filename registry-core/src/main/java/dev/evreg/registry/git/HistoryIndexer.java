package dev.evreg.registry.git;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.registry.config.SchemaPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Builds the {@link HistoryIndex} of a commit in one walk over its first-parent history for all
 * schema files at once: each commit is diffed with its first parent (only the schema folders
 * are read), renames are detected when a commit both adds and deletes schema files, and each new
 * blob is parsed once. The walk starts from the newest cached ancestor, so a run after a few new
 * commits reads only those.
 */
public final class HistoryIndexer {


  private final GitRepo repo;
  private final SchemaPaths paths;
  private final DiffConfig diffConfig;
  private final String key;
  private final IndexCache cache;
  private final IndexProgress progress;

  public HistoryIndexer(GitRepo repo, SchemaPaths paths, IndexProgress progress) {
    this.repo = repo;
    this.paths = paths;
    this.diffConfig = repo.repository().getConfig().get(DiffConfig.KEY);
    this.key = paths.cacheKey() + "\nrenameLimit=" + diffConfig.getRenameLimit();
    this.cache = new IndexCache(repo.cacheDir(), key);
    this.progress = progress;
  }

  /** What the index depends on besides the commits: the schema paths and git's rename limit. */
  public String key() {
    return key;
  }

  /** The index of {@code tip}'s first-parent history, from the cache when it holds it. */
  public HistoryIndex index(RevCommit tip, String tipName) {
    Set<ObjectId> cached = cache.tips();
    try (ObjectReader reader = repo.repository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      Set<ObjectId> shallow = repo.shallowCommits();
      List<RevCommit> todo = new ArrayList<>();
      HistoryIndex base = null;
      RevCommit c = walk.parseCommit(tip);
      while (true) {
        if (cached.contains(c) && (base = cache.read(c, key)) != null) {
          break;
        }
        todo.add(c);
        if (c.getParentCount() == 0) {
          if (shallow.contains(c)) {
            throw GitRepo.shallow("the history of " + tipName + " is cut at commit " + c.abbreviate(7).name()
                + " by a shallow clone");
          }
          break;
        }
        c = walk.parseCommit(c.getParent(0));
      }
      if (todo.isEmpty()) {
        return base;
      }
      Collections.reverse(todo);
      HistoryIndex idx = base != null ? base : new HistoryIndex(key);
      Walker walker = new Walker(reader, walk, idx);
      for (int i = 0; i < todo.size(); i++) {
        walker.apply(todo.get(i));
        if ((i & 63) == 0 || i == todo.size() - 1) {
          progress.commits(i + 1, todo.size());
        }
      }
      progress.done();
      idx.tip = tip.copy();
      idx.commitsRead = todo.size();
      cache.write(idx);
      return idx;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One change to a schema file in a commit. */
  private record Change(ChangeType type, String oldPath, String newPath, ObjectId newId) {
    String sortKey() {
      return newPath != null ? newPath : oldPath;
    }
  }

  private final class Walker {
    private final ObjectReader reader;
    private final RevWalk walk;
    private final HistoryIndex idx;
    private final BlobParser parser;
    private final TreeFilter filter;

    Walker(ObjectReader reader, RevWalk walk, HistoryIndex idx) {
      this.reader = reader;
      this.walk = walk;
      this.idx = idx;
      this.parser = new BlobParser(reader, paths.roots());
      List<String> roots = paths.roots();
      this.filter = roots.contains("") ? TreeFilter.ANY_DIFF
          : AndTreeFilter.create(PathFilterGroup.createFromStrings(roots), TreeFilter.ANY_DIFF);
    }

    void apply(RevCommit commit) throws IOException {
      List<Change> changes = changes(commit);
      if (changes.isEmpty()) {
        return;
      }
      walk.parseBody(commit);
      PersonIdent author = commit.getAuthorIdent();
      String summary = commit.getShortMessage();
      if (summary.length() > 200) {
        summary = summary.substring(0, 197) + "...";
      }
      int n = idx.addCommit(new HistoryIndex.CommitInfo(commit.copy(), author.getWhenAsInstant().getEpochSecond(),
          author.getZoneOffset().getTotalSeconds() / 60, summary));
      boolean used = false;
      for (Change ch : changes) {
        switch (ch.type()) {
          case ADD -> idx.added(n, ch.newPath(), ch.newId());
          case MODIFY -> idx.modified(n, ch.newPath(), ch.newId());
          case DELETE -> idx.deleted(ch.oldPath());
          case RENAME, COPY -> idx.renamed(n, ch.oldPath(), ch.newPath(), ch.newId());
        }
        if (ch.newId() != null) {
          used = true;
          learn(commit.getTree(), commit.abbreviate(7).name() + ":", ch.newPath(), ch.newId());
        }
      }
      if (!used) {
        idx.commits.remove(n);
      }
    }

    /** Parses a blob not seen before and records its fingerprint, or why it cannot be read. */
    private void learn(RevTree tree, String label, String path, ObjectId blob) {
      SchemaFormat format = SchemaFormat.fromPath(path).orElseThrow();
      HistoryIndex.BlobKey key = new HistoryIndex.BlobKey(blob, format);
      if (idx.blobs.containsKey(key)) {
        return;
      }
      HistoryIndex.BlobInfo info;
      try {
        info = BlobParser.info(parser.parse(tree, label, path, blob, format));
      } catch (SchemaException e) {
        info = new HistoryIndex.BlobInfo(null, null, e.getMessage());
      } catch (StackOverflowError e) {
        info = new HistoryIndex.BlobInfo(null, null, label + path + ": the schema nests too deeply to read");
      }
      idx.blobs.put(key, info);
    }

    private List<Change> changes(RevCommit commit) throws IOException {
      List<DiffEntry> entries;
      try (TreeWalk tw = new TreeWalk(reader)) {
        tw.setRecursive(true);
        tw.setFilter(filter);
        if (commit.getParentCount() > 0) {
          RevCommit parent = walk.parseCommit(commit.getParent(0));
          tw.addTree(parent.getTree());
        } else {
          tw.addTree(new EmptyTreeIterator());
        }
        tw.addTree(commit.getTree());
        entries = DiffEntry.scan(tw);
      }
      List<Change> changes = new ArrayList<>();
      List<DiffEntry> adds = new ArrayList<>();
      List<DiffEntry> deletes = new ArrayList<>();
      for (DiffEntry e : entries) {
        boolean oldIn = e.getChangeType() != ChangeType.ADD && isFile(e.getOldMode()) && paths.contains(e.getOldPath());
        boolean newIn = e.getChangeType() != ChangeType.DELETE && isFile(e.getNewMode()) && paths.contains(e.getNewPath());
        ObjectId newId = newIn ? e.getNewId().toObjectId() : null;
        if (oldIn && newIn) {
          if (!e.getOldId().equals(e.getNewId())) {
            changes.add(new Change(ChangeType.MODIFY, e.getOldPath(), e.getNewPath(), newId));
          }
        } else if (oldIn) {
          deletes.add(e);
        } else if (newIn) {
          adds.add(e);
        }
      }
      if (!adds.isEmpty() && !deletes.isEmpty()) {
        RenameDetector rd = new RenameDetector(reader, diffConfig);
        rd.addAll(adds);
        rd.addAll(deletes);
        adds.clear();
        deletes.clear();
        for (DiffEntry e : rd.compute()) {
          switch (e.getChangeType()) {
            case ADD -> adds.add(e);
            case DELETE -> deletes.add(e);
            default -> changes.add(new Change(ChangeType.RENAME, e.getOldPath(), e.getNewPath(), e.getNewId().toObjectId()));
          }
        }
      }
      adds.forEach(e -> changes.add(new Change(ChangeType.ADD, null, e.getNewPath(), e.getNewId().toObjectId())));
      deletes.forEach(e -> changes.add(new Change(ChangeType.DELETE, e.getOldPath(), null, null)));
      // deletions first, so that a path freed and reused in one commit starts a new lineage cleanly
      changes.sort(Comparator.comparing((Change ch) -> ch.type() != ChangeType.DELETE).thenComparing(Change::sortKey));
      return changes;
    }
  }

  /** Whether a tree entry is a regular file (not a folder, link or submodule). */
  public static boolean isFile(FileMode mode) {
    return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
  }
}
