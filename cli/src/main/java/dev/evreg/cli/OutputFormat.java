package dev.evreg.cli;

/** How findings are printed. */
enum OutputFormat {
  TEXT,
  JSON
}
