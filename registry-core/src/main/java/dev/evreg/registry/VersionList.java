package dev.evreg.registry;

import dev.evreg.compat.ParsedSchema;
import java.util.AbstractList;
import java.util.List;

/**
 * A subject's versions as parsed schemas, parsed only when asked for: a non-transitive check
 * reads only the version it compares with.
 */
final class VersionList extends AbstractList<ParsedSchema> {

  private final GitRegistry registry;
  private final List<SchemaVersion> versions;
  private final ParsedSchema[] parsed;

  VersionList(GitRegistry registry, List<SchemaVersion> versions) {
    this.registry = registry;
    this.versions = versions;
    this.parsed = new ParsedSchema[versions.size()];
  }

  @Override
  public ParsedSchema get(int i) {
    if (parsed[i] == null) {
      parsed[i] = registry.parse(versions.get(i));
    }
    return parsed[i];
  }

  @Override
  public int size() {
    return versions.size();
  }
}
