package dev.evreg.compat.fuzz.protobuf;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.fuzz.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random .proto histories for the laws and the robustness properties. */
public final class ProtoVersions {

  private ProtoVersions() {}

  public static Versions versions(Random r, int count) {
    ProtoGen gen = new ProtoGen(r);
    ProtoGen.PFile v = gen.file();
    List<String> texts = new ArrayList<>();
    List<String> relaid = new ArrayList<>();
    List<String> edits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        ProtoEvolve e = new ProtoEvolve(gen);
        v = e.evolve(v);
        edits.add(String.join("; ", e.log()));
      }
      texts.add(ProtoGen.render(v, null, false));
      relaid.add(ProtoGen.render(v, new Random(r.nextLong()), true));
    }
    return new Versions(SchemaFormat.PROTOBUF, texts, relaid, String.join(" | ", edits));
  }
}
