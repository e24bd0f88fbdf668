package dev.evreg.registry.config;

import dev.evreg.compat.JsonPolicy;
import dev.evreg.compat.Level;
import dev.evreg.compat.ProtoRules;

/**
 * Settings for the subjects a name or glob selects; a null setting keeps the default.
 * {@code line} is where it is written, for messages.
 */
public record SubjectOverride(Glob subjects, Level level, JsonPolicy jsonPolicy, ProtoRules protoRules, int line) {}
