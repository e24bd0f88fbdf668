package dev.evreg.compat.fuzz.avro;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.fuzz.Tree;
import dev.evreg.compat.fuzz.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random Avro histories for the laws and the robustness properties. */
public final class AvroVersions {

  private AvroVersions() {}

  public static Versions versions(Random r, int count) {
    AvroGen gen = new AvroGen(r);
    AvroGen.Rec v = gen.schema();
    List<String> texts = new ArrayList<>();
    List<String> relaid = new ArrayList<>();
    List<String> edits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        AvroEvolve e = new AvroEvolve(gen);
        v = e.evolve(v);
        edits.add(String.join("; ", e.log()));
      }
      texts.add(AvroGen.render(v, Tree.Style.COMPACT, r.nextBoolean()));
      relaid.add(AvroGen.render(v, Tree.Style.random(r), r.nextBoolean()));
    }
    texts.forEach(AvroGen::avro);
    return new Versions(SchemaFormat.AVRO, texts, relaid, String.join(" | ", edits));
  }
}
