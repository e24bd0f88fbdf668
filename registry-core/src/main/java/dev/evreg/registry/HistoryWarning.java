package dev.evreg.registry;

/** Something in history evreg skipped, such as a schema that does not parse: {@code message} is one line. */
public record HistoryWarning(String subject, String message) {}
