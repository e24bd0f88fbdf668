package dev.evreg.registry.config;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.registry.SubjectNames;
import java.util.List;
import java.util.Optional;

/**
 * Which files hold schemas (globs over repository paths, of a schema extension) and how their
 * subjects are named.
 */
public record SchemaPaths(List<Glob> globs, SubjectNaming naming) {

  public static final SchemaPaths DEFAULTS = new SchemaPaths(List.of(Glob.of("schemas/**")), SubjectNaming.PATH);

  public SchemaPaths {
    globs = List.copyOf(globs);
    if (globs.isEmpty()) {
      throw new IllegalArgumentException("globs is empty");
    }
  }

  /** The first glob that matches a schema file at {@code path}, if any. */
  public Optional<Glob> match(String path) {
    if (SchemaFormat.fromPath(path).isEmpty()) {
      return Optional.empty();
    }
    return globs.stream().filter(g -> g.matches(path)).findFirst();
  }

  public boolean contains(String path) {
    return match(path).isPresent();
  }

  /** The subject of a file: its record's full name when subjects are named by record and it has one, else by path. */
  public String subjectOf(String path, String recordName) {
    return naming() == SubjectNaming.RECORD && recordName != null ? recordName : subjectOfPath(path);
  }

  /** The subject name of the file at {@code path} under the path strategy. */
  public String subjectOfPath(String path) {
    String root = match(path).map(Glob::root).orElse("");
    return SubjectNames.fromPath(root, path);
  }

  /** The folders every schema lies under (empty string for the whole repository), for walking trees. */
  public List<String> roots() {
    if (globs.stream().anyMatch(g -> g.root().isEmpty())) {
      return List.of("");
    }
    return globs.stream().map(Glob::root).distinct().toList();
  }

  /** A key that changes when the set of files changes, for caches built over these paths. */
  public String cacheKey() {
    return String.join("\n", globs.stream().map(Glob::pattern).toList());
  }
}
