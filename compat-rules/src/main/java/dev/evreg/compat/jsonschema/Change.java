package dev.evreg.compat.jsonschema;

import dev.evreg.compat.Location;

/**
 * One difference found by the diff: its type, the logical path where it is
 * ({@code #/properties/email/maxLength}), where it is written on the writer side (the schema
 * whose documents must stay valid) and on the reader side, and the values for the message.
 */
public record Change(JsonChange type, String path, Location writer, Location reader,
    String keyword, String writerValue, String readerValue) {}
