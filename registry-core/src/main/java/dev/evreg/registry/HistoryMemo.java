package dev.evreg.registry;

import dev.evreg.registry.config.SchemaPaths;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Derived histories kept between the commands of one long-lived process (the daemon), so that a
 * command on an unchanged branch skips reading and deriving the cached index. A history is a
 * function of the commit, the index key (schema paths, git's rename limit), the subject naming
 * and the shallow boundary, which are its key; git objects never change. Off unless {@link #enable}d: a one-shot command has no second use for it.
 */
public final class HistoryMemo {

  private record Key(Path gitDir, String indexKey, Object naming, ObjectId tip, Set<ObjectId> shallow) {}

  private static final Object LOCK = new Object();
  private static int capacity;
  private static final Map<Key, SchemaHistory> MEMO = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, SchemaHistory> eldest) {
      return size() > capacity;
    }
  };

  private HistoryMemo() {}

  /** Keeps up to {@code entries} histories (0 turns the memo off and empties it). */
  public static void enable(int entries) {
    synchronized (LOCK) {
      capacity = Math.max(0, entries);
      MEMO.clear();
    }
  }

  static SchemaHistory get(Path gitDir, String indexKey, SchemaPaths paths, ObjectId tip, Set<ObjectId> shallow,
      Supplier<SchemaHistory> derive) {
    Key key;
    synchronized (LOCK) {
      if (capacity == 0) {
        return derive.get();
      }
      key = new Key(gitDir, indexKey, paths.naming(), tip.copy(), Set.copyOf(shallow));
      SchemaHistory h = MEMO.get(key);
      if (h != null) {
        return h;
      }
    }
    SchemaHistory h = derive.get();
    synchronized (LOCK) {
      if (capacity > 0) {
        MEMO.put(key, h);
      }
    }
    return h;
  }
}
