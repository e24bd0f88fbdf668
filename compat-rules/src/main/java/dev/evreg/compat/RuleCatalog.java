package dev.evreg.compat;

import dev.evreg.compat.avro.AvroCompatibility;
import dev.evreg.compat.protobuf.ProtoCompatibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The one registry of built-in rules, sorted by id. */
public final class RuleCatalog {

  private static final List<RuleInfo> BUILT_IN = build();
  private static final Set<String> CATEGORIES = BUILT_IN.stream().map(RuleInfo::category)
      .collect(Collectors.toCollection(TreeSet::new));

  private RuleCatalog() {}

  private static List<RuleInfo> build() {
    List<RuleInfo> all = new ArrayList<>();
    for (CoreRule r : CoreRule.values()) {
      all.add(r.info());
    }
    all.addAll(AvroCompatibility.rules());
    all.addAll(dev.evreg.compat.jsonschema.JsonSchemaCompatibility.rules());
    all.addAll(dev.evreg.compat.lint.LintRules.infos());
    all.addAll(ProtoCompatibility.rules());
    all.sort(Comparator.comparing(RuleInfo::id));
    Set<String> seen = new HashSet<>();
    for (RuleInfo r : all) {
      if (!seen.add(r.id())) {
        throw new IllegalStateException("two rules share the id " + r.id());
      }
    }
    return List.copyOf(all);
  }

  public static List<RuleInfo> builtIn() {
    return BUILT_IN;
  }

  /** The categories of the built-in rules, sorted. */
  public static Set<String> categories() {
    return Collections.unmodifiableSet(CATEGORIES);
  }

  public static Optional<RuleInfo> find(String id) {
    return BUILT_IN.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
