package dev.evreg.compat;

import java.time.Duration;
import java.util.Objects;

/** Settings of one compatibility check. */
public record CheckOptions(JsonPolicy jsonPolicy, ProtoRules protoRules, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public static final CheckOptions DEFAULTS = new CheckOptions(JsonPolicy.STRICT, ProtoRules.REGISTRY, DEFAULT_TIMEOUT);

  public CheckOptions {
    Objects.requireNonNull(jsonPolicy, "jsonPolicy == null");
    Objects.requireNonNull(protoRules, "protoRules == null");
    Objects.requireNonNull(timeout, "timeout == null");
  }

  public CheckOptions withJsonPolicy(JsonPolicy p) {
    return new CheckOptions(p, protoRules, timeout);
  }

  public CheckOptions withProtoRules(ProtoRules r) {
    return new CheckOptions(jsonPolicy, r, timeout);
  }

  public CheckOptions withTimeout(Duration t) {
    return new CheckOptions(jsonPolicy, protoRules, t);
  }
}
