package dev.evreg.compat;

import dev.evreg.compat.source.SchemaException;

/** A comparison that ran past its time bound: bad input for the user, exit 2. */
public final class CheckTimeoutException extends SchemaException {

  private static final long serialVersionUID = 1L;

  public CheckTimeoutException(String path, String where, java.time.Duration bound) {
    super(path, 0, 0, "the comparison did not finish within " + human(bound) + " (it was at " + where
        + "); the schemas may combine many alternatives or deep recursion; raise the bound with --timeout");
  }

  private static String human(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
