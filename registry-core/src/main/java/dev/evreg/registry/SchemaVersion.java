package dev.evreg.registry;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.registry.git.HistoryIndex.CommitInfo;
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
}
