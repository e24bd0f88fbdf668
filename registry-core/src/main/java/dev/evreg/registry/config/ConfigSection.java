package dev.evreg.registry.config;

/**
 * One top-level key of {@code evreg.yaml}: its default and how its value is read. New features
 * add their section to {@link ConfigSections#ALL}; keys no section claims are errors.
 */
public interface ConfigSection<T> {

  String key();

  T defaults();

  T parse(YamlNode value);
}
