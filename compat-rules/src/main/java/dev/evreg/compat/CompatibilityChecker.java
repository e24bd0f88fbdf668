package dev.evreg.compat;

import dev.evreg.compat.source.SchemaException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds every level from the engines' {@code canRead} primitive. */
public final class CompatibilityChecker {

  private final Map<SchemaFormat, CompatibilityEngine<?>> engines = new EnumMap<>(SchemaFormat.class);

  /** The engines evreg ships. */
  public static CompatibilityChecker standard() {
    return new CompatibilityChecker(List.of(new dev.evreg.compat.avro.AvroCompatibility(),
        new dev.evreg.compat.jsonschema.JsonSchemaCompatibility(),
        new dev.evreg.compat.protobuf.ProtoCompatibility()));
  }

  public CompatibilityChecker(List<CompatibilityEngine<?>> engines) {
    for (CompatibilityEngine<?> e : engines) {
      this.engines.put(e.format(), e);
    }
  }

  /**
   * Checks {@code candidate} against {@code previous} (oldest first) at {@code level}: the
   * latest version only, or every version newest first for transitive levels. Every failing
   * version is reported, not only the first.
   */
  public CompatibilityReport check(
      Level level, List<? extends ParsedSchema> previous, ParsedSchema candidate, CheckOptions options) {
    List<VersionResult> results = new ArrayList<>();
    if (level != Level.NONE && !previous.isEmpty()) {
      int last = previous.size() - 1;
      int first = level.transitive() ? 0 : last;
      for (int i = last; i >= first; i--) {
        ParsedSchema old = previous.get(i);
        results.add(new VersionResult(i + 1, old.source().path(), compare(level, old, candidate, options)));
      }
    }
    return new CompatibilityReport(level, candidate.source().path(), results);
  }

  /** The findings between one previous version and the candidate, in the level's directions. */
  public List<Finding> compare(Level level, ParsedSchema old, ParsedSchema candidate, CheckOptions options) {
    if (old.format() != candidate.format()) {
      return List.of(formatChanged(old, candidate));
    }
    try {
      return findings(level, old, candidate, options);
    } catch (StackOverflowError e) {
      throw SchemaException.tooDeep(candidate.source().path(), "compare");
    }
  }

  private List<Finding> findings(Level level, ParsedSchema old, ParsedSchema candidate, CheckOptions options) {
    Set<Finding> findings = new LinkedHashSet<>();
    if (level.newReadsOld()) {
      findings.addAll(canRead(candidate, old, true, options));
    }
    if (level.oldReadsNew()) {
      findings.addAll(canRead(old, candidate, false, options));
    }
    return List.copyOf(findings);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Finding> canRead(ParsedSchema reader, ParsedSchema writer, boolean readerIsNew, CheckOptions options) {
    CompatibilityEngine engine = engines.get(reader.format());
    if (engine == null) {
      throw new SchemaException(reader.source().path(), 0, 0,
          "checking the compatibility of " + reader.format().displayName()
              + " schemas is not available in this version of evreg yet");
    }
    return engine.canRead(new ReadPair(reader, writer, readerIsNew), options);
  }

  private static Finding formatChanged(ParsedSchema old, ParsedSchema candidate) {
    return new Finding(CoreRule.SCHEMA_TYPE_CHANGED.id(), Severity.ERROR,
        "The schema type changed from " + old.format().displayName() + " to "
            + candidate.format().displayName() + "; a registry treats a change of schema type as incompatible.",
        new Location(candidate.source().path(), 1, 1, ""),
        new Location(old.source().path(), 1, 1, ""));
  }
}
