package dev.evreg.compat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.source.Position;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.compat.source.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonParserTest {

  private final JsonParser parser = new JsonParser();

  private JsonValue parse(String text) {
    return parser.parse(new SourceFile("s.json", text));
  }

  @Test
  void valuesKeepTheirLineAndColumn() {
    JsonValue v = parse("{\n  \"a\": [1, {\"b\": true}],\n  \"c\": \"x\"\n}");
    assertEquals(new Position(1, 1), v.position());
    assertEquals(new Position(2, 8), v.at("/a").position());
    assertEquals(new Position(2, 12), v.at("/a/1").position());
    assertEquals(new Position(2, 18), v.at("#/a/1/b").position());
    assertEquals(new Position(3, 3), ((JsonObject) v).positionOf("c"));
    assertEquals("x", ((JsonString) v.at("/c")).value());
  }

  @Test
  void numbersKeepTheirSpelling() {
    JsonNumber n = (JsonNumber) parse("[12345678901234567890.50]").at("/0");
    assertEquals("12345678901234567890.50", n.text());
    assertTrue(((JsonNumber) parse("[2.0]").at("/0")).isIntegral());
  }

  @Test
  void duplicateMemberNamesBothPlaces() {
    SchemaException e = assertThrows(SchemaException.class, () -> parse("{\"a\": 1,\n \"a\": 2}"));
    assertEquals("s.json:2:2: duplicate member \"a\" (first at 1:2)", e.getMessage());
  }

  @Test
  void truncatedDocumentIsLocated() {
    SchemaException e = assertThrows(SchemaException.class, () -> parse("{\"type\":\"record\","));
    assertEquals(1, e.line());
    assertTrue(e.reason().startsWith("invalid JSON: unexpected end of file"), e.reason());
  }

  @Test
  void malformedDocumentsGetOneWholeSentence() {
    assertEquals("s.json:1:39: invalid JSON: unexpected end of file: expected close marker for Array (opened at line 1, column 38)",
        assertThrows(SchemaException.class, () -> parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[")).getMessage());
    assertEquals("s.json:2:3: invalid JSON: a comment; JSON has no comments (move the text into a \"description\" or \"doc\")",
        assertThrows(SchemaException.class, () -> parse("{\"a\": 1,\n  // note\n}")).getMessage());
    for (String bad : new String[] {"{\"a\": NaN}", "{'a': 1}", "{\"a\": 01}", "[1,]", "{\"a\" 1}", "{\"a\": tru}", "\"\u0001\""}) {
      String reason = assertThrows(SchemaException.class, () -> parse(bad)).reason();
      assertTrue(reason.startsWith("invalid JSON: ") && !reason.contains("Source") && !reason.contains("Feature")
          && !reason.contains("JsonReadFeature") && !reason.contains("\n") && !reason.endsWith("("), bad + " -> " + reason);
    }
  }

  @Test
  void emptyFileIsAnError() {
    SchemaException e = assertThrows(SchemaException.class, () -> parse("  \n"));
    assertEquals("s.json:1:1: the file is empty; a JSON document was expected", e.getMessage());
  }

  @Test
  void trailingContentIsAnError() {
    SchemaException e = assertThrows(SchemaException.class, () -> parse("{} {}"));
    assertEquals("s.json:1:4: unexpected content after the end of the JSON document", e.getMessage());
  }

  @Test
  void nestingTenThousandLevelsDeepIsRefusedNotOverflowed() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    SchemaException e = assertThrows(SchemaException.class, () -> parse(deep));
    assertEquals(1, e.line());
    assertTrue(e.reason().contains("deeper than 1000 levels"), e.reason());
  }

  @Test
  void invalidUtf8IsLocated() {
    byte[] bytes = "{\"a\":\n \"x\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    bytes[9] = (byte) 0xff;
    SchemaException e = assertThrows(SchemaException.class, () -> SourceFile.decode("s.json", bytes));
    assertEquals("s.json:2:4: invalid UTF-8 (byte 0xff); schema files must be UTF-8 text", e.getMessage());
  }

  @Test
  void canonicalFormIgnoresFormattingAndMemberOrder() {
    assertEquals(JsonWriter.canonical(parse("{\"b\": 1.0, \"a\": [true, null]}")),
        JsonWriter.canonical(parse("{\n  \"a\": [ true,null ],\n  \"b\": 1\n}")));
  }
}
