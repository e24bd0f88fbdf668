package dev.evreg.compat.jsonschema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.SchemaFormat;
import dev.evreg.compat.SchemaReader;
import dev.evreg.compat.source.SchemaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefResolverTest {

  @TempDir
  Path repo;

  @BeforeEach
  void markTheProjectRoot() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
  }

  private Path write(String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private JsonSchemaDocument read(Path p) {
    return (JsonSchemaDocument) new SchemaReader(SchemaReader.Options.DEFAULTS).read(p, repo.relativize(p).toString(), SchemaFormat.JSON);
  }

  private void money(String folder, String unitsType, boolean withId) throws IOException {
    write(folder + "/common/money.json", "{" + (withId ? "\"$id\": \"https://acme.example/" + folder + "/common/money.json\", " : "")
        + "\"type\": \"object\", \"properties\": {\"units\": {\"type\": \"" + unitsType + "\"}}}");
  }

  @Test
  void pathRelativeToTheIdGoesUpAFolder() throws IOException {
    money("v1", "integer", true);
    money("v2", "string", true);
    Path before = write("v1/orders/order.json", "{\"$id\": \"https://acme.example/v1/orders/order.json\", "
        + "\"properties\": {\"a\": {\"$ref\": \"../common/money.json\"}}}");
    Path after = write("v2/orders/order.json", "{\"$id\": \"https://acme.example/v2/orders/order.json\", "
        + "\"properties\": {\"a\": {\"$ref\": \"../common/money.json\"}}}");
    List<Change> changes = JsonSchemaCompatibility.changes(read(before), read(after), CheckOptions.DEFAULTS).stream()
        .filter(c -> c.type().breaks(dev.evreg.compat.JsonPolicy.STRICT)).toList();
    assertEquals(List.of("#/properties/a/properties/units"), changes.stream().map(Change::path).toList());
    assertEquals(JsonChange.TYPE_CHANGED, changes.get(0).type());
    assertTrue(changes.get(0).reader().path().endsWith("v2/common/money.json"), changes.get(0).reader().path());
  }

  @Test
  void absoluteUriUnderTheSameHostMapsIntoTheTree() throws IOException {
    money("v1", "integer", false);
    money("v2", "string", false);
    Path before = write("v1/orders/order.json", "{\"$id\": \"https://acme.example/v1/orders/order.json\", \"properties\": "
        + "{\"b\": {\"$ref\": \"https://acme.example/v1/common/money.json#/properties/units\"}}}");
    Path after = write("v2/orders/order.json", "{\"$id\": \"https://acme.example/v2/orders/order.json\", \"properties\": "
        + "{\"b\": {\"$ref\": \"https://acme.example/v2/common/money.json#/properties/units\"}}}");
    List<Change> changes = JsonSchemaCompatibility.changes(read(before), read(after), CheckOptions.DEFAULTS);
    assertEquals(List.of("#/properties/b"), changes.stream().filter(c -> c.type() == JsonChange.TYPE_CHANGED).map(Change::path).toList());
  }

  @Test
  void escapingTheTreeIsAnErrorAtTheReference() throws IOException {
    Path p = write("s/a.json", "{\"type\": \"object\",\n \"properties\": {\"x\": {\"$ref\": \"../../outside.json\"}}}");
    SchemaException e = assertThrows(SchemaException.class,
        () -> JsonSchemaCompatibility.changes(read(p), read(p), CheckOptions.DEFAULTS));
    assertEquals(2, e.line());
    assertTrue(e.reason().contains("outside the schema tree"), e.reason());
  }

  @Test
  void missingFileAndMissingPointerAreErrors() throws IOException {
    Path a = write("s/a.json", "{\"properties\": {\"x\": {\"$ref\": \"nope.json\"}}}");
    assertTrue(assertThrows(SchemaException.class, () -> JsonSchemaCompatibility.changes(read(a), read(a), CheckOptions.DEFAULTS))
        .reason().contains("which is not in the schema tree"));
    Path b = write("s/b.json", "{\"properties\": {\"x\": {\"$ref\": \"#/definitions/Nope\"}}}");
    assertTrue(assertThrows(SchemaException.class, () -> JsonSchemaCompatibility.changes(read(b), read(b), CheckOptions.DEFAULTS))
        .reason().contains("points to nothing"));
  }

  @Test
  void referenceCyclesAreErrorsNotHangs() throws IOException {
    Path a = write("s/c.json", "{\"$ref\": \"#/definitions/A\", \"definitions\": {\"A\": {\"$ref\": \"#/definitions/B\"}, \"B\": {\"$ref\": \"#/definitions/A\"}}}");
    assertTrue(assertThrows(SchemaException.class, () -> JsonSchemaCompatibility.changes(read(a), read(a), CheckOptions.DEFAULTS))
        .reason().contains("a cycle of references"));
  }

  @Test
  void relativeUriPaths() {
    assertEquals("../common/money.json", RefResolver.relative("/schemas/orders/order.json", "/schemas/common/money.json"));
    assertEquals("money.json", RefResolver.relative("/schemas/order.json", "/schemas/money.json"));
    assertEquals("sub/x.json", RefResolver.relative("/a/b.json", "/a/sub/x.json"));
  }
}
