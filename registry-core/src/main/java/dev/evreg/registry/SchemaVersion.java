package dev.evreg.registry;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.registry.git.HistoryIndex.CommitInfo;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One version of a subject: its number (1 = oldest), its global id, the fingerprint of its
 * canonical form, and where it first appeared: file path, blob and commit.
 */
public record SchemaVersion(String subject, int version, int id, SchemaFormat format, Fingerprint fingerprint,
    String path, ObjectId blob, CommitInfo commit) {

  /** The abbreviated commit id. */
  public String shortCommit() {
    return commit.id().abbreviate(7).name();
  }

  /** {@code 1a2b3c4:schemas/x.avsc}, the name the version's file is reported under (and that {@code git show} takes). */
  public String location() {
    return shortCommit() + ":" + path;
  }

  /** A name {@link #location()} made, taken apart: the abbreviated commit and the path in it. */
  public record Label(String commit, String path) {

    /** The commit and path of {@code 1a2b3c4:schemas/x.avsc}; empty for a path without that prefix. */
    public static Optional<Label> parse(String location) {
      if (location == null || location.length() < 9 || location.charAt(7) != ':'
          || !location.substring(0, 7).matches("[0-9a-f]{7}")) {
        return Optional.empty();
      }
      return Optional.of(new Label(location.substring(0, 7), location.substring(8)));
    }
  }
}
