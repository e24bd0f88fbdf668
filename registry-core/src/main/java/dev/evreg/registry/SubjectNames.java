package dev.evreg.registry;

/** Subject names derived from schema paths: the path under the schema root without its extension. */
public final class SubjectNames {

  private SubjectNames() {}

  /** {@code schemas/orders/OrderPlaced.avsc} under root {@code schemas} gives {@code orders/OrderPlaced}. */
  public static String fromPath(String root, String path) {
    String p = path.replace('\\', '/');
    String r = root.replace('\\', '/').replaceAll("/+$", "");
    if (!r.isEmpty() && p.startsWith(r + "/")) {
      p = p.substring(r.length() + 1);
    }
    int slash = p.lastIndexOf('/');
    int dot = p.lastIndexOf('.');
    return dot > slash + 1 ? p.substring(0, dot) : p;
  }

  /** A subject name a registry accepts: non-empty, no control characters, no {@code ..} segment. */
  public static boolean isValid(String subject) {
    if (subject.isEmpty() || subject.length() > 255 || subject.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    for (String segment : subject.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return !subject.startsWith("/");
  }
}
