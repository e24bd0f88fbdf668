import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes N event schemas, a third each of Avro, JSON Schema and Protobuf, deterministically:
 * each has the envelope, 8 to 24 business fields (some personal, some undocumented), a nested
 * record and an enum, so that most rules have something to look at.
 * Usage: java GenerateSchemas.java OUT_DIR N
 */
public final class GenerateSchemas {

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    for (int i = 0; i < n; i++) {
      Path dir = Files.createDirectories(out.resolve("domain" + (i % 20)));
      String name = "Order" + i + (i % 7 == 0 ? "Update" : "Placed");
      int fields = 8 + i % 17;
      switch (i % 3) {
        case 0 -> Files.writeString(dir.resolve(name + ".avsc"), avro(name, "com.acme.domain" + (i % 20), fields, i));
        case 1 -> Files.writeString(dir.resolve(name + ".json"), json(name, fields, i));
        default -> Files.writeString(dir.resolve(name + ".proto"), proto(name, "acme.domain" + (i % 20), fields, i));
      }
    }
  }

  static String avro(String name, String ns, int fields, int seed) {
    StringBuilder sb = new StringBuilder("{\"type\": \"record\", \"name\": \"" + name + "\", \"namespace\": \"" + ns + "\", \"doc\": \"Generated.\",\n \"fields\": [\n");
    sb.append("  {\"name\": \"eventId\", \"type\": {\"type\": \"string\", \"logicalType\": \"uuid\"}, \"doc\": \"Id.\"},\n");
    sb.append("  {\"name\": \"eventType\", \"type\": \"string\", \"doc\": \"Type.\"},\n");
    sb.append("  {\"name\": \"occurredAt\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}, \"doc\": \"When.\"},\n");
    sb.append("  {\"name\": \"source\", \"type\": \"string\", \"doc\": \"Source.\"},\n");
    sb.append("  {\"name\": \"status\", \"type\": {\"type\": \"enum\", \"name\": \"Status\", \"symbols\": [\"PLACED\", \"PAID\", \"shipped\"]}},\n");
    sb.append("  {\"name\": \"address\", \"type\": {\"type\": \"record\", \"name\": \"Address\", \"fields\": [{\"name\": \"street\", \"type\": \"string\"}, {\"name\": \"zipCode\", \"type\": \"string\"}]}}");
    for (int f = 0; f < fields; f++) {
      sb.append(",\n  {\"name\": \"").append(f % 5 == 0 ? "customer_email" + f : "field" + f).append("\", \"type\": ")
          .append(f % 4 == 0 ? "[\"string\", \"null\"], \"default\": \"x\"" : "\"long\"").append(f % 3 == 0 ? "" : ", \"doc\": \"F.\"").append("}");
    }
    return sb.append("\n ]}\n").toString();
  }

  static String json(String name, int fields, int seed) {
    StringBuilder sb = new StringBuilder("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"title\": \"" + name + "\", \"type\": \"object\",\n");
    sb.append(" \"required\": [\"eventId\", \"occurredAt\"],\n \"properties\": {\n");
    sb.append("  \"eventId\": {\"type\": \"string\", \"format\": \"uuid\"},\n");
    sb.append("  \"occurredAt\": {\"type\": \"string\", \"format\": \"date-time\"},\n");
    sb.append("  \"correlationId\": {\"type\": \"string\", \"description\": \"Flow.\"},\n");
    sb.append("  \"shipTo\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"phone\": {\"type\": \"string\"}}}");
    for (int f = 0; f < fields; f++) {
      sb.append(",\n  \"").append(f % 6 == 0 ? "Field_" + f : "field" + f).append("\": {\"type\": \"").append(f % 2 == 0 ? "string" : "integer")
          .append("\"").append(f % 3 == 0 ? "" : ", \"description\": \"F.\"").append("}");
    }
    return sb.append("\n }\n}\n").toString();
  }

  static String proto(String name, String pkg, int fields, int seed) {
    StringBuilder sb = new StringBuilder("syntax = \"proto3\";\npackage " + pkg + ";\n\nimport \"google/protobuf/timestamp.proto\";\n\n");
    sb.append("// Generated.\nmessage ").append(name).append(" {\n");
    sb.append("  // Id.\n  string event_id = 1;\n  google.protobuf.Timestamp occurred_at = 2;\n  string source = 3;\n  Status status = 4;\n");
    for (int f = 0; f < fields; f++) {
      sb.append(f % 3 == 0 ? "" : "  // F.\n").append("  ").append(f % 2 == 0 ? "string " : "int64 ")
          .append(f % 5 == 0 ? "emailAddress" + f : "field_" + f).append(" = ").append(f + 10).append(";\n");
    }
    sb.append("}\n\nenum Status {\n  PLACED = 0;\n  PAID = 1;\n}\n");
    return sb.toString();
  }
}
