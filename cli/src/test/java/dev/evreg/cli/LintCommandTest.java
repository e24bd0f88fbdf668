package dev.evreg.cli;

import static dev.evreg.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class LintCommandTest {

  @TempDir
  Path dir;

  Path schemas;

  static final String BAD_AVRO = """
      {"type": "record", "name": "CreateOrder", "namespace": "com.acme.orders", "doc": "Create it.",
       "fields": [
         {"name": "eventId", "type": "string", "doc": "Id."},
         {"name": "occurredAt", "type": "string", "doc": "When."},
         {"name": "email", "type": "string", "doc": "Buyer."}
       ]}
      """;

  static final String BAD_PROTO = """
      syntax = "proto3";
      package acme.orders;

      // An order was placed.
      message OrderPlaced {
        // Id.
        string event_id = 1;
        // When.
        int64 occurred_at = 2;
      }
      """;

  @BeforeEach
  void files() throws IOException {
    schemas = Files.createDirectories(dir.resolve("orders"));
    Files.writeString(schemas.resolve("create.avsc"), BAD_AVRO);
    Files.writeString(schemas.resolve("placed.proto"), BAD_PROTO);
  }

  @Test
  void lintFolderReportsLocatedFindings() {
    MainTest.Result r = run("lint", "--no-color", schemas.toString());
    assertEquals(1, r.code(), r.err());
    String avro = schemas.resolve("create.avsc").toString();
    String proto = schemas.resolve("placed.proto").toString();
    assertTrue(r.out().contains(avro + ":4:4: error ENVELOPE_FIELD_TYPE Envelope field \"occurredAt\" is string, but it must be a timestamp"), r.out());
    assertTrue(r.out().contains(avro + ":1:1: error ENVELOPE_FIELD_MISSING Event \"CreateOrder\" has no envelope field \"correlationId\""), r.out());
    assertTrue(r.out().contains(avro + ":1:1: warning EVENT_NAME_PAST_TENSE Event name \"CreateOrder\" should say what happened, in the past tense, such as \"OrderCreated\"."), r.out());
    assertTrue(r.out().contains(avro + ":5:4: warning PII_UNCLASSIFIED"), r.out());
    assertTrue(r.out().contains(proto + ":9:3: error ENVELOPE_FIELD_TYPE Envelope field \"occurred_at\" is int64"), r.out());
    assertTrue(r.out().contains(proto + ":5:1: error ENVELOPE_FIELD_MISSING Event \"OrderPlaced\" has no envelope field \"correlation_id\""), r.out());
    assertTrue(r.out().endsWith("Linted 2 files: 8 errors, 3 warnings, 1 info.\n"), r.out());
  }

  @Test
  void useExceptAndFailOn() {
    assertEquals(0, run("lint", "--use", "DOCS", schemas.toString()).code());
    assertEquals(0, run("lint", "--use", "NAMING", "--except", "NAMESPACE_MATCHES_FOLDER", schemas.toString()).code(),
        "warnings only, below the default fail level");
    assertEquals(1, run("lint", "--use", "NAMING", "--fail-on", "warning", schemas.toString()).code());
    assertEquals(0, run("lint", "--use", "naming", "--except", "namespace_matches_folder", schemas.toString()).code(),
        "ids and categories in any case");
  }

  @Test
  void unknownRuleIdSuggestsTheNearestOne() {
    MainTest.Result r = run("lint", "--except", "FIELD_DOCS_MISSING", schemas.toString());
    assertEquals(2, r.code());
    assertEquals("evreg: unknown rule id or category \"FIELD_DOCS_MISSING\"; did you mean \"FIELD_DOC_MISSING\"?\n", r.err());
  }

  @Test
  void unreadableFileIsExitTwoAfterTheOthers() throws IOException {
    Files.writeString(schemas.resolve("broken.json"), "{\"type\": ");
    MainTest.Result r = run("lint", schemas.toString());
    assertEquals(2, r.code());
    assertTrue(r.out().contains("ENVELOPE_FIELD_TYPE"), "the other files were linted");
    assertTrue(r.err().startsWith(schemas.resolve("broken.json") + ":1:"), r.err());
    assertEquals(1, r.err().lines().count());
  }

  @Test
  void noPathAndNoSchemasFolderIsAUsageError() {
    MainTest.Result r = run("lint", "--profile", "nonsense", schemas.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown profile \"nonsense\""), r.err());
  }

  @Test
  void sarifValidatesAgainstTheSarif210Schema() {
    MainTest.Result r = run("lint", "--output", "sarif", schemas.toString());
    assertEquals(1, r.code(), r.err());
    JsonNode doc = Reports.sarif(r.out());
    JsonNode result = doc.get("runs").get(0).get("results").get(0);
    assertTrue(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt() > 0);
    assertTrue(doc.get("runs").get(0).get("tool").get("driver").get("rules").size() > 3);
    assertTrue(doc.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
  }

  @Test
  void sarifOfACompatCheckHasTheOldLocationAsRelated() throws IOException {
    Path a = dir.resolve("a.avsc");
    Path b = dir.resolve("b.avsc");
    Files.writeString(a, MainTest.V1);
    Files.writeString(b, MainTest.BAD);
    MainTest.Result r = run("compat", "--output", "sarif", a.toString(), b.toString());
    assertEquals(1, r.code());
    JsonNode result = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results").get(0);
    assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", result.get("ruleId").asText());
    assertEquals(a.toString(), result.get("relatedLocations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
  }

  @Test
  void junitHasOneCasePerFileAndOneFailureListingItsErrors() throws Exception {
    MainTest.Result r = run("lint", "--output", "junit", schemas.toString());
    assertEquals(1, r.code());
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals(new int[] {2, 2, 0}, Reports.junitCounts(xml));
    long listed = 0;
    for (int i = 0; i < xml.getElementsByTagName("failure").getLength(); i++) {
      listed += xml.getElementsByTagName("failure").item(i).getTextContent().lines().count();
    }
    long errors = run("lint", "--output", "json", schemas.toString()).out().lines().filter(l -> l.contains("\"severity\": \"error\"")).count();
    assertEquals(errors, listed);
  }

  @Test
  void githubWorkflowCommands() {
    MainTest.Result r = run("lint", "--output", "github", schemas.toString());
    assertEquals(1, r.code());
    String avro = schemas.resolve("create.avsc").toString();
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("::error file=" + avro + ",line=4,col=4,title=ENVELOPE_FIELD_TYPE::Envelope field")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("::warning file=")), r.out());
    assertTrue(r.out().lines().allMatch(l -> l.startsWith("::")), r.out());
  }

  @Test
  void gitlabCodeQualityWithStableFingerprints() throws IOException {
    JsonNode issues = new ObjectMapper().readTree(run("lint", "--output", "gitlab", schemas.toString()).out());
    assertTrue(issues.size() > 3);
    JsonNode first = issues.get(0);
    assertTrue(List.of("major", "minor", "info").contains(first.get("severity").asText()));
    assertTrue(first.get("location").get("lines").get("begin").asInt() > 0);
    // a blank line above every element moves the findings, not their fingerprints
    String before = first.get("fingerprint").asText();
    Path avro = schemas.resolve("create.avsc");
    Files.writeString(avro, "\n\n" + BAD_AVRO);
    JsonNode moved = new ObjectMapper().readTree(run("lint", "--output", "gitlab", schemas.toString()).out());
    assertTrue(java.util.stream.StreamSupport.stream(moved.spliterator(), false).anyMatch(i -> i.get("fingerprint").asText().equals(before)));
    assertFalse(issues.toString().isEmpty());
  }
}
