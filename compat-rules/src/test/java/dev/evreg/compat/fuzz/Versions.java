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
public record Versions(SchemaFormat format, List<String> texts, List<String> relaid, String edits) {

  /** {@code count} random successive versions of a random schema in the format. */
  public static Versions random(SchemaFormat format, Random r, int count) {
    return switch (format) {
      case AVRO -> AvroVersions.versions(r, count);
      case JSON -> JsonVersions.versions(r, count);
      case PROTOBUF -> ProtoVersions.versions(r, count);
    };
  }

  /** Where a version is read from in folder {@code dir}: {@code order.proto} (its package's file), else {@code schema.EXT}. */
  public String path(String dir) {
    return dir + (format == SchemaFormat.PROTOBUF ? "/order.proto" : "/schema" + format.extension());
  }

  public String show() {
    StringBuilder b = new StringBuilder("edits: " + edits + "\n");
    for (int i = 0; i < texts.size(); i++) {
      b.append("v").append(i + 1).append(format.extension()).append(":\n").append(texts.get(i)).append('\n');
    }
    return b.toString();
  }
}
