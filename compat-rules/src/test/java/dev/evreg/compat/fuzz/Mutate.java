package dev.evreg.compat.fuzz;

import dev.evreg.compat.SchemaFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad inputs made from valid schema text: truncations, byte flips, deleted and repeated
 * ranges, invalid UTF-8, NUL bytes, huge and odd numbers, very long names, very deep nesting,
 * and {@code $ref} loops. The result may still be valid; the robustness properties only ask
 * that nothing crashes, hangs or escapes.
 */
public final class Mutate {

  private Mutate() {}

  /** A mutated file: what was done, and the bytes. */
  public record Mutant(String how, byte[] bytes) {
    public String preview() {
      String s = new String(bytes, StandardCharsets.UTF_8);
      return s.length() > 600 ? s.substring(0, 300) + " ... (" + bytes.length + " bytes) ... "
          + s.substring(s.length() - 200) : s;
    }
  }

  public static Mutant mutate(SchemaFormat format, String text, Random r) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    switch (r.nextInt(12)) {
      case 0 -> {
        int at = r.nextInt(b.length + 1);
        return new Mutant("truncated at byte " + at, java.util.Arrays.copyOf(b, at));
      }
      case 1 -> {
        byte[] c = b.clone();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && c.length > 0; i++) {
          c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return new Mutant(n + " bits flipped", c);
      }
      case 2 -> {
        int from = r.nextInt(b.length + 1);
        int to = Math.min(b.length, from + 1 + r.nextInt(40));
        return new Mutant("bytes " + from + ".." + to + " deleted", concat(slice(b, 0, from), slice(b, to, b.length)));
      }
      case 3 -> {
        int from = r.nextInt(b.length + 1);
        int to = Math.min(b.length, from + 1 + r.nextInt(60));
        return new Mutant("bytes " + from + ".." + to + " repeated",
            concat(slice(b, 0, to), slice(b, from, to), slice(b, to, b.length)));
      }
      case 4 -> {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x9F}};
        int k = r.nextInt(bad.length);
        int at = r.nextInt(b.length + 1);
        return new Mutant("bytes " + hex(bad[k]) + " inserted at " + at, concat(slice(b, 0, at), bad[k], slice(b, at, b.length)));
      }
      case 5 -> {
        String[] numbers = {"1e99999999", "99999999999999999999999999999999", "-1e-99999", "0.0000000000000000001",
            "-0", "4294967296", "536870912", "19500", "NaN", "1e309"};
        return replaceFirst(text, Pattern.compile("(?<![A-Za-z_])[0-9]+(\\.[0-9]+)?"), numbers[r.nextInt(numbers.length)],
            "number replaced", r);
      }
      case 6 -> {
        String name = "N" + "a".repeat(1000 + r.nextInt(200_000));
        Pattern p = format == SchemaFormat.PROTOBUF ? Pattern.compile("(?<=message |enum )[A-Za-z0-9_]+|(?<= )[a-z_]+(?= =)")
            : Pattern.compile("(?<=\"name\":\")[^\"]+|(?<=\"properties\":\\{\")[^\"]+");
        return replaceFirst(text, p, name, "a name of " + name.length() + " characters", r);
      }
      case 7 -> {
        return deep(format, 500 + r.nextInt(r.nextBoolean() ? 3000 : 60_000));
      }
      case 8 -> {
        if (format == SchemaFormat.JSON && text.startsWith("{")) {
          String loop = r.nextBoolean()
              ? "\"definitions\":{\"a\":{\"$ref\":\"#/definitions/b\"},\"b\":{\"$ref\":\"#/definitions/a\"}},"
                  + "\"properties\":{\"loop\":{\"$ref\":\"#/definitions/a\"}},"
              : "\"properties\":{\"self\":{\"$ref\":\"#\"}},\"$ref\":\"#/properties/self\",";
          return new Mutant("$ref loop", ("{" + loop + text.substring(1)).getBytes(StandardCharsets.UTF_8));
        }
        return new Mutant("line endings CRLF", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      case 9 -> {
        int at = r.nextInt(text.length() + 1);
        String junk = new String[] {"{", "}", "[", "]", "\"", ",", ":", ";", "=", "<", ">", "\\", "/*", "//", "\u0000",
            "\uFEFF", "\uD83D\uDE00", "import \"x.proto\";", "\"$ref\":\"http://example.com/x.json\","}[r.nextInt(19)];
        return new Mutant("inserted " + junk.replace("\u0000", "NUL") + " at " + at,
            (text.substring(0, at) + junk + text.substring(at)).getBytes(StandardCharsets.UTF_8));
      }
      case 10 -> {
        return new Mutant("empty", new byte[0]);
      }
      default -> {
        String t = text;
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n && !t.isEmpty(); i++) {
          int at = r.nextInt(t.length());
          t = t.substring(0, at) + (char) (33 + r.nextInt(94)) + t.substring(at + 1);
        }
        return new Mutant(n + " characters replaced", t.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** A schema nested {@code depth} levels deep, in the format's own terms. */
  public static Mutant deep(SchemaFormat format, int depth) {
    StringBuilder b = new StringBuilder();
    switch (format) {
      case AVRO -> {
        b.append("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":");
        b.append("{\"type\":\"array\",\"items\":".repeat(depth)).append("\"int\"").append("}".repeat(depth)).append("}]}");
      }
      case JSON -> {
        b.append("{\"type\":\"object\",\"properties\":{\"a\":");
        b.append("{\"items\":".repeat(depth)).append("{}").append("}".repeat(depth)).append("}}");
      }
      case PROTOBUF -> {
        int d = Math.min(depth, 20_000);
        b.append("syntax = \"proto3\";\n");
        for (int i = 0; i < d; i++) {
          b.append("message M").append(i).append(" {\n");
        }
        b.append("int32 x = 1;\n").append("}\n".repeat(d));
      }
    }
    return new Mutant("nested " + depth + " levels deep", b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Mutant replaceFirst(String text, Pattern p, String with, String how, Random r) {
    Matcher m = p.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    if (count == 0) {
      return new Mutant("unchanged (" + how + " found nothing to replace)", text.getBytes(StandardCharsets.UTF_8));
    }
    int pick = r.nextInt(count);
    m.reset();
    for (int i = 0; i <= pick; i++) {
      m.find();
    }
    String out = text.substring(0, m.start()) + with + text.substring(m.end());
    return new Mutant(how, out.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, Math.max(from, to));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xff));
    }
    return s.toString();
  }
}
