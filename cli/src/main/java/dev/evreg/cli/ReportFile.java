package dev.evreg.cli;

import dev.evreg.compat.Finding;
import java.util.List;

/** One file a command checked: its findings, or the one-line error that stopped it. */
record ReportFile(String path, List<Finding> findings, String error) {

  ReportFile {
    findings = List.copyOf(findings);
  }
}
