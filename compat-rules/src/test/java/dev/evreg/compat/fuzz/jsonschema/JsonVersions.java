package dev.evreg.compat.fuzz.jsonschema;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.fuzz.Tree;
import dev.evreg.compat.fuzz.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random JSON Schema histories for the laws and the robustness properties. */
public final class JsonVersions {

  private JsonVersions() {}

  public static Versions versions(Random r, int count) {
    JsonSchemaGen gen = new JsonSchemaGen(r);
    Map<String, Object> v = gen.schema();
    List<String> texts = new ArrayList<>();
    List<String> relaid = new ArrayList<>();
    List<String> edits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        JsonEvolve e = new JsonEvolve(gen);
        v = e.evolve(v);
        edits.add(String.join("; ", e.log()));
      }
      texts.add(Tree.compact(v));
      relaid.add(Tree.render(v, Tree.Style.random(r)));
    }
    return new Versions(SchemaFormat.JSON, texts, relaid, String.join(" | ", edits));
  }
}
