package dev.evreg.registry.config;

import java.util.regex.Pattern;

/**
 * A path pattern over {@code /}-separated paths: {@code **} matches any number of folders,
 * {@code *} any characters within one name, {@code ?} one character. A pattern without
 * wildcards matches that exact path. {@code root()} is the leading folders without wildcards
 * ({@code schemas} for {@code schemas/**}), the folder subject names are taken relative to.
 */
public record Glob(String pattern, Pattern regex, String root) {

  public static Glob of(String pattern) {
    String p = pattern.trim().replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (p.isEmpty() || p.startsWith("/") || p.contains("/../") || p.startsWith("../") || p.equals("..")) {
      throw new IllegalArgumentException("\"" + pattern + "\" is not a path pattern inside the repository");
    }
    if (p.endsWith("/")) {
      p = p + "**";
    }
    return new Glob(p, Pattern.compile(toRegex(p)), rootOf(p));
  }

  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /** True when the pattern is a plain path or name, without wildcards. */
  public boolean isLiteral() {
    return pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '[');
  }

  private static String rootOf(String p) {
    String[] parts = p.split("/");
    StringBuilder root = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].contains("*") || parts[i].contains("?")) {
        break;
      }
      if (root.length() > 0) {
        root.append('/');
      }
      root.append(parts[i]);
    }
    return root.toString();
  }

  private static String toRegex(String p) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
        boolean slashAfter = i + 2 < p.length() && p.charAt(i + 2) == '/';
        if (slashAfter) {
          re.append("(?:.*/)?");
          i += 2;
        } else {
          re.append(".*");
          i += 1;
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
