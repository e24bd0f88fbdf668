package dev.evreg.registry.config;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.ProtoRules;
import java.util.List;
import java.util.Optional;

/**
 * The default level, JSON Schema policy and Protobuf rule set, and per-subject overrides. For a
 * subject, an override naming it exactly wins; otherwise the first glob that matches it.
 */
public record CompatibilitySettings(Level level, JsonPolicy jsonPolicy, ProtoRules protoRules,
    List<SubjectOverride> overrides) {

  public static final CompatibilitySettings DEFAULTS =
      new CompatibilitySettings(Level.BACKWARD, JsonPolicy.STRICT, ProtoRules.REGISTRY, List.of());

  public CompatibilitySettings {
    overrides = List.copyOf(overrides);
  }

  public Optional<SubjectOverride> overrideFor(String subject) {
    return overrides.stream().filter(o -> o.subjects().isLiteral() && o.subjects().pattern().equals(subject)).findFirst()
        .or(() -> overrides.stream().filter(o -> !o.subjects().isLiteral() && o.subjects().matches(subject)).findFirst());
  }

  public Level levelFor(String subject) {
    return overrideFor(subject).map(SubjectOverride::level).filter(l -> l != null).orElse(level);
  }

  public CheckOptions optionsFor(String subject) {
    Optional<SubjectOverride> o = overrideFor(subject);
    JsonPolicy p = o.map(SubjectOverride::jsonPolicy).filter(x -> x != null).orElse(jsonPolicy);
    ProtoRules r = o.map(SubjectOverride::protoRules).filter(x -> x != null).orElse(protoRules);
    return CheckOptions.DEFAULTS.withJsonPolicy(p).withProtoRules(r);
  }
}
