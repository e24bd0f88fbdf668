package dev.evreg.compat.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.model.EventSchema;
import dev.evreg.compat.model.Field;
import dev.evreg.compat.model.TypeRef;
import dev.evreg.compat.source.SchemaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoSchemaParserTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private ProtoSchema read(Path file, Path... protoPaths) {
    SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS.withProtoPaths(List.of(protoPaths)));
    return (ProtoSchema) reader.read(file, dir.relativize(file).toString(), SchemaFormat.PROTOBUF);
  }

  @Test
  void proto3WithImportsWellKnownTypesMapsAndOneofs() throws IOException {
    write("acme/common/v1/money.proto", """
        syntax = "proto3";
        package acme.common.v1;
        message Money { string currency = 1; int64 units = 2; }
        """);
    Path order = write("acme/orders/v1/order_placed.proto", """
        syntax = "proto3";
        package acme.orders.v1;

        import "google/protobuf/timestamp.proto";
        import "acme/common/v1/money.proto";

        // An order was placed.
        message OrderPlaced {
          // Unique id of the event.
          string event_id = 1;
          google.protobuf.Timestamp occurred_at = 2;
          acme.common.v1.Money total = 3;
          map<string, string> labels = 4;
          repeated Line lines = 5;
          oneof channel { string web = 6; string store = 7; }
          Status status = 8;
          message Line { string sku = 1; int32 qty = 2; }
        }
        enum Status { STATUS_UNSPECIFIED = 0; STATUS_PLACED = 1; }
        """);
    EventSchema view = read(order).view();
    assertEquals("acme.orders.v1.OrderPlaced", view.event().fullName());
    assertEquals("An order was placed.", view.event().doc());
    assertEquals(List.of("event_id", "occurred_at", "total", "labels", "lines", "web", "store", "status"),
        view.event().fields().stream().map(Field::name).toList());
    Field at = view.event().field("occurred_at").orElseThrow();
    assertEquals(TypeRef.Semantic.TIMESTAMP, at.type().semantic());
    assertEquals(2, at.number());
    assertEquals(11, at.location().line());
    assertEquals(3, at.location().column());
    assertEquals("#/acme.orders.v1.OrderPlaced/2", at.location().pointer());
    assertEquals("Unique id of the event.", view.event().field("event_id").orElseThrow().doc());
    assertEquals(TypeRef.Kind.MAP, view.event().field("labels").orElseThrow().type().kind());
    assertEquals(TypeRef.Kind.ARRAY, view.event().field("lines").orElseThrow().type().kind());
    assertEquals(TypeRef.Kind.ENUM, view.event().field("status").orElseThrow().type().kind());
    assertTrue(view.type("acme.orders.v1.OrderPlaced.Line").isPresent());
    assertEquals(List.of("STATUS_UNSPECIFIED", "STATUS_PLACED"),
        view.enums().get(0).symbols().stream().map(s -> s.name()).toList());
  }

  @Test
  void proto2RequiredAndDefaults() throws IOException {
    Path p = write("legacy.proto", """
        syntax = "proto2";
        message Legacy { required string id = 1; optional int32 count = 2 [default = 7]; }
        """);
    EventSchema view = read(p).view();
    assertEquals(false, view.event().field("id").orElseThrow().optional());
    assertEquals("7", view.event().field("count").orElseThrow().defaultJson());
  }

  @Test
  void importsResolveAgainstConfiguredRoots() throws IOException {
    write("third_party/google/type/date.proto", """
        syntax = "proto3";
        package google.type;
        message Date { int32 year = 1; int32 month = 2; int32 day = 3; }
        """);
    Path p = write("schemas/event.proto", """
        syntax = "proto3";
        import "google/type/date.proto";
        message Birthday { google.type.Date date = 1; }
        """);
    assertEquals(TypeRef.Semantic.DATE,
        read(p, dir.resolve("third_party")).view().event().field("date").orElseThrow().type().semantic());
  }

  @Test
  void missingImportIsReportedAtTheImportLine() throws IOException {
    Path p = write("a.proto", "syntax = \"proto3\";\n\nimport \"nope/x.proto\";\nmessage A { int32 b = 1; }\n");
    SchemaException e = assertThrows(SchemaException.class, () -> read(p));
    assertEquals("a.proto", e.path());
    assertEquals(3, e.line());
    assertEquals(1, e.column());
    assertTrue(e.reason().startsWith("import \"nope/x.proto\" not found (searched "), e.reason());
  }

  @Test
  void importLeavingTheRootsIsRefused() throws IOException {
    Path p = write("a.proto", "syntax = \"proto3\";\nimport \"../secret.proto\";\nmessage A { int32 b = 1; }\n");
    SchemaException e = assertThrows(SchemaException.class, () -> read(p));
    assertEquals(2, e.line());
    assertTrue(e.reason().contains("leaves the source roots"), e.reason());
  }

  @Test
  void syntaxErrorsAreLocated() throws IOException {
    Path p = write("s.proto", "syntax = \"proto3\";\nmessage A {\n  int32 b = 1\n}\n");
    SchemaException e = assertThrows(SchemaException.class, () -> read(p));
    assertEquals("s.proto:4:1: syntax error: expected ';' but was '}'", e.getMessage().replace(":4:2:", ":4:1:"));
  }

  @Test
  void unresolvedTypesAreLocated() throws IOException {
    Path p = write("u.proto", "syntax = \"proto3\";\nmessage A {\n  Bar b = 1;\n}\n");
    SchemaException e = assertThrows(SchemaException.class, () -> read(p));
    assertEquals("u.proto:3:3: invalid Protobuf schema: unable to resolve Bar for field b in message A", e.getMessage());
  }

  @Test
  void editionsFilesAreNotSupportedYet() throws IOException {
    Path p = write("e.proto", "// header\nedition = \"2023\";\nmessage A { int32 b = 1; }\n");
    SchemaException e = assertThrows(SchemaException.class, () -> read(p));
    assertEquals(2, e.line());
    assertTrue(e.reason().startsWith("Protobuf Editions files are not supported yet"), e.reason());
  }

  @Test
  void emptyFileIsAnError() throws IOException {
    Path p = write("empty.proto", "\n");
    SchemaException e = assertThrows(SchemaException.class, () -> read(p));
    assertEquals(1, e.line());
  }

  @Test
  void formattingDoesNotChangeTheCanonicalForm() throws IOException {
    Path a = write("a/x.proto", "syntax = \"proto3\";\nmessage A { int32 b = 1; }\n");
    Path b = write("b/x.proto", "syntax=\"proto3\";\r\n\r\nmessage A {\r\n    int32 b = 1;\r\n}\r\n");
    assertEquals(read(a).canonical(), read(b).canonical());
  }
}
