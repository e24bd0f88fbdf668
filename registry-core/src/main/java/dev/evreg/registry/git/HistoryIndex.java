package dev.evreg.registry.git;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.registry.Fingerprint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What the first-parent history of one commit says about schema files, in one structure for
 * all of them: every change of a file's content in order ({@link Event}), the parse of every
 * distinct blob ({@link BlobInfo}), file identities across renames ({@code lineage}), and the
 * files alive at the tip. Subjects, versions and ids are derived from it
 * ({@link dev.evreg.registry.SchemaHistory}); it only grows as commits are appended, which is
 * what keeps ids stable and lets the cache be extended.
 */
public final class HistoryIndex {

  /** A commit that changed a schema file. {@code authorSeconds} is the author date (epoch seconds). */
  public record CommitInfo(ObjectId id, long authorSeconds, int tzMinutes, String summary) {}

  /** The parse of one blob read as one format: its fingerprint and record name, or the error. */
  public record BlobInfo(Fingerprint fingerprint, String recordName, String error) {
    public boolean parsed() {
      return error == null;
    }
  }

  /** A blob read as a format: the key of {@link BlobInfo}. */
  public record BlobKey(ObjectId blob, SchemaFormat format) {
    // written out: the generated record methods are slow before the JIT warms up, and these run per version
    @Override
    public boolean equals(Object o) {
      return o instanceof BlobKey k && k.format == format && k.blob.equals((org.eclipse.jgit.lib.AnyObjectId) blob);
    }

    @Override
    public int hashCode() {
      return blob.hashCode() * 3 + format.ordinal();
    }
  }

  /** File {@code path} got content {@code blob} in commit number {@code commit}. */
  public record Event(int commit, String path, ObjectId blob, int lineage) {}

  /** A file alive at the tip. */
  public record Live(ObjectId blob, int lineage) {}

  final String key;
  ObjectId tip;
  final List<CommitInfo> commits = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final Map<BlobKey, BlobInfo> blobs = new HashMap<>();
  /** Per lineage: its path at the tip, or null once deleted. */
  final List<String> lineagePath = new ArrayList<>();
  /** Per lineage: the last path it had. */
  final List<String> lineageLast = new ArrayList<>();
  final Map<String, Live> live = new TreeMap<>();
  /** Deleted lineages by their last path, so that a file added there again continues its lineage. */
  final Map<String, Integer> deadAt = new HashMap<>();
  /** Commits read from the repository to build this index in this run (0 when it came whole from the cache). */
  int commitsRead;

  HistoryIndex(String key) {
    this.key = key;
  }

  public ObjectId tip() {
    return tip;
  }

  public List<CommitInfo> commits() {
    return Collections.unmodifiableList(commits);
  }

  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }

  public BlobInfo blob(ObjectId blob, SchemaFormat format) {
    return blobs.get(new BlobKey(blob, format));
  }

  public Map<String, Live> live() {
    return Collections.unmodifiableMap(live);
  }

  /** The lineage's path at the tip, or its last path when it was deleted. */
  public String pathOf(int lineage) {
    String p = lineagePath.get(lineage);
    return p != null ? p : lineageLast.get(lineage);
  }

  public int commitsRead() {
    return commitsRead;
  }

  // --- building, in commit order ---------------------------------------------------------

  int addCommit(CommitInfo c) {
    commits.add(c);
    return commits.size() - 1;
  }

  /** A file appears; a file deleted earlier at the same path comes back as the same lineage. */
  void added(int commit, String path, ObjectId blob) {
    Integer dead = deadAt.remove(path);
    int lineage;
    if (dead == null) {
      lineagePath.add(path);
      lineageLast.add(path);
      lineage = lineagePath.size() - 1;
    } else {
      lineage = dead;
      lineagePath.set(lineage, path);
    }
    live.put(path, new Live(blob, lineage));
    events.add(new Event(commit, path, blob, lineage));
  }

  void modified(int commit, String path, ObjectId blob) {
    Live l = live.get(path);
    if (l == null) {
      added(commit, path, blob);
      return;
    }
    live.put(path, new Live(blob, l.lineage()));
    events.add(new Event(commit, path, blob, l.lineage()));
  }

  void deleted(String path) {
    Live l = live.remove(path);
    if (l != null) {
      lineagePath.set(l.lineage(), null);
      deadAt.put(path, l.lineage());
    }
  }

  void renamed(int commit, String from, String to, ObjectId blob) {
    Live l = live.remove(from);
    if (l == null) {
      added(commit, to, blob);
      return;
    }
    lineagePath.set(l.lineage(), to);
    lineageLast.set(l.lineage(), to);
    live.put(to, new Live(blob, l.lineage()));
    events.add(new Event(commit, to, blob, l.lineage()));
  }
}
