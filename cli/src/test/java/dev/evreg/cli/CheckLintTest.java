package dev.evreg.cli;

import static dev.evreg.registry.GitFixture.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evreg.cli.MainTest.Result;
import dev.evreg.registry.GitFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint inside the gate: new subjects meet every convention, changed ones may not add violations. */
class CheckLintTest {

  static final String ORDER = "schemas/orders/OrderPlaced.avsc";
  static final String PAYMENT = "schemas/payments/PaymentCaptured.avsc";
  static final String SHIPPED = "schemas/shipping/shipping/v1/shipped.proto";

  @TempDir
  Path dir;

  GitFixture repo;

  @BeforeEach
  void repository() {
    repo = GitFixture.init(dir.resolve("repo"));
    repo.write(ORDER, avro("OrderPlaced", "id")).write(SHIPPED, """
        syntax = "proto3";
        package shipping.v1;
        message Shipped { string order_id = 1; string carrier = 2; int32 parcels = 3; }
        """).commit("Add events");
    repo.branch("pr");
  }

  @AfterEach
  void close() {
    repo.close();
  }

  Result evreg(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--repo");
    all.add(2, repo.dir().toString());
    return MainTest.run(all.toArray(String[]::new));
  }

  @Test
  void aNewSubjectMustMeetEveryConvention() {
    repo.write(PAYMENT, avro("PaymentCaptured", "id")).commit("Add PaymentCaptured");
    Result r = evreg("check");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains(PAYMENT + ":1:1: error ENVELOPE_FIELD_MISSING Event \"PaymentCaptured\" has no envelope field \"eventId\""), r.out());
    assertTrue(r.out().contains("[lint of payments/PaymentCaptured]"), r.out());
  }

  @Test
  void theLintSectionOfTheConfigurationApplies() {
    repo.write("evreg.yaml", "lint:\n  except: [ENVELOPE]\n").write(PAYMENT, avro("PaymentCaptured", "id")).commit("Add PaymentCaptured");
    Result r = evreg("check");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("warning FIELD_DOC_MISSING"), r.out());
  }

  @Test
  void failingOnWarningsSaysSoInTheSummary() {
    repo.write("evreg.yaml", "lint:\n  except: [ENVELOPE]\n").write(PAYMENT, avro("PaymentCaptured", "id")).commit("Add PaymentCaptured");
    Result r = evreg("check", "--fail-on", "warning");
    assertEquals(1, r.code(), r.out() + r.err());
    long warnings = r.out().lines().filter(l -> l.contains(": warning ")).count();
    String summary = r.out().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(warnings > 0 && summary.endsWith(": 1 new; failing on " + warnings + (warnings == 1 ? " warning" : " warnings")
        + " (--fail-on warning)."), summary);
    assertFalse(evreg("check").out().contains("failing on"), "warnings do not fail the default gate");
  }

  @Test
  void aChangedSubjectFailsOnlyOnViolationsItAdds() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web")).commit("Add channel");
    Result ok = evreg("check");
    assertEquals(0, ok.code(), "the missing envelope was there before: " + ok.out());
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "Bad_Name=x")).commit("Add a badly named field");
    Result bad = evreg("check");
    assertEquals(1, bad.code(), bad.out());
    assertTrue(bad.out().contains("error FIELD_NAME_CASE Field \"Bad_Name\""), bad.out());
  }

  @Test
  void aRemovedProtobufFieldMustBeReserved() {
    repo.write(SHIPPED, """
        syntax = "proto3";
        package shipping.v1;
        message Shipped { string order_id = 1; string carrier = 2; reserved 3; }
        """).commit("Drop parcels");
    Result r = evreg("check");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("error PROTO_RESERVE_REMOVED_FIELDS Field 3 (\"parcels\") was removed from message \"shipping.v1.Shipped\""
        + " without reserving it; add reserved \"parcels\"; to the message."), r.out());
  }

  @Test
  void sarifOfTheGate() throws IOException {
    repo.write(PAYMENT, avro("PaymentCaptured", "id")).commit("Add PaymentCaptured");
    Result r = evreg("check", "--output", "sarif");
    assertEquals(1, r.code());
    JsonNode results = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results");
    assertTrue(results.size() >= 5, r.out());
    assertEquals(PAYMENT, results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
  }

  @Test
  void lintFollowsTheSchemaPathsAndSettingsOfTheConfiguration() {
    repo.write("evreg.yaml", """
        schemas:
          paths: ["schemas/orders/**"]
        lint:
          severity:
            ENVELOPE_FIELD_MISSING: warning
        """).commit("Configure");
    Result r = MainTest.run("lint", "--repo", repo.dir().toString());
    assertEquals(0, r.code(), "envelope findings are warnings here: " + r.out() + r.err());
    assertTrue(r.out().contains("warning ENVELOPE_FIELD_MISSING"), r.out());
    assertTrue(r.out().endsWith("Linted 1 file: 0 errors, 8 warnings, 0 infos.\n"), "only schemas/orders/**: " + r.out());
  }
}
