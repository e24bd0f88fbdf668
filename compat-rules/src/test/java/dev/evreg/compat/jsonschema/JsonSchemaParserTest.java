package dev.evreg.compat.jsonschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.TypeRef;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSchemaParserTest {

  private static JsonSchemaDocument parse(String text) {
    return new JsonSchemaParser().parse(new SourceFile("s.json", text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      http://json-schema.org/draft-04/schema#      | DRAFT_4
      http://json-schema.org/draft-06/schema#      | DRAFT_6
      http://json-schema.org/draft-07/schema       | DRAFT_7
      https://json-schema.org/draft/2019-09/schema | DRAFT_2019_09
      https://json-schema.org/draft/2020-12/schema | DRAFT_2020_12
      https://example.com/custom-meta              | DRAFT_7
      """)
  void draftsAreRecognised(String uri, Draft draft) {
    assertEquals(draft, parse("{\"$schema\": \"" + uri + "\", \"type\": \"object\"}").draft());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown type          | {"type": "object",\\n "properties": {"a": {"type": "strng"}}}    | s.json:2:31: invalid JSON Schema: unknown type "strng"; expected one of null, boolean, object, array, number, integer, string
      negative minLength    | {"properties": {\\n  "a": {"minLength": -1}}}                     | s.json:2:22: invalid JSON Schema: "minLength" must be a non-negative integer, found -1
      schema not an object  | {"properties": {"a": 5}}                                         | s.json:1:22: invalid JSON Schema: a schema must be an object or a boolean, found a number at #/properties/a
      required not strings  | {"required": [1]}                                                 | s.json:1:14: invalid JSON Schema: "required" must be an array of property names
      bad pattern           | {"pattern": "a("}                                                 | s.json:1:13: invalid JSON Schema: "pattern" is not a valid regular expression: Unclosed group
      empty anyOf           | {"anyOf": []}                                                     | s.json:1:11: invalid JSON Schema: "anyOf" must be a non-empty array of schemas
      zero multipleOf       | {"multipleOf": 0}                                                 | s.json:1:16: invalid JSON Schema: "multipleOf" must be a number greater than 0, found 0
      draft4 exclusive      | {"$schema": "http://json-schema.org/draft-04/schema#", "exclusiveMinimum": 3} | s.json:1:76: invalid JSON Schema: "exclusiveMinimum" must be a boolean in draft 4, found 3
      """)
  void badKeywordsAreLocated(String name, String text, String expected) {
    SchemaException e = assertThrows(SchemaException.class, () -> parse(text.replace("\\n", "\n")));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void neutralViewFollowsTheRootRefAndNestedObjects() {
    EventSchema view = parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$ref": "#/definitions/OrderPlaced",
          "definitions": {
            "OrderPlaced": {
              "type": "object",
              "description": "An order was placed.",
              "required": ["eventId", "occurredAt"],
              "properties": {
                "eventId": {"type": "string", "format": "uuid"},
                "occurredAt": {"type": "string", "format": "date-time"},
                "metadata": {"type": "object", "properties": {"source": {"type": "string"}}},
                "status": {"enum": ["PLACED", "PAID"]},
                "note": {"type": ["string", "null"], "x-pii": true}
              }
            }
          }
        }
        """).view();
    assertEquals("OrderPlaced", view.event().name());
    assertEquals("An order was placed.", view.event().doc());
    assertEquals(List.of("eventId", "occurredAt", "metadata", "status", "note"),
        view.event().fields().stream().map(Field::name).toList());
    Field at = view.event().field("occurredAt").orElseThrow();
    assertEquals(TypeRef.Semantic.TIMESTAMP, at.type().semantic());
    assertEquals(false, at.optional());
    assertEquals(11, at.location().line());
    assertEquals("#/definitions/OrderPlaced/properties/occurredAt", at.location().pointer());
    assertEquals(true, view.event().field("note").orElseThrow().optional());
    assertEquals(Boolean.TRUE, view.event().field("note").orElseThrow().properties().get("x-pii"));
    assertEquals(TypeRef.Kind.RECORD, view.event().field("metadata").orElseThrow().type().kind());
    assertEquals("source", view.records().get(1).fields().get(0).name());
    assertEquals(TypeRef.Kind.ENUM, view.event().field("status").orElseThrow().type().kind());
  }

  @Test
  void recursiveSchemasTerminate() {
    EventSchema view = parse("""
        {"$ref": "#/$defs/Node", "$defs": {"Node": {"type": "object",
          "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}}
        """).view();
    assertEquals("Node", view.event().name());
    assertEquals(1, view.records().size());
  }
}
