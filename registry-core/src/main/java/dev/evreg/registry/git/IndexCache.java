package dev.evreg.registry.git;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.registry.Fingerprint;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The history index on disk, one file per indexed tip commit under {@code .git/evreg/}:
 * {@code history-<paths key>-<commit>.idx}. Files carry a format stamp; one that is stale,
 * truncated or corrupt is ignored (and rebuilt). Writes go to a temporary file renamed into
 * place, so concurrent runs never read half a file. Only the newest few files are kept.
 */
public final class IndexCache {

  private static final long MAGIC = 0x4556524547494458L; // "EVREGIDX"
  /** Raise when the layout or the meaning of a stored field (such as a canonical form) changes. */
  static final int FORMAT = 4;
  private static final int KEEP = 6;

  private final Path dir;
  private final String keyHash;
  private final String stamp;

  public IndexCache(Path dir, String key) {
    this.dir = dir;
    this.keyHash = Fingerprint.of(key).hex().substring(0, 12);
    String v = IndexCache.class.getPackage().getImplementationVersion();
    this.stamp = FORMAT + "/" + (v == null ? "dev" : v);
  }

  private Path file(ObjectId tip) {
    return dir.resolve("history-" + keyHash + "-" + tip.name() + ".idx");
  }

  /** The tips with a cache file for these paths. */
  public Set<ObjectId> tips() {
    Set<ObjectId> tips = new HashSet<>();
    if (!Files.isDirectory(dir)) {
      return tips;
    }
    String prefix = "history-" + keyHash + "-";
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, prefix + "*.idx")) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        String hex = n.substring(prefix.length(), n.length() - 4);
        if (ObjectId.isId(hex)) {
          tips.add(ObjectId.fromString(hex));
        }
      }
    } catch (IOException e) {
      return tips;
    }
    return tips;
  }

  /** The index cached for {@code tip}, or null when there is none or it cannot be used. */
  public HistoryIndex read(ObjectId tip, String key) {
    Path f = file(tip);
    try {
      Reader in = new Reader(Files.readAllBytes(f));
      if (in.buf.getLong() != MAGIC || !in.string().equals(stamp) || !in.string().equals(key)) {
        return null;
      }
      HistoryIndex idx = new HistoryIndex(key);
      idx.tip = in.id();
      if (!idx.tip.equals(tip)) {
        return null;
      }
      List<String> strings = new ArrayList<>();
      for (int i = 0, n = in.buf.getInt(); i < n; i++) {
        strings.add(in.string());
      }
      for (int i = 0, n = in.buf.getInt(); i < n; i++) {
        idx.commits.add(new HistoryIndex.CommitInfo(in.id(), in.buf.getLong(), in.buf.getInt(), in.string()));
      }
      SchemaFormat[] formats = SchemaFormat.values();
      byte[] fp = new byte[32];
      HexFormat hex = HexFormat.of();
      for (int i = 0, n = in.buf.getInt(); i < n; i++) {
        ObjectId blob = in.id();
        SchemaFormat format = formats[in.buf.get()];
        HistoryIndex.BlobInfo info;
        if (in.buf.get() == 1) {
          in.buf.get(fp);
          int name = in.buf.getInt();
          info = new HistoryIndex.BlobInfo(new Fingerprint(hex.formatHex(fp)), name < 0 ? null : strings.get(name), null);
        } else {
          info = new HistoryIndex.BlobInfo(null, null, in.string());
        }
        idx.blobs.put(new HistoryIndex.BlobKey(blob, format), info);
      }
      for (int i = 0, n = in.buf.getInt(); i < n; i++) {
        int current = in.buf.getInt();
        idx.lineagePath.add(current < 0 ? null : strings.get(current));
        idx.lineageLast.add(strings.get(in.buf.getInt()));
      }
      // stored, not derived: of two lineages that died at one path, the later death is the one a re-add continues
      for (int i = 0, n = in.buf.getInt(); i < n; i++) {
        idx.deadAt.put(strings.get(in.buf.getInt()), in.buf.getInt());
      }
      for (int i = 0, n = in.buf.getInt(); i < n; i++) {
        idx.events.add(new HistoryIndex.Event(in.buf.getInt(), strings.get(in.buf.getInt()), in.id(), in.buf.getInt()));
      }
      for (int i = 0, n = in.buf.getInt(); i < n; i++) {
        idx.live.put(strings.get(in.buf.getInt()), new HistoryIndex.Live(in.id(), in.buf.getInt()));
      }
      if (in.buf.getLong() != MAGIC || in.buf.hasRemaining()) {
        return null;
      }
      touch(f);
      return idx;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Reads the file's values from one buffer: much cheaper than a stream before the JIT warms up. */
  private static final class Reader {
    final ByteBuffer buf;

    Reader(byte[] bytes) {
      this.buf = ByteBuffer.wrap(bytes);
    }

    ObjectId id() {
      ObjectId id = ObjectId.fromRaw(buf.array(), buf.position());
      buf.position(buf.position() + 20);
      return id;
    }

    String string() {
      int len = buf.getInt();
      String s = new String(buf.array(), buf.position(), len, StandardCharsets.UTF_8);
      buf.position(buf.position() + len);
      return s;
    }
  }

  /** Stores {@code idx} under its tip; failures only cost the next run time, so they are ignored. */
  public void write(HistoryIndex idx) {
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "history-", ".tmp");
      try (OutputStream raw = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
        write(idx, out);
      }
      try {
        Files.move(tmp, file(idx.tip), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(idx.tip), StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      prune();
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written is rebuilt next time
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // nothing more to do
        }
      }
    }
  }

  private void write(HistoryIndex idx, DataOutputStream out) throws IOException {
    out.writeLong(MAGIC);
    writeString(out, stamp);
    writeString(out, idx.key);
    writeId(out, idx.tip);
    StringTable strings = new StringTable();
    idx.lineageLast.forEach(strings::id);
    idx.deadAt.keySet().stream().sorted().forEach(strings::id);
    idx.events.forEach(ev -> strings.id(ev.path()));
    idx.live.keySet().forEach(strings::id);
    idx.blobs.values().stream().map(HistoryIndex.BlobInfo::recordName).filter(n -> n != null).forEach(strings::id);
    out.writeInt(strings.list.size());
    for (String p : strings.list) {
      writeString(out, p);
    }
    out.writeInt(idx.commits.size());
    for (HistoryIndex.CommitInfo c : idx.commits) {
      writeId(out, c.id());
      out.writeLong(c.authorSeconds());
      out.writeInt(c.tzMinutes());
      writeString(out, c.summary());
    }
    out.writeInt(idx.blobs.size());
    HexFormat hex = HexFormat.of();
    for (Map.Entry<HistoryIndex.BlobKey, HistoryIndex.BlobInfo> e : idx.blobs.entrySet()) {
      writeId(out, e.getKey().blob());
      out.writeByte(e.getKey().format().ordinal());
      HistoryIndex.BlobInfo info = e.getValue();
      out.writeByte(info.parsed() ? 1 : 0);
      if (info.parsed()) {
        out.write(hex.parseHex(info.fingerprint().hex()));
        out.writeInt(info.recordName() == null ? -1 : strings.id(info.recordName()));
      } else {
        writeString(out, info.error());
      }
    }
    out.writeInt(idx.lineagePath.size());
    for (int i = 0; i < idx.lineagePath.size(); i++) {
      String current = idx.lineagePath.get(i);
      out.writeInt(current == null ? -1 : strings.id(current));
      out.writeInt(strings.id(idx.lineageLast.get(i)));
    }
    out.writeInt(idx.deadAt.size());
    for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(idx.deadAt).entrySet()) {
      out.writeInt(strings.id(e.getKey()));
      out.writeInt(e.getValue());
    }
    out.writeInt(idx.events.size());
    for (HistoryIndex.Event ev : idx.events) {
      out.writeInt(ev.commit());
      out.writeInt(strings.id(ev.path()));
      writeId(out, ev.blob());
      out.writeInt(ev.lineage());
    }
    out.writeInt(idx.live.size());
    for (Map.Entry<String, HistoryIndex.Live> e : idx.live.entrySet()) {
      out.writeInt(strings.id(e.getKey()));
      writeId(out, e.getValue().blob());
      out.writeInt(e.getValue().lineage());
    }
    out.writeLong(MAGIC);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static final class StringTable {
    final List<String> list = new ArrayList<>();
    final Map<String, Integer> ids = new HashMap<>();

    int id(String p) {
      return ids.computeIfAbsent(p, k -> {
        list.add(k);
        return list.size() - 1;
      });
    }
  }

  private void prune() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "history-*.idx")) {
      s.forEach(files::add);
    }
    if (files.size() <= KEEP) {
      return;
    }
    files.sort(Comparator.comparing(IndexCache::modified).reversed());
    for (Path p : files.subList(KEEP, files.size())) {
      Files.deleteIfExists(p);
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void touch(Path f) {
    try {
      Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // only used to keep recently used files when pruning
    }
  }

  private static void writeId(DataOutputStream out, ObjectId id) throws IOException {
    byte[] b = new byte[20];
    id.copyRawTo(b, 0);
    out.write(b);
  }
}
