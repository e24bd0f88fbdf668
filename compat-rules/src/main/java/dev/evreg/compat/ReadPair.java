package dev.evreg.compat;

/**
 * One direction of a check: can a consumer using {@code reader} read data written with
 * {@code writer}? {@code readerIsNew} says which of the two is the candidate, so that engines
 * put the new-file location first and word their messages from the candidate's side.
 */
public record ReadPair<S extends ParsedSchema>(S reader, S writer, boolean readerIsNew) {

  public S newer() {
    return readerIsNew ? reader : writer;
  }

  public S older() {
    return readerIsNew ? writer : reader;
  }
}
