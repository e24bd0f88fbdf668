package dev.evreg.registry.check;

/** A schema file that differs between a commit and the working tree. */
public record FileChange(Kind kind, String oldPath, String newPath) {

  public enum Kind {
    ADDED,
    MODIFIED,
    DELETED,
    RENAMED
  }

  /** The path in the working tree, or the old path of a deleted file. */
  public String path() {
    return newPath != null ? newPath : oldPath;
  }
}
