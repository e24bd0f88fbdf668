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

  @Test
  void relativePathsIdRelativeUrisAndParentFolders() throws IOException {
    write("schemas/common/money.json", "{\"$id\": \"https://acme.example/schemas/common/money.json\", \"type\": \"object\","
        + " \"properties\": {\"units\": {\"type\": \"integer\"}}}");
    String order = "{\"$id\": \"https://acme.example/schemas/orders/order.json\", \"type\": \"object\", \"properties\": {"
        + "\"a\": {\"$ref\": \"../common/money.json\"},"
        + "\"b\": {\"$ref\": \"https://acme.example/schemas/common/money.json#/properties/units\"}}}";
    Path before = write("schemas/orders/order.json", order);
    Path after = write("next/orders/order.json", order);
    write("next/common/money.json", "{\"type\": \"object\", \"properties\": {\"units\": {\"type\": \"string\"}}}");
    List<Change> changes = JsonSchemaCompatibility.changes(read(before), read(after), CheckOptions.DEFAULTS);
    assertEquals(List.of("#/properties/a/properties/units", "#/properties/b"), changes.stream().map(Change::path).toList());
    assertTrue(changes.stream().allMatch(c -> c.type() == JsonChange.TYPE_CHANGED), changes.toString());
    assertTrue(changes.get(0).reader().path().endsWith("next/common/money.json"), changes.get(0).reader().path());
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
