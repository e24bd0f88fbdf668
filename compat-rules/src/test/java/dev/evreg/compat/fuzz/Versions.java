package dev.evreg.compat.fuzz;

import dev.evreg.compat.SchemaFormat;
import java.util.List;

/**
 * Successive versions of one schema as text, each also in another layout (same schema,
 * other whitespace, member order or comments), for the format-neutral laws.
 */
public record Versions(SchemaFormat format, String extension, List<String> texts, List<String> relaid, String edits) {

  public String show() {
    StringBuilder b = new StringBuilder("edits: " + edits + "\n");
    for (int i = 0; i < texts.size(); i++) {
      b.append("v").append(i + 1).append(extension).append(":\n").append(texts.get(i)).append('\n');
    }
    return b.toString();
  }
}
