package dev.evreg.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks shared by the report tests: each format parses, SARIF against the official 2.1.0 schema. */
final class Reports {

  private Reports() {}

  /** The SARIF log, validated against the SARIF 2.1.0 schema, every uri a valid relative reference. */
  static JsonNode sarif(String text) {
    Schema schema;
    try (InputStream in = Reports.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema = SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).draftV7Support().build().load().build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      schema.validate(new JSONObject(text));
    } catch (ValidationException e) {
      throw new AssertionError("SARIF output is not valid: " + e.getAllMessages() + "\n" + text, e);
    }
    JsonNode log = json(text);
    assertEquals(CiFormats.SARIF_SCHEMA, log.get("$schema").asText());
    for (String uri : log.findValuesAsText("uri")) {
      assertRelativeReference(uri);
    }
    return log;
  }

  /** A URI reference without a scheme, spaces or backslashes that java.net.URI parses. */
  static void assertRelativeReference(String uri) {
    URI parsed = assertDoesNotThrow(() -> new URI(uri), uri);
    assertNull(parsed.getScheme(), "not a relative reference: " + uri);
    assertFalse(uri.contains(" ") || uri.contains("\\"), uri);
  }

  static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  static Document xml(String text) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + text, e);
    }
  }

  /**
   * The JUnit counts of the document, checked for consistency: testsuites and testsuite agree,
   * tests = test cases, failures = cases with a failure, errors = cases with an error, and no
   * case has more than one of them.
   */
  static int[] junitCounts(Document doc) {
    Element suites = doc.getDocumentElement();
    Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
    NodeList cases = doc.getElementsByTagName("testcase");
    int failures = 0;
    int errors = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      int f = c.getElementsByTagName("failure").getLength();
      int e = c.getElementsByTagName("error").getLength();
      assertTrue(f + e <= 1, "one failure or error per test case: " + c.getAttribute("name"));
      failures += f;
      errors += e;
    }
    int[] counts = {cases.getLength(), failures, errors};
    for (Element el : List.of(suites, suite)) {
      assertEquals(String.valueOf(counts[0]), el.getAttribute("tests"), el.getTagName() + " tests");
      assertEquals(String.valueOf(counts[1]), el.getAttribute("failures"), el.getTagName() + " failures");
      assertEquals(String.valueOf(counts[2]), el.getAttribute("errors"), el.getTagName() + " errors");
    }
    return counts;
  }

  /** The values of {@code field} in a GitLab Code Quality report. */
  static List<String> gitlab(String text, String field) {
    JsonNode issues = json(text);
    assertTrue(issues.isArray(), text);
    List<String> out = new ArrayList<>();
    issues.forEach(i -> out.add(i.get(field).asText()));
    return out;
  }
}
