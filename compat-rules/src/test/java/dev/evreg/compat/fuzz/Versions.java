package dev.evreg.compat.fuzz;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.fuzz.avro.AvroVersions;
import dev.evreg.compat.fuzz.jsonschema.JsonVersions;
import dev.evreg.compat.fuzz.protobuf.ProtoVersions;
import java.util.List;
import java.util.Random;

/**
 * Successive versions of one schema as text, each also in another layout (same schema,
 * other whitespace, member order or comments), for the format-neutral laws.
 */
public record Versions(SchemaFormat format, String extension, List<String> texts, List<String> relaid, String edits) {

  /** {@code count} random successive versions of a random schema in the format. */
  public static Versions random(SchemaFormat format, Random r, int count) {
    return switch (format) {
      case AVRO -> AvroVersions.versions(r, count);
      case JSON -> JsonVersions.versions(r, count);
      case PROTOBUF -> ProtoVersions.versions(r, count);
    };
  }

  public String show() {
    StringBuilder b = new StringBuilder("edits: " + edits + "\n");
    for (int i = 0; i < texts.size(); i++) {
      b.append("v").append(i + 1).append(extension).append(":\n").append(texts.get(i)).append('\n');
    }
    return b.toString();
  }
}
