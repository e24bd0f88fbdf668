package dev.evreg.compat.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.TypeRef;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AvroSchemaParserTest {

  private static AvroSchema parse(String text) {
    return new AvroSchemaParser().parse(new SourceFile("e.avsc", text));
  }

  /** Each bad schema is reported at the element Avro complains about, in one sentence. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      invalid default      | {"type":"record","name":"R","fields":[\\n {"name":"plan","type":"string","default":5}]} | e.avsc:2:43: invalid Avro schema: the default of field "plan" does not match its type (5 not a "string")
      undefined name       | {"type":"record","name":"R","fields":[\\n {"name":"x","type":"Foo"}]}                       | e.avsc:2:21: invalid Avro schema: unknown type "Foo"; it is neither a primitive type nor a type defined before it in this file
      duplicate field      | {"type":"record","name":"R","fields":[\\n {"name":"x","type":"int"},\\n {"name":"x","type":"int"}]} | e.avsc:3:2: invalid Avro schema: record "R" declares field "x" twice
      bad name             | {"type":"record","name":"1R","fields":[]}                                                  | e.avsc:1:25: invalid Avro schema: Illegal initial character: 1R
      record without name  | {"type":"enum","name":"E","symbols":["A"]}\\n                                               | OK
      no fields            | {"type":"record",\\n "name":"R"}                                                          | e.avsc:1:1: invalid Avro schema: record "R" needs "fields", an array of fields (it may be empty)
      fields not an array  | {"type":"record","name":"R",\\n "fields":"nope"}                                          | e.avsc:2:11: invalid Avro schema: "fields" of record "R" must be an array of field objects
      field without type   | {"type":"record","name":"R","fields":[\\n {"name":"x"}]}                                 | e.avsc:2:2: invalid Avro schema: field "x" of record "R" needs "type"
      misspelt primitive   | {"type":"record","name":"R","fields":[\\n {"name":"x","type":"strin"}]}                  | e.avsc:2:21: invalid Avro schema: unknown type "strin"; did you mean "string"?
      fixed without size   | {"type":"fixed","name":"F"}                                                                | e.avsc:1:1: invalid Avro schema: fixed "F" needs "size", a number of bytes (a non-negative integer)
      a number             | 42                                                                                          | e.avsc:1:1: invalid Avro schema: a schema is a JSON object, an array (a union) or a string (a type name), not a number
      array without items  | {"type":"array"}                                                                            | e.avsc:1:1: invalid Avro schema: an array needs "items", the schema of its elements
      duplicate symbol     | {"type":"enum","name":"E","symbols":["A",\\n "A"]}                                        | e.avsc:2:2: invalid Avro schema: Duplicate enum symbol: A
      unknown type         | {"type":"record","name":"R","fields":[\\n {"name":"x","type":{"type":"foo"}}]}            | e.avsc:2:29: invalid Avro schema: A schema "type" MUST be a primitive type or one of "enum", "fixed", "record", "error", "array" or "map".
      redefined type       | {"type":"record","name":"R","fields":[\\n {"name":"a","type":{"type":"record","name":"R","fields":[]}}]} | e.avsc:2:21: invalid Avro schema: Can't redefine: R
      unresolved root name | "R"                                                                                         | e.avsc:1:1: invalid Avro schema: a schema that is only a type name refers to a type that is not defined in this file
      """)
  void badSchemasAreLocated(String name, String text, String expected) {
    String schema = text.replace("\\n", "\n");
    if (expected.equals("OK")) {
      parse(schema);
      return;
    }
    SchemaException e = assertThrows(SchemaException.class, () -> parse(schema));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void neutralViewHasFieldsTypesAndPositions() {
    EventSchema view = parse("""
        {"type": "record", "name": "OrderPlaced", "namespace": "com.acme", "doc": "An order was placed.",
         "fields": [
          {"name": "eventId", "type": {"type": "string", "logicalType": "uuid"}, "doc": "Unique id."},
          {"name": "occurredAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {"name": "email", "type": ["null", "string"], "default": null, "pii": true},
          {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["PLACED"]}},
          {"name": "meta", "type": {"type": "record", "name": "Meta", "fields": [{"name": "source", "type": "string"}]}}
        ]}
        """).view();
    assertEquals("com.acme.OrderPlaced", view.event().fullName());
    assertEquals("An order was placed.", view.event().doc());
    Field id = view.event().field("eventId").orElseThrow();
    assertEquals(TypeRef.Semantic.UUID, id.type().semantic());
    assertEquals(3, id.location().line());
    assertEquals("/fields/0", id.location().pointer());
    assertEquals(TypeRef.Semantic.TIMESTAMP, view.event().field("occurredAt").orElseThrow().type().semantic());
    Field email = view.event().field("email").orElseThrow();
    assertEquals(true, email.optional());
    assertEquals(TypeRef.Kind.STRING, email.type().nonNull().kind());
    assertEquals(Boolean.TRUE, email.properties().get("pii"));
    assertEquals("null", email.defaultJson());
    assertEquals(java.util.List.of("com.acme.OrderPlaced", "com.acme.Status", "com.acme.Meta"),
        view.types().stream().map(t -> t.fullName()).toList());
    assertEquals(7, view.records().get(1).location().line());
  }
}
