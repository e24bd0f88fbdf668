import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CheckTimeoutException;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.CompatibilityReport;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.json.JsonParser;
import dev.evreg.compat.source.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Compare time of the JSON Schema engine after warm-up, next to the JSON parse of the same two
 * documents (the floor any comparison pays). Schemas are generated, deterministically:
 * "large" has 1,000 leaf properties across nested objects and arrays; "pathological" has a
 * oneOf of 50 branches at each of 30 levels, with a $ref cycle back to the top.
 */
public final class JsonSchemaBench {

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    run("large (1,000 properties)", large(false), large(true), iterations, Duration.ofSeconds(5));
    run("pathological (oneOf x50, 30 levels, $ref cycle)", pathological(false), pathological(true),
        Math.max(5, iterations / 5), Duration.ofSeconds(5));
  }

  static void run(String name, String oldText, String newText, int iterations, Duration bound) {
    SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS);
    CheckOptions options = CheckOptions.DEFAULTS.withTimeout(bound);
    JsonParser json = new JsonParser();
    List<Double> parse = new ArrayList<>();
    List<Double> compare = new ArrayList<>();
    String verdict = "";
    int warmup = Math.max(3, iterations / 2);
    for (int i = 0; i < warmup + iterations; i++) {
      long t0 = System.nanoTime();
      json.parse(new SourceFile("old.json", oldText));
      json.parse(new SourceFile("new.json", newText));
      long t1 = System.nanoTime();
      ParsedSchema old = reader.parse(new SourceFile("old.json", oldText), SchemaFormat.JSON);
      ParsedSchema candidate = reader.parse(new SourceFile("new.json", newText), SchemaFormat.JSON);
      long t2 = System.nanoTime();
      try {
        CompatibilityReport r = CompatibilityChecker.standard().check(Level.FULL, List.of(old), candidate, options);
        verdict = (r.compatible() ? "compatible" : "incompatible") + ", " + r.findings().size() + " findings";
      } catch (CheckTimeoutException e) {
        verdict = "timed out cleanly: " + e.reason();
      }
      long t3 = System.nanoTime();
      if (i >= warmup) {
        parse.add((t1 - t0) / 1e6);
        compare.add((t3 - t2) / 1e6);
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d KB + %d KB of JSON, FULL, %s%n", name, oldText.length() / 1024, newText.length() / 1024, verdict);
    System.out.printf(Locale.ROOT, "  JSON parse of both (baseline)  median %8.2f ms  p90 %8.2f ms%n", median(parse), p90(parse));
    System.out.printf(Locale.ROOT, "  compare (FULL: both directions) median %8.2f ms  p90 %8.2f ms  = %.1fx the parse%n",
        median(compare), p90(compare), median(compare) / median(parse));
  }

  /** 10 objects x 10 objects x 10 string properties, with an array of objects at each middle level. */
  static String large(boolean changed) {
    StringBuilder sb = new StringBuilder("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"properties\":{");
    for (int a = 0; a < 10; a++) {
      sb.append(a == 0 ? "" : ",").append("\"group").append(a).append("\":{\"type\":\"object\",\"properties\":{");
      for (int b = 0; b < 10; b++) {
        sb.append(b == 0 ? "" : ",").append("\"section").append(b).append("\":{\"type\":\"array\",\"items\":{\"type\":\"object\",")
            .append("\"additionalProperties\":false,\"required\":[\"field0\"],\"properties\":{");
        for (int c = 0; c < 10; c++) {
          int max = changed && a == 9 && b == 9 && c == 9 ? 64 : 128;
          sb.append(c == 0 ? "" : ",").append("\"field").append(c).append("\":{\"type\":\"string\",\"maxLength\":").append(max)
              .append(",\"description\":\"Field ").append(a).append('.').append(b).append('.').append(c).append("\"}");
        }
        if (changed && a == 0 && b == 0) {
          sb.append(",\"added\":{\"type\":\"integer\"}");
        }
        sb.append("}}}");
      }
      sb.append("}}");
    }
    return sb.append("}}").toString();
  }

  static String pathological(boolean changed) {
    int levels = 30;
    StringBuilder sb = new StringBuilder("{\"$ref\":\"#/definitions/L0\",\"definitions\":{");
    for (int i = 0; i < levels; i++) {
      int next = (i + 1) % levels;
      sb.append(i == 0 ? "" : ",").append("\"L").append(i).append("\":{\"type\":\"object\",\"properties\":{\"next\":{\"oneOf\":[");
      for (int k = 0; k < 50; k++) {
        sb.append(k == 0 ? "" : ",").append("{\"allOf\":[{\"$ref\":\"#/definitions/L").append(next)
            .append("\"},{\"minProperties\":").append(k).append("}]}");
      }
      sb.append("]},\"value\":{\"type\":\"").append(changed && i == levels - 1 ? "integer" : "string").append("\"}}}");
    }
    return sb.append("}}").toString();
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  static double p90(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.9) - 1));
  }
}
