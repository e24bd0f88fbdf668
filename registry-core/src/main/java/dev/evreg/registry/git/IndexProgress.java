package dev.evreg.registry.git;

/** Told how far indexing got, so that a terminal can show it. */
public interface IndexProgress {

  IndexProgress NONE = new IndexProgress() {
    @Override
    public void commits(int done, int total) {}

    @Override
    public void done() {}
  };

  /** {@code done} of {@code total} new commits were read. */
  void commits(int done, int total);

  void done();
}
