package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evreg.compat.source.SchemaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every .proto and JSON Schema in the shared corpora parses and yields a neutral view. The
 * corpora live outside the project; the test is skipped where they are absent.
 */
class CorpusParseTest {

  static final Path CORPORA = Path.of(System.getProperty("evreg.shared", "../../shared")).resolve("corpora");

  @TestFactory
  Stream<DynamicTest> everyCorpusFileParses() throws IOException {
    assumeTrue(Files.isDirectory(CORPORA), "no shared corpora at " + CORPORA.toAbsolutePath());
    List<DynamicTest> tests = new ArrayList<>();
    for (String date : List.of("2023-05-30", "2026-04-10")) {
      Path root = CORPORA.resolve("google-cloudevents").resolve(date);
      SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS
          .withProtoPaths(List.of(root.resolve("proto"), root.resolve("third_party/googleapis"))));
      tests.add(tree("cloudevents " + date + " protos", reader, root.resolve("proto"), ".proto", SchemaFormat.PROTOBUF));
      tests.add(tree("cloudevents " + date + " JSON Schemas", reader, root.resolve("jsonschema"), ".json", SchemaFormat.JSON));
    }
    for (String version : List.of("v1.0.0", "v1.11.0")) {
      Path root = CORPORA.resolve("otel-proto").resolve(version);
      SchemaReader reader = new SchemaReader(SchemaReader.Options.DEFAULTS.withProtoPaths(List.of(root)));
      tests.add(tree("otel " + version, reader, root, ".proto", SchemaFormat.PROTOBUF));
    }
    return tests.stream();
  }

  private static DynamicTest tree(String name, SchemaReader reader, Path dir, String ext, SchemaFormat format) {
    return DynamicTest.dynamicTest(name, () -> {
      List<Path> files;
      try (Stream<Path> s = Files.walk(dir)) {
        files = s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
      }
      assertTrue(files.size() > 5, "a corpus of a few files at least: " + dir);
      List<String> failures = new ArrayList<>();
      for (Path f : files) {
        try {
          ParsedSchema schema = reader.read(f, f.toString(), format);
          schema.view();
          schema.canonical();
        } catch (SchemaException e) {
          failures.add(e.getMessage());
        }
      }
      assertEquals(List.of(), failures, failures.size() + " of " + files.size() + " files failed in " + name);
    });
  }
}
