package dev.evreg.cli;

import static dev.evreg.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evreg.cli.MainTest.Result;
import dev.evreg.cli.ReportFile.Against;
import dev.evreg.cli.ReportFile.Reported;
import dev.evreg.compat.Finding;
import dev.evreg.compat.Location;
import dev.evreg.compat.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The CI report formats of compat and lint: unreadable inputs, URIs, one item per finding, JUnit counts. */
class ReportFormatsTest {

  @TempDir
  Path dir;

  String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p.toString();
  }

  /** Version 1, then a truncated candidate: the report still lists it, at its line and column. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sarif", "json", "junit", "gitlab", "github"})
  void anUnreadableCandidateIsInTheReport(String format) throws IOException {
    String v1 = write("v1.avsc", MainTest.V1);
    String broken = write("broken.avsc", "{\"type\": \"record\",\n \"name\": ");
    Result r = run("compat", "--output", format, v1, broken);
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith(broken + ":2:10: error: invalid JSON"), r.err());
    switch (format) {
      case "sarif" -> {
        JsonNode run = Reports.sarif(r.out()).get("runs").get(0);
        JsonNode result = run.get("results").get(0);
        assertEquals("SCHEMA_UNREADABLE", result.get("ruleId").asText());
        assertEquals("error", result.get("level").asText());
        JsonNode region = result.at("/locations/0/physicalLocation/region");
        assertEquals(2, region.get("startLine").asInt());
        assertEquals(10, region.get("startColumn").asInt());
        assertEquals("SCHEMA_UNREADABLE", run.at("/tool/driver/rules/0/id").asText());
        JsonNode invocation = run.get("invocations").get(0);
        assertFalse(invocation.get("executionSuccessful").asBoolean());
        assertEquals(r.err().strip(), invocation.at("/toolExecutionNotifications/0/message/text").asText());
      }
      case "json" -> {
        JsonNode doc = Reports.json(r.out());
        assertFalse(doc.get("compatible").asBoolean());
        JsonNode error = doc.get("errors").get(0);
        assertEquals("SCHEMA_UNREADABLE", error.get("ruleId").asText());
        assertEquals(broken, error.at("/location/path").asText());
        assertEquals(2, error.at("/location/line").asInt());
      }
      case "junit" -> {
        Document xml = Reports.xml(r.out());
        assertArrayEquals(new int[] {1, 0, 1}, Reports.junitCounts(xml));
        assertEquals(r.err().strip(), ((Element) xml.getElementsByTagName("error").item(0)).getAttribute("message"));
      }
      case "gitlab" -> {
        assertEquals(List.of("SCHEMA_UNREADABLE"), Reports.gitlab(r.out(), "check_name"));
        assertEquals(List.of("blocker"), Reports.gitlab(r.out(), "severity"));
      }
      case "github" -> assertTrue(r.out().startsWith("::error file=" + broken.replace(":", "%3A")
          + ",line=2,col=10,title=SCHEMA_UNREADABLE::invalid JSON"), r.out());
      default -> throw new IllegalArgumentException(format);
    }
  }

  @Test
  void aMissingPreviousVersionIsReportedAtItsPath() throws IOException {
    String ok = write("ok.avsc", MainTest.OK);
    String missing = dir.resolve("nope.avsc").toString();
    Result r = run("compat", "--output", "sarif", missing, ok);
    assertEquals(2, r.code());
    assertEquals(missing + ": error: no such file\n", r.err());
    JsonNode result = Reports.sarif(r.out()).at("/runs/0/results/0");
    assertEquals(CiFormats.uri(missing), result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertTrue(result.at("/locations/0/physicalLocation/region").isMissingNode(), "no line is known");
  }

  @Test
  void aBadOptionWritesNoReport() throws IOException {
    String v1 = write("v1.avsc", MainTest.V1);
    Result r = run("compat", "--output", "sarif", "--level", "SIDEWAYS", v1, v1);
    assertEquals(2, r.code());
    assertEquals("", r.out());
  }

  @Test
  void folderCompatReportsUnreadablePairsWithTheOthers() throws IOException {
    write("old/a.avsc", MainTest.V1);
    write("new/a.avsc", "{");
    write("old/b.avsc", MainTest.V1);
    write("new/b.avsc", MainTest.BAD);
    write("old/c.avsc", MainTest.V1);
    write("new/c.avsc", MainTest.OK);
    String oldDir = dir.resolve("old").toString();
    String newDir = dir.resolve("new").toString();

    Result sarif = run("compat", "--output", "sarif", oldDir, newDir);
    assertEquals(2, sarif.code());
    List<String> rules = Reports.sarif(sarif.out()).at("/runs/0/results").findValuesAsText("ruleId");
    assertEquals(List.of("SCHEMA_UNREADABLE", "READER_FIELD_MISSING_DEFAULT_VALUE"), rules);

    JsonNode json = Reports.json(run("compat", "--output", "json", oldDir, newDir).out());
    assertFalse(json.get("compatible").asBoolean());
    assertEquals(1, json.get("errors").size());

    Result junit = run("compat", "--output", "junit", oldDir, newDir);
    assertArrayEquals(new int[] {3, 1, 1}, Reports.junitCounts(Reports.xml(junit.out())));
  }

  @Test
  void lintReportsListUnreadableFiles() throws IOException {
    write("schemas/create.avsc", LintCommandTest.BAD_AVRO);
    String broken = write("schemas/broken.json", "{\"type\": ");
    String schemas = dir.resolve("schemas").toString();

    Result sarif = run("lint", "--output", "sarif", schemas);
    assertEquals(2, sarif.code());
    JsonNode log = Reports.sarif(sarif.out());
    assertTrue(log.at("/runs/0/results").findValuesAsText("ruleId").contains("SCHEMA_UNREADABLE"), sarif.out());
    assertFalse(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean());

    JsonNode json = Reports.json(run("lint", "--output", "json", schemas).out());
    assertFalse(json.get("ok").asBoolean());
    assertEquals(broken, json.at("/errors/0/location/path").asText());
    assertTrue(Reports.json(run("lint", "--output", "json", "--use", "DOCS", dir.resolve("schemas/create.avsc").toString())
        .out()).get("ok").asBoolean());
  }

  @Test
  void sarifUrisAreRelativeReferences() throws IOException {
    String v1 = write("my orders/order placed v1.avsc", MainTest.V1);
    String bad = write("my orders/order placed #2.avsc", MainTest.BAD);
    Result r = run("compat", "--output", "sarif", v1, bad);
    assertEquals(1, r.code(), r.err());
    JsonNode result = Reports.sarif(r.out()).at("/runs/0/results/0");
    String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
    assertTrue(uri.endsWith("my%20orders/order%20placed%20%232.avsc"), uri);
    assertTrue(result.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText()
        .endsWith("my%20orders/order%20placed%20v1.avsc"), r.out());

    assertEquals("schemas/a%20b.avsc", CiFormats.uri("schemas\\a b.avsc"));
    assertEquals("./1a2b3c4:x.avsc", CiFormats.uri("1a2b3c4:x.avsc"));
    assertEquals("file:///C:/events/x.avsc", CiFormats.uri("C:\\events\\x.avsc"));
    assertEquals("schemas/caf%C3%A9%25.avsc", CiFormats.uri("schemas/café%.avsc"));
    for (String path : List.of("schemas\\a b.avsc", "1a2b3c4:x.avsc", "schemas/café%.avsc", "/events/a b/x.avsc")) {
      Reports.assertRelativeReference(CiFormats.uri(path));
    }
  }

  /** v3 adds a required field: the same finding against versions 1 and 2, one annotation in each report. */
  @Test
  void aTransitiveLevelReportsAFindingOncePerPlace() throws IOException {
    String v1 = write("v1.avsc", MainTest.V1);
    String v2 = write("v2.avsc", MainTest.OK);
    String v3 = write("v3.avsc", MainTest.OK.replace("\"default\": \"free\"}]}", "\"default\": \"free\"},\n"
        + "                  {\"name\": \"region\", \"type\": \"string\"}]}"));
    String[] args = {"--level", "BACKWARD_TRANSITIVE", v1, v2, v3};
    Result text = run(concat(new String[] {"compat"}, args));
    assertEquals(2, text.out().lines().filter(l -> l.contains("READER_FIELD_MISSING_DEFAULT_VALUE")).count(), text.out());

    Result github = run(concat(new String[] {"compat", "--output", "github"}, args));
    assertEquals(1, github.out().lines().count(), github.out());

    List<String> fingerprints = Reports.gitlab(run(concat(new String[] {"compat", "--output", "gitlab"}, args)).out(), "fingerprint");
    assertEquals(1, fingerprints.size());

    JsonNode results = Reports.sarif(run(concat(new String[] {"compat", "--output", "sarif"}, args)).out()).at("/runs/0/results");
    assertEquals(1, results.size());
    JsonNode related = results.get(0).get("relatedLocations");
    assertEquals(List.of("2", "1"), related.findValuesAsText("version"));
    assertEquals(fingerprints.get(0), results.get(0).at("/partialFingerprints/evreg~1v1").asText());

    Document junit = Reports.xml(run(concat(new String[] {"compat", "--output", "junit"}, args)).out());
    assertArrayEquals(new int[] {1, 1, 0}, Reports.junitCounts(junit));
    String body = junit.getElementsByTagName("failure").item(0).getTextContent();
    assertTrue(body.contains("[previous: version 2: " + v2 + ":1:1; version 1: " + v1 + ":1:1]"), body);
  }

  /** The same rule, element and message at two places, or against two versions: fingerprints stay unique and stable. */
  @Test
  void gitlabFingerprintsAreUniqueAndStable() {
    Finding a = new Finding("FIELD_TYPE_CHANGED", Severity.ERROR, "Field \"x\" changed type.",
        new Location("s/x.avsc", 3, 5, "/fields/0"), new Location("s/x.avsc", 3, 5, "/fields/0"));
    Finding movedCopy = new Finding(a.ruleId(), a.severity(), a.message(), new Location("s/x.avsc", 9, 5, "/fields/0"),
        new Location("s/x.avsc", 7, 5, "/fields/0"));
    Finding other = new Finding(a.ruleId(), a.severity(), "Field \"x\" changed type from int.", a.location(), a.previous());
    List<ReportFile> files = List.of(new ReportFile("s/x.avsc", List.of(
        new Reported(a, new Against(2, "1a2b3c4")), new Reported(a, new Against(1, "5d6e7f8")),
        new Reported(movedCopy, new Against(2, "1a2b3c4")), new Reported(other, new Against(1, "5d6e7f8"))), null));
    List<Object> issues = CiFormats.gitlab(files);
    assertEquals(3, issues.size(), "the finding against both versions is one issue");
    List<String> fingerprints = issues.stream().map(i -> (String) ((java.util.Map<?, ?>) i).get("fingerprint")).toList();
    assertEquals(3, new HashSet<>(fingerprints).size(), fingerprints.toString());
    assertEquals(CiFormats.fingerprint(a), fingerprints.get(0), "the first keeps the fingerprint of earlier reports");
    assertEquals(fingerprints, CiFormats.gitlab(files).stream()
        .map(i -> (String) ((java.util.Map<?, ?>) i).get("fingerprint")).toList(), "the same on every run");
  }

  /** Five files: three with errors, one with warnings only, one unreadable. */
  @Test
  void junitCountsFilesNotFindings() throws IOException {
    write("s/a.avsc", LintCommandTest.BAD_AVRO);
    write("s/b.avsc", LintCommandTest.BAD_AVRO.replace("CreateOrder", "UpdateOrder"));
    write("s/c.proto", LintCommandTest.BAD_PROTO);
    write("s/d.avsc", """
        {"type": "record", "name": "OrderPlaced", "namespace": "com.acme.s", "doc": "Placed.",
         "fields": [
           {"name": "eventId", "type": "string", "doc": "Id."},
           {"name": "eventType", "type": "string", "doc": "Type."},
           {"name": "occurredAt", "type": {"type": "long", "logicalType": "timestamp-millis"}, "doc": "When."},
           {"name": "source", "type": "string", "doc": "Producer."},
           {"name": "correlationId", "type": "string", "doc": "Correlation."},
           {"name": "note", "type": "string"}
         ]}
        """);
    write("s/e.json", "[");
    Result r = run("lint", "--output", "junit", "--use", "ENVELOPE,DOCS", dir.resolve("s").toString());
    assertEquals(2, r.code(), r.out() + r.err());
    Document xml = Reports.xml(r.out());
    assertArrayEquals(new int[] {5, 3, 1}, Reports.junitCounts(xml));
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    long errors = failure.getTextContent().lines().count();
    assertTrue(errors > 1, failure.getTextContent());
    assertTrue(failure.getAttribute("message").startsWith(errors + " findings; the first: ENVELOPE_"), failure.getAttribute("message"));
    assertTrue(failure.getTextContent().lines().allMatch(l -> l.contains(": error ENVELOPE_")), failure.getTextContent());
    assertTrue(r.out().contains("<system-out>"), "warnings below --fail-on are kept as output");
  }

  @Test
  void lintAndCompatSummariesSayWhenWarningsFail() throws IOException {
    String schemas = write("s/d.avsc", LintCommandTest.BAD_AVRO);
    Result r = run("lint", "--use", "NAMING", "--fail-on", "warning", schemas);
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().lines().reduce((x, y) -> y).orElseThrow().matches(
        "Linted 1 file: 0 errors, \\d+ warnings?, \\d+ infos?; failing on \\d+ warnings? \\(--fail-on warning\\)\\."), r.out());
    assertFalse(run("lint", "--use", "NAMING", schemas).out().contains("failing on"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
