package dev.evreg.compat;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for names: the nearest candidate by edit distance, if it is near enough. */
public final class Suggestions {

  private Suggestions() {}

  /** The candidate nearest to {@code wrong} (case-insensitive), within a third of its length (at least 2). */
  public static Optional<String> nearest(String wrong, Collection<String> candidates) {
    return nearest(wrong, candidates, 2);
  }

  /** As {@link #nearest(String, Collection)}, allowing at least {@code minDistance} edits. */
  public static Optional<String> nearest(String wrong, Collection<String> candidates, int minDistance) {
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int limit = Math.max(minDistance, w.length() / 3);
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** {@code ; did you mean "x"?} or {@code ; expected one of a, b, c}. */
  public static String hint(String wrong, Collection<String> candidates) {
    return nearest(wrong, candidates).map(s -> "; did you mean \"" + s + "\"?")
        .orElse("; expected one of " + String.join(", ", candidates));
  }

  /** Damerau-Levenshtein distance (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
