package dev.evreg.registry;

import dev.evreg.compat.SchemaFormat;
import java.util.List;
import java.util.Optional;

/**
 * A subject and its versions, oldest first. {@code path} is its file at the tip (null once
 * deleted); {@code current} is the number of the version that file holds (0 when deleted or
 * unreadable), which is the latest version unless history went back to an earlier schema.
 */
public record Subject(String name, SchemaFormat format, String path, List<SchemaVersion> versions, int current) {

  public Subject {
    versions = List.copyOf(versions);
  }

  public boolean deleted() {
    return path == null;
  }

  /** The version at the tip, or the newest version when the file is gone or unreadable there. */
  public SchemaVersion latest() {
    return current > 0 ? versions.get(current - 1) : versions.get(versions.size() - 1);
  }

  public Optional<SchemaVersion> version(int n) {
    return n >= 1 && n <= versions.size() ? Optional.of(versions.get(n - 1)) : Optional.empty();
  }

  public Optional<SchemaVersion> withFingerprint(Fingerprint fp) {
    return versions.stream().filter(v -> v.fingerprint().equals(fp)).findFirst();
  }
}
