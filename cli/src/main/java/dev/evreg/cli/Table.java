package dev.evreg.cli;

import java.io.PrintStream;
import java.util.List;

/** Plain text tables: columns padded to their widest cell, the last column unpadded. */
final class Table {

  private Table() {}

  /** Prints {@code rows}; the first is the header, left out when {@code quiet}. */
  static void print(PrintStream out, List<String[]> rows, boolean quiet) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (int n = quiet ? 1 : 0; n < rows.size(); n++) {
      String[] r = rows.get(n);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        sb.append(i + 1 < cols ? String.format("%-" + width[i] + "s  ", r[i]) : r[i]);
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
