package dev.evreg.compat.lint;

import dev.evreg.compat.RuleInfo;
import dev.evreg.compat.lint.rules.AvroDefaultUnusable;
import dev.evreg.compat.lint.rules.AvroOptionalFieldForm;
import dev.evreg.compat.lint.rules.CloudEventsAttributeName;
import dev.evreg.compat.lint.rules.CloudEventsAttributeNameLength;
import dev.evreg.compat.lint.rules.EnumSymbolUpperSnake;
import dev.evreg.compat.lint.rules.EnvelopeEventIdNotUuid;
import dev.evreg.compat.lint.rules.EnvelopeFieldMissing;
import dev.evreg.compat.lint.rules.EnvelopeFieldOptional;
import dev.evreg.compat.lint.rules.EnvelopeFieldType;
import dev.evreg.compat.lint.rules.EventDocMissing;
import dev.evreg.compat.lint.rules.EventNamePascalCase;
import dev.evreg.compat.lint.rules.EventNamePastTense;
import dev.evreg.compat.lint.rules.FieldDocMissing;
import dev.evreg.compat.lint.rules.FieldNameCase;
import dev.evreg.compat.lint.rules.JsonAdditionalPropertiesExplicit;
import dev.evreg.compat.lint.rules.NamespaceMatchesFolder;
import dev.evreg.compat.lint.rules.PiiUnclassified;
import dev.evreg.compat.lint.rules.ProtoEnumZeroUnspecified;
import dev.evreg.compat.lint.rules.ProtoNoRequired;
import dev.evreg.compat.lint.rules.ProtoReserveRemovedFields;
import java.util.List;
import java.util.stream.Stream;

/** The built-in lint rules, sorted by id. */
public final class LintRules {

  private static final List<LintRule> ALL = List.of(
      new AvroDefaultUnusable(),
      new AvroOptionalFieldForm(),
      new CloudEventsAttributeName(),
      new CloudEventsAttributeNameLength(),
      new EnumSymbolUpperSnake(),
      new EnvelopeEventIdNotUuid(),
      new EnvelopeFieldMissing(),
      new EnvelopeFieldOptional(),
      new EnvelopeFieldType(),
      new EventDocMissing(),
      new EventNamePascalCase(),
      new EventNamePastTense(),
      new FieldDocMissing(),
      new FieldNameCase(),
      new JsonAdditionalPropertiesExplicit(),
      new NamespaceMatchesFolder(),
      new PiiUnclassified(),
      new ProtoEnumZeroUnspecified(),
      new ProtoNoRequired());

  private static final List<ChangeLintRule> CHANGE_RULES = List.of(new ProtoReserveRemovedFields());

  private LintRules() {}

  public static List<LintRule> all() {
    return ALL;
  }

  public static List<ChangeLintRule> changeRules() {
    return CHANGE_RULES;
  }

  /** The catalogue entries of every lint rule. */
  public static List<RuleInfo> infos() {
    return Stream.concat(ALL.stream().map(LintRule::info), CHANGE_RULES.stream().map(ChangeLintRule::info)).toList();
  }
}
