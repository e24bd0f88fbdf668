package dev.evreg.compat.json;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers, written with or without a leading '#'. */
public final class JsonPointer {

  private JsonPointer() {}

  public static List<String> tokens(String pointer) {
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    List<String> tokens = new ArrayList<>();
    if (p.isEmpty()) {
      return tokens;
    }
    if (!p.startsWith("/")) {
      throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
    }
    for (String raw : p.substring(1).split("/", -1)) {
      tokens.add(unescape(raw));
    }
    return tokens;
  }

  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  /** {@code base} followed by one more token. */
  public static String append(String base, String token) {
    return base + "/" + escape(token);
  }
}
