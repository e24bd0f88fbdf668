package dev.evreg.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of a schema's canonical form, written {@code sha256:<64 hex digits>}: equal for two
 * files that differ only in formatting, so it names "the same schema" in ids and waivers.
 */
public record Fingerprint(String hex) {

  public static final String PREFIX = "sha256:";

  public Fingerprint {
    Objects.requireNonNull(hex, "hex == null");
    if (!isHex64(hex)) {
      throw new IllegalArgumentException("not 64 lower-case hex digits: " + hex);
    }
  }

  /** Checked by hand: the history cache creates one per schema, and a regex per call shows in start-up time. */
  private static boolean isHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && f.hex.equals(hex);
  }

  @Override
  public int hashCode() {
    return hex.hashCode();
  }

  public static Fingerprint of(String canonical) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return new Fingerprint(HexFormat.of().formatHex(d));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Parses {@code sha256:<hex>} (the prefix may be left out). */
  public static Fingerprint parse(String text) {
    String t = text.trim();
    return new Fingerprint(t.startsWith(PREFIX) ? t.substring(PREFIX.length()) : t);
  }

  /** The first 12 hex digits, for tables. */
  public String shortForm() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return PREFIX + hex;
  }
}
