package dev.evreg.registry;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.registry.config.SchemaPaths;
import dev.evreg.registry.config.SubjectNaming;
import dev.evreg.registry.git.HistoryIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Subjects, versions and ids derived from a {@link HistoryIndex}. A subject's versions are the
 * distinct schemas (by fingerprint) its files held, in order of first appearance; a change that
 * only reformats, or that goes back to an earlier schema, adds no version. Ids number distinct
 * schemas (format and fingerprint) across all subjects in order of first appearance, so the same
 * schema has the same id everywhere, and appending commits never changes an id. A version whose
 * file does not parse is skipped, with a warning.
 */
public final class SchemaHistory {

  private final HistoryIndex index;
  private final Map<String, Subject> subjects;
  private final Map<String, String> subjectAtPath;
  private final Map<String, String> lastSubjectOfPath;
  private final List<HistoryWarning> warnings;

  private SchemaHistory(HistoryIndex index, Map<String, Subject> subjects, Map<String, String> subjectAtPath,
      Map<String, String> lastSubjectOfPath, List<HistoryWarning> warnings) {
    this.index = index;
    this.subjects = subjects;
    this.subjectAtPath = subjectAtPath;
    this.lastSubjectOfPath = lastSubjectOfPath;
    this.warnings = warnings;
  }

  private record IdKey(SchemaFormat format, Fingerprint fingerprint) {
    // written out: the generated record methods are slow before the JIT warms up, and these run per version
    @Override
    public boolean equals(Object o) {
      return o instanceof IdKey k && k.format == format && k.fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
      return fingerprint.hashCode() * 3 + format.ordinal();
    }
  }

  public static SchemaHistory derive(HistoryIndex index, SchemaPaths paths) {
    Map<IdKey, Integer> ids = new HashMap<>();
    Map<String, LinkedHashMap<IdKey, SchemaVersion>> versions = new HashMap<>();
    List<HistoryIndex.CommitInfo> commits = index.commits();
    List<HistoryWarning> warnings = new ArrayList<>();
    Map<String, String> lastSubjectOfPath = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<String, SchemaFormat> formats = new HashMap<>();
    for (HistoryIndex.Event e : index.events()) {
      SchemaFormat format = formats.computeIfAbsent(e.path(), p -> SchemaFormat.fromPath(p).orElseThrow());
      HistoryIndex.BlobInfo info = index.blob(e.blob(), format);
      String subject = paths.naming() == SubjectNaming.PATH
          ? names.computeIfAbsent(index.pathOf(e.lineage()), paths::subjectOfPath)
          : subjectOf(paths, index, e.path(), e.lineage(), info);
      lastSubjectOfPath.put(e.path(), subject);
      if (info == null || !info.parsed()) {
        warnings.add(new HistoryWarning(subject, "skipped a version of " + subject + " that does not parse: "
            + (info == null ? e.path() : info.error())));
        continue;
      }
      IdKey key = new IdKey(format, info.fingerprint());
      int id = ids.computeIfAbsent(key, k -> ids.size() + 1);
      LinkedHashMap<IdKey, SchemaVersion> list = versions.computeIfAbsent(subject, s -> new LinkedHashMap<>());
      if (!list.containsKey(key)) {
        list.put(key, new SchemaVersion(subject, list.size() + 1, id, format, info.fingerprint(), e.path(), e.blob(),
            commits.get(e.commit())));
      }
    }
    Map<String, String> livePath = new TreeMap<>();
    Map<String, String> subjectAtPath = new HashMap<>();
    Map<String, Integer> current = new HashMap<>();
    for (Map.Entry<String, HistoryIndex.Live> l : index.live().entrySet()) {
      String path = l.getKey();
      SchemaFormat format = SchemaFormat.fromPath(path).orElseThrow();
      HistoryIndex.BlobInfo info = index.blob(l.getValue().blob(), format);
      String subject = subjectOf(paths, index, path, l.getValue().lineage(), info);
      String other = livePath.put(subject, path);
      if (other != null) {
        throw new RegistryException("two schema files name the subject \"" + subject + "\": " + other + " and " + path
            + "; rename one, or change schemas.naming or schemas.paths in evreg.yaml");
      }
      subjectAtPath.put(path, subject);
      if (info != null && info.parsed() && versions.containsKey(subject)) {
        SchemaVersion v = versions.get(subject).get(new IdKey(format, info.fingerprint()));
        current.put(subject, v == null ? 0 : v.version());
      }
    }
    Map<String, Subject> subjects = new TreeMap<>();
    versions.forEach((name, list) -> {
      List<SchemaVersion> vs = List.copyOf(list.values());
      int cur = current.getOrDefault(name, 0);
      SchemaFormat format = cur > 0 ? vs.get(cur - 1).format() : vs.get(vs.size() - 1).format();
      subjects.put(name, new Subject(name, format, livePath.get(name), vs, cur));
    });
    return new SchemaHistory(index, subjects, subjectAtPath, lastSubjectOfPath, List.copyOf(warnings));
  }

  /** A lineage's subject: by its record name, or by its current path (under path naming) or the event's. */
  private static String subjectOf(SchemaPaths paths, HistoryIndex index, String path, int lineage,
      HistoryIndex.BlobInfo info) {
    return paths.subjectOf(paths.naming() == SubjectNaming.PATH ? index.pathOf(lineage) : path,
        info == null ? null : info.recordName());
  }

  public HistoryIndex index() {
    return index;
  }

  /** Every subject with at least one version, by name; deleted ones included. */
  public List<Subject> subjects() {
    return List.copyOf(subjects.values());
  }

  public Optional<Subject> subject(String name) {
    return Optional.ofNullable(subjects.get(name));
  }

  /** The subject whose file is at {@code path} at the tip. */
  public Optional<Subject> subjectAtPath(String path) {
    return Optional.ofNullable(subjectAtPath.get(path)).flatMap(this::subject);
  }

  /**
   * The subject whose file was last at {@code path} anywhere in history, such as a file renamed
   * since: a change to the old path is a change to that subject.
   */
  public Optional<Subject> subjectThatHeld(String path) {
    return Optional.ofNullable(lastSubjectOfPath.get(path)).flatMap(this::subject);
  }

  public List<HistoryWarning> warnings() {
    return warnings;
  }

  public List<HistoryWarning> warnings(String subject) {
    return warnings.stream().filter(w -> w.subject().equals(subject)).toList();
  }
}
