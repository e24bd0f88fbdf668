package dev.evreg.compat.protobuf;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityEngine;
import dev.evreg.compat.Finding;
import dev.evreg.compat.ReadPair;
import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Protobuf compatibility: {@link ProtoDiff} says what changed from the older file to the newer,
 * {@link ProtoPolicy} says which of those changes break for the chosen rule set in the pair's
 * direction. Each breaking change becomes an error located in both files.
 */
public final class ProtoCompatibility implements CompatibilityEngine<ProtoSchema> {

  /** The last pair compared: FULL levels ask for both directions of the same pair. */
  private volatile Diffed last;

  private record Diffed(ProtoSchema older, ProtoSchema newer, List<ProtoDiff.Change> changes) {}

  @Override
  public SchemaFormat format() {
    return SchemaFormat.PROTOBUF;
  }

  /** The change types that break under some rule set and direction, as catalogue rules. */
  public static List<RuleInfo> rules() {
    return Arrays.stream(ProtoChange.values()).filter(ProtoPolicy::canBreak)
        .map(c -> new RuleInfo(c.name(), "COMPATIBILITY", Severity.ERROR, c.summary())).toList();
  }

  @Override
  public List<Finding> canRead(ReadPair<ProtoSchema> pair, CheckOptions options) {
    List<Finding> findings = new ArrayList<>();
    for (ProtoDiff.Change c : changes(pair.older(), pair.newer())) {
      if (ProtoPolicy.breaks(options.protoRules(), c.type(), pair.readerIsNew())) {
        findings.add(new Finding(c.type().name(), Severity.ERROR, message(c), c.location(), c.previous()));
      }
    }
    findings.sort(Comparator.comparing((Finding f) -> f.location().path())
        .thenComparingInt(f -> f.location().line())
        .thenComparingInt(f -> f.location().column()));
    return List.copyOf(findings);
  }

  private List<ProtoDiff.Change> changes(ProtoSchema older, ProtoSchema newer) {
    Diffed d = last;
    if (d == null || d.older() != older || d.newer() != newer) {
      d = new Diffed(older, newer, ProtoDiff.compare(older, newer));
      last = d;
    }
    return d.changes();
  }

  /** The change, then why it breaks and how to fix it: {@code Field "2" ("qty") ... changed type ... . Only ...}. */
  static String message(ProtoDiff.Change c) {
    String reason = c.type().reason();
    return c.description() + ". " + Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
  }
}
