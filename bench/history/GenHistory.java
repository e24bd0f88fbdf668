import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a git fast-import stream of a schema repository: SUBJECTS Avro subjects, each changed
 * VERSIONS times, one subject per commit (SUBJECTS x VERSIONS commits on refs/heads/main, with
 * fixed author dates), every change compatible (a field with a default added). Deterministic:
 * the same arguments give the same commits.
 *
 *   java bench/history/GenHistory.java 500 20 | git fast-import --quiet
 */
public final class GenHistory {

  static final long START = 1_767_225_600L; // 2026-01-01T00:00:00Z

  public static void main(String[] args) throws IOException {
    int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int versions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (OutputStream out = new BufferedOutputStream(System.out, 1 << 20)) {
      int mark = 0;
      for (int v = 1; v <= versions; v++) {
        for (int s = 0; s < subjects; s++) {
          mark++;
          long when = START + mark * 60L;
          String msg = "Event" + s + ": version " + v + "\n";
          StringBuilder c = new StringBuilder();
          c.append("commit refs/heads/main\nmark :").append(mark).append('\n');
          c.append("author Bench <bench@example.invalid> ").append(when).append(" +0000\n");
          c.append("committer Bench <bench@example.invalid> ").append(when).append(" +0000\n");
          c.append("data ").append(bytes(msg)).append('\n').append(msg);
          if (mark > 1) {
            c.append("from :").append(mark - 1).append('\n');
          }
          String schema = schema(s, v);
          c.append("M 100644 inline ").append(path(s)).append("\ndata ").append(bytes(schema)).append('\n')
              .append(schema).append('\n');
          out.write(c.toString().getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  static String path(int s) {
    return "schemas/domain" + (s % 25) + "/Event" + s + ".avsc";
  }

  /** Version v of subject s: an id, then v - 1 optional fields. */
  static String schema(int s, int v) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"type\": \"record\",\n  \"name\": \"Event").append(s)
        .append("\",\n  \"namespace\": \"com.acme.domain").append(s % 25).append("\",\n  \"fields\": [\n");
    sb.append("    {\"name\": \"id\", \"type\": \"string\"}");
    for (int f = 1; f < v; f++) {
      sb.append(",\n    {\"name\": \"field").append(f).append("\", \"type\": \"long\", \"default\": ").append(f).append('}');
    }
    return sb.append("\n  ]\n}\n").toString();
  }

  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
