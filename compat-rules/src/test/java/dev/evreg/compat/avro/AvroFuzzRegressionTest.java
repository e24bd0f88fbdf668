package dev.evreg.compat.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.Level;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Cases the fuzz properties found (docs/testing/fuzzing.md), kept as plain tests. */
class AvroFuzzRegressionTest {

  private static AvroSchema parse(String name, String text) {
    return new AvroSchemaParser().parse(new SourceFile(name, text));
  }

  /** avro-parse: the canonical form (versions, ids) depended on the order of a type's properties. */
  @Test
  void canonicalFormIgnoresTheOrderOfProperties() {
    String a = """
        {"type":"record","name":"R","fields":[
          {"name":"p","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":4}},
          {"name":"q","type":{"type":"record","name":"Q","fields":[{"name":"x","type":"int"},{"name":"y","type":"int"}]},
           "default":{"x":1,"y":2}}]}""";
    String b = """
        {"fields":[
          {"type":{"scale":4,"precision":10,"type":"bytes","logicalType":"decimal"},"name":"p"},
          {"default":{"y":2,"x":1},"name":"q",
           "type":{"fields":[{"name":"x","type":"int"},{"type":"int","name":"y"}],"name":"Q","type":"record"}}],
         "name":"R","type":"record"}""";
    assertEquals(parse("a.avsc", a).canonical(), parse("b.avsc", b).canonical());
    assertEquals(parse("a.avsc", a).schema().toString(), parse("a.avsc", a).canonical(),
        "a schema already in order keeps Avro's own rendering");
  }

  /** avro-parse: Jackson's escapes are kept when the canonical form is rewritten. */
  @Test
  void canonicalFormKeepsAvrosEscapes() {
    String a = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":1,\"b\":\"\\u001f\",\"a\":1}";
    String b = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":1,\"a\":1,\"b\":\"\\u001f\"}";
    assertEquals(parse("b.avsc", b).schema().toString(), parse("a.avsc", a).canonical());
  }

  /**
   * avro-differential: a reader field whose alias names another field of the writer's record
   * made Avro's checker throw, which escaped as an internal error (exit 3).
   */
  @Test
  void aliasMatchingASecondWriterFieldIsBadInputAtTheAlias() {
    AvroSchema old = parse("old.avsc", """
        {"type":"record","name":"R","fields":[{"name":"kind","type":"string"},{"name":"status","type":"string"}]}""");
    AvroSchema neu = parse("new.avsc", """
        {"type":"record","name":"R","fields":[
          {"name":"kind","type":"string","aliases":["status"]}]}""");
    SchemaException e = assertThrows(SchemaException.class,
        () -> CompatibilityChecker.standard().compare(Level.BACKWARD, old, neu, CheckOptions.DEFAULTS));
    assertEquals("new.avsc:2:44: field \"kind\" of record \"R\" matches 2 fields of record \"R\" in old.avsc by its"
        + " name and aliases (\"kind\", \"status\"), so Avro cannot tell which one to read; drop the alias that names"
        + " another field", e.getMessage());
    assertEquals(java.util.List.of("READER_FIELD_MISSING_DEFAULT_VALUE"), CompatibilityChecker.standard()
        .compare(Level.FORWARD, old, neu, CheckOptions.DEFAULTS).stream().map(f -> f.ruleId()).toList(),
        "the other direction has no alias to follow and is judged as usual");
  }

  /** laws-avro (10-minute run): the same when the records' names differ, which Avro's checker pairs anyway at the top. */
  @Test
  void ambiguousAliasIsLocatedWhenTheRecordWasRenamed() {
    AvroSchema old = parse("old.avsc", """
        {"type":"record","name":"A","fields":[{"name":"owner","type":"double"},{"name":"x","type":"bytes"}]}""");
    AvroSchema neu = parse("new.avsc", """
        {"type":"record","name":"B","fields":[{"name":"x","type":"double","aliases":["owner"]}]}""");
    SchemaException e = assertThrows(SchemaException.class,
        () -> CompatibilityChecker.standard().compare(Level.BACKWARD, old, neu, CheckOptions.DEFAULTS));
    assertEquals("new.avsc:1:77: field \"x\" of record \"B\" matches 2 fields of record \"A\" in old.avsc by its name"
        + " and aliases (\"x\", \"owner\"), so Avro cannot tell which one to read; drop the alias that names another"
        + " field", e.getMessage());
  }

  /**
   * avro-semantic (seed 20261124, case 186245): Avro's parser accepts a union default that
   * matches a later branch, its decoder encodes it with the first branch of a fitting kind (a
   * record fits any value). evreg keeps Avro's verdict; AVRO_DEFAULT_UNUSABLE lints it
   * (docs/compat/avro-differences.md); this pins the inconsistency, so a fixed Avro shows here.
   */
  @Test
  void unionDefaultOfALaterBranchIsAcceptedByAvroButNotUsableByItsDecoder() {
    AvroSchema old = parse("old.avsc", """
        {"type":"record","name":"E","fields":[{"name":"ratio","type":"int"}]}""");
    AvroSchema neu = parse("new.avsc", """
        {"type":"record","name":"E","fields":[{"name":"ratio","type":"int"},
          {"name":"status","type":{"type":"record","name":"S","fields":[
            {"name":"amount","type":[{"type":"record","name":"A","fields":[{"name":"lines","type":"string"}]},"int"]}]},
           "default":{"amount":5}}]}""");
    assertEquals(java.util.List.of(), CompatibilityChecker.standard()
        .compare(Level.BACKWARD, old, neu, CheckOptions.DEFAULTS), "Avro's checker: the new field has a default");
    org.apache.avro.Schema.Field status = neu.schema().getField("status");
    assertThrows(org.apache.avro.AvroTypeException.class,
        () -> org.apache.avro.generic.GenericData.get().getDefaultValue(status),
        "Avro's decoder encodes 5 with the union's record branch, which takes any value, and finds no \"lines\"");
  }
}
