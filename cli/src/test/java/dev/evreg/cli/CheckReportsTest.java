package dev.evreg.cli;

import static dev.evreg.registry.GitFixture.avro;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evreg.cli.MainTest.Result;
import dev.evreg.registry.GitFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI reports of evreg check: unreadable candidates, versions from git history, transitive levels. */
class CheckReportsTest {

  static final String ORDER = "schemas/orders/OrderPlaced.avsc";

  @TempDir
  Path dir;

  GitFixture repo;
  RevCommit v1;
  RevCommit v2;

  /** main: OrderPlaced v1 and v2 (a field with a default added); then a branch "pr" checked out. */
  @BeforeEach
  void repository() {
    repo = GitFixture.init(dir.resolve("repo"));
    v1 = repo.write(ORDER, avro("OrderPlaced", "id")).commit("Add OrderPlaced");
    v2 = repo.write(ORDER, avro("OrderPlaced", "id", "channel=web")).commit("Add channel");
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

  static String shortId(RevCommit c) {
    return c.abbreviate(7).name();
  }

  @Test
  void anUnparsableCandidateIsInEveryReport() {
    repo.write(ORDER, "{\"type\": \"record\",");
    Result json = evreg("check", "--output", "json");
    assertEquals(2, json.code(), json.out() + json.err());
    assertEquals(ORDER + ":1:19: error: invalid JSON: unexpected end of file within/between Object entries\n", json.err());
    JsonNode doc = Reports.json(json.out());
    assertFalse(doc.get("compatible").asBoolean(), json.out());
    assertEquals("SCHEMA_UNREADABLE", doc.at("/errors/0/ruleId").asText());
    assertEquals(ORDER, doc.at("/errors/0/location/path").asText());
    assertEquals(19, doc.at("/errors/0/location/column").asInt());

    Result sarif = evreg("check", "--output", "sarif");
    assertEquals(2, sarif.code());
    JsonNode run = Reports.sarif(sarif.out()).at("/runs/0");
    assertEquals("SCHEMA_UNREADABLE", run.at("/results/0/ruleId").asText());
    assertEquals(ORDER, run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(1, run.at("/results/0/locations/0/physicalLocation/region/startLine").asInt());
    assertFalse(run.at("/invocations/0/executionSuccessful").asBoolean());

    assertArrayEquals(new int[] {1, 0, 1}, Reports.junitCounts(Reports.xml(evreg("check", "--output", "junit").out())));
    assertEquals(List.of("blocker"), Reports.gitlab(evreg("check", "--output", "gitlab").out(), "severity"));
    assertTrue(evreg("check", "--output", "github").out().startsWith("::error file=" + ORDER + ",line=1,col=19,title=SCHEMA_UNREADABLE::"));
  }

  @Test
  void aCompatibleChangeIsASuccessfulRun() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total=0"));
    Result r = evreg("check", "--output", "sarif");
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode run = Reports.sarif(r.out()).at("/runs/0");
    assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
    assertTrue(run.at("/invocations/0/toolExecutionNotifications").isMissingNode());
    assertTrue(Reports.json(evreg("check", "--output", "json").out()).get("errors").isEmpty());
  }

  @Test
  void relatedLocationsNameThePathAndTheCommitApart() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total"));
    Result r = evreg("check", "--output", "sarif");
    assertEquals(1, r.code(), r.err());
    JsonNode related = Reports.sarif(r.out()).at("/runs/0/results/0/relatedLocations/0");
    assertEquals(ORDER, related.at("/physicalLocation/artifactLocation/uri").asText());
    assertEquals(shortId(v2), related.at("/properties/commit").asText());
    assertEquals(2, related.at("/properties/version").asInt());
    assertEquals("The element in version 2 at " + shortId(v2) + ".", related.at("/message/text").asText());
  }

  /** A required field added breaks both versions alike: each report has it once, fingerprints unique and stable. */
  @Test
  void aTransitiveLevelReportsEachFindingOnce() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total"));
    Result text = evreg("check", "--level", "BACKWARD_TRANSITIVE", "--no-color");
    assertEquals(1, text.code(), text.err());
    assertEquals(2, text.out().lines().filter(l -> l.contains("READER_FIELD_MISSING_DEFAULT_VALUE")).count(), text.out());

    Result gitlab = evreg("check", "--level", "BACKWARD_TRANSITIVE", "--output", "gitlab");
    List<String> fingerprints = Reports.gitlab(gitlab.out(), "fingerprint");
    assertEquals(fingerprints.size(), new HashSet<>(fingerprints).size(), gitlab.out());
    assertEquals(1, Reports.gitlab(gitlab.out(), "check_name").stream().filter("READER_FIELD_MISSING_DEFAULT_VALUE"::equals).count());
    assertEquals(gitlab.out(), evreg("check", "--level", "BACKWARD_TRANSITIVE", "--output", "gitlab").out(), "stable across runs");

    List<String> github = evreg("check", "--level", "BACKWARD_TRANSITIVE", "--output", "github").out().lines().toList();
    assertEquals(github.size(), new HashSet<>(github).size(), String.join("\n", github));
    assertEquals(1, github.stream().filter(l -> l.contains("READER_FIELD_MISSING_DEFAULT_VALUE")).count());

    JsonNode results = Reports.sarif(evreg("check", "--level", "BACKWARD_TRANSITIVE", "--output", "sarif").out()).at("/runs/0/results");
    JsonNode missing = null;
    for (JsonNode r : results) {
      if (r.get("ruleId").asText().equals("READER_FIELD_MISSING_DEFAULT_VALUE")) {
        assertTrue(missing == null, "one result");
        missing = r;
      }
    }
    assertTrue(missing != null, results.toString());
    assertEquals(List.of(shortId(v2), shortId(v1)), missing.get("relatedLocations").findValuesAsText("commit"));
  }

  /** Warnings that belong to no file (here a stale waiver) are SARIF notifications and GitHub annotations. */
  @Test
  void aStaleWaiverIsAWarningInSarifAndGitHub() {
    String fp = "a".repeat(64);
    repo.write("evreg.yaml", "waivers:\n  - subject: orders/Gone\n    rule: TYPE_MISMATCH\n    reason: old\n"
        + "    old: " + fp + "\n    new: " + fp + "\n");
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "note=x"));
    String warning = "the waiver at evreg.yaml:2 (orders/Gone TYPE_MISMATCH) no longer matches anything: "
        + "no subject \"orders/Gone\" exists; remove it";

    Result sarif = evreg("check", "--output", "sarif");
    assertEquals(0, sarif.code(), sarif.out() + sarif.err());
    JsonNode invocation = Reports.sarif(sarif.out()).at("/runs/0/invocations/0");
    assertTrue(invocation.get("executionSuccessful").asBoolean(), sarif.out());
    assertEquals("warning", invocation.at("/toolExecutionNotifications/0/level").asText(), sarif.out());
    assertEquals(warning, invocation.at("/toolExecutionNotifications/0/message/text").asText());
    assertEquals("evreg: warning: " + warning + "\n", sarif.err());

    Result github = evreg("check", "--output", "github");
    assertEquals(0, github.code(), github.out() + github.err());
    assertTrue(github.out().endsWith("::warning title=evreg::" + warning + "\n"), github.out());
  }
}
