package dev.evreg.cli;

import static dev.evreg.registry.GitFixture.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evreg.cli.MainTest.Result;
import dev.evreg.registry.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evreg check and the history commands on repositories built with fixed dates. */
class GitCommandsTest {

  static final String ORDER = "schemas/orders/OrderPlaced.avsc";
  static final String USER = "schemas/users/UserSignedUp.avsc";

  @TempDir
  Path dir;

  GitFixture repo;
  RevCommit v2;

  /** main: OrderPlaced v1, v2 (compatible), UserSignedUp v1; then a branch "pr" checked out. */
  @BeforeEach
  void repository() {
    repo = GitFixture.init(dir.resolve("repo"));
    repo.write(ORDER, avro("OrderPlaced", "id")).write(USER, avro("UserSignedUp", "userId")).commit("Add events");
    v2 = repo.write(ORDER, avro("OrderPlaced", "id", "channel=web")).commit("Add channel to OrderPlaced");
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

  String shortV2() {
    return v2.abbreviate(7).name();
  }

  @Test
  void aBreakingPullRequestExitsOneNamingFileLineRuleAndVersion() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total")).commit("Add total");
    Result r = evreg("check", "--against", "main", "--no-color");
    assertEquals(1, r.code(), r.out() + r.err());
    String first = r.out().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith(ORDER + ":5:3: error READER_FIELD_MISSING_DEFAULT_VALUE Field \"total\""), first);
    assertTrue(first.endsWith("[breaks version 2 of orders/OrderPlaced: " + shortV2() + ":" + ORDER + ":1:1]"), first);
    assertTrue(r.out().contains("1 error in 1 changed subject checked against main (" + shortV2() + ", merge base "
        + shortV2() + "): 1 incompatible."), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aCompatibleChangeExitsZero() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total=0")).commit("Add total with a default");
    Result r = evreg("check");
    assertEquals(0, r.code(), r.out() + r.err());
    // lint of a changed subject reports what the change added (the undocumented new field), a warning
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(0).contains(" warning FIELD_DOC_MISSING Field \"total\" of \"OrderPlaced\"")
        && lines.get(0).endsWith("[lint of orders/OrderPlaced]"), r.out());
    assertTrue(lines.get(1).startsWith("Checked 1 changed subject against main"), r.out());
    assertTrue(lines.get(1).contains(": 1 compatible."), r.out());
  }

  @Test
  void uncommittedAndUntrackedChangesCount() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total"));
    repo.write("schemas/payments/PaymentTaken.avsc", avro("PaymentTaken", "id"));
    Result r = evreg("check", "--output", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode doc = json(r);
    assertEquals("incompatible", doc.at("/subjects/0/status").asText());
    assertEquals("new", doc.at("/subjects/1/status").asText());
    assertEquals("payments/PaymentTaken", doc.at("/subjects/1/subject").asText());
  }

  @Test
  void noChangeIsQuickAndClean() {
    Result r = evreg("check");
    assertEquals(0, r.code(), r.err());
    assertEquals("No schema changed since the merge base with main (" + shortV2() + ", merge base " + shortV2() + ").\n",
        r.out());
  }

  @Test
  void aReformattedSchemaIsUnchanged() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web").replace("\n", "\r\n").replace(", ", ",  "));
    Result r = evreg("check");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1 unchanged after normalisation"), r.out());
  }

  @Test
  void aDetachedHeadIsChecked() throws Exception {
    RevCommit c = repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total")).commit("break");
    repo.git().checkout().setName(c.name()).call();
    assertEquals(1, evreg("check", "--against", "main").code());
  }

  @Test
  void aRenamedFileIsCheckedAgainstTheVersionsOfItsOldPath() {
    String[] fields = {"id", "channel=web", "a=1", "b=2", "c=3", "d=4", "e=5", "f=6"};
    repo.checkout("main");
    repo.write(ORDER, avro("OrderPlaced", fields)).commit("More fields");
    repo.branch("pr2");
    repo.move(ORDER, "schemas/sales/OrderPlaced.avsc");
    List<String> more = new ArrayList<>(List.of(fields));
    more.add("total");
    repo.write("schemas/sales/OrderPlaced.avsc", avro("OrderPlaced", more.toArray(String[]::new)));
    Result r = evreg("check", "--output", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode s = json(r).at("/subjects/0");
    assertEquals("sales/OrderPlaced", s.get("subject").asText());
    assertEquals("orders/OrderPlaced", s.get("previousSubject").asText());
    assertEquals("renamed", s.get("change").asText());
    assertEquals(3, s.at("/checked/0/version").asInt());
  }

  @Test
  void aChangeToAFileRenamedOnTheBaseBranchSinceIsCheckedUnderItsNewName() {
    String[] fields = {"id", "channel=web", "a=1", "b=2", "c=3", "d=4", "e=5", "f=6"};
    repo.checkout("main");
    repo.write(ORDER, avro("OrderPlaced", fields)).commit("More fields");
    repo.branch("pr2");
    repo.checkout("main");
    repo.move(ORDER, "schemas/sales/OrderPlaced.avsc").commit("Move OrderPlaced to sales");
    repo.checkout("pr2");
    List<String> more = new ArrayList<>(List.of(fields));
    more.add("total");
    repo.write(ORDER, avro("OrderPlaced", more.toArray(String[]::new)));
    Result r = evreg("check", "--output", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode s = json(r).at("/subjects/0");
    assertEquals("orders/OrderPlaced", s.get("subject").asText());
    assertEquals("sales/OrderPlaced", s.get("previousSubject").asText());
    assertEquals("incompatible", s.get("status").asText());
  }

  @Test
  void aDeletedSubjectIsAnErrorUnlessWaived() throws IOException {
    repo.delete(USER);
    Result r = evreg("check", "--no-color");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().startsWith(USER + ":1:1: error SUBJECT_DELETED The schema of subject \"users/UserSignedUp\" was deleted"),
        r.out());
    String fp = json(evreg("show", "--output", "json", "users/UserSignedUp")).get("fingerprint").asText();
    repo.write("evreg.yaml", "waivers:\n  - subject: users/UserSignedUp\n    rule: SUBJECT_DELETED\n"
        + "    reason: retired with the v1 API\n    old: " + fp + "\n");
    Result waived = evreg("check");
    assertEquals(0, waived.code(), waived.out() + waived.err());
    assertTrue(waived.out().contains("waiver applied: users/UserSignedUp SUBJECT_DELETED (retired with the v1 API) [evreg.yaml:2]"),
        waived.out());
  }

  @Test
  void aWaiverAcceptsExactlyTheBreakItNames() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total"));
    JsonNode doc = json(evreg("check", "--output", "json"));
    String oldFp = doc.at("/subjects/0/checked/0/fingerprint").asText();
    String newFp = doc.at("/subjects/0/fingerprint").asText();
    String waiver = "waivers:\n  - subject: orders/OrderPlaced\n    rule: READER_FIELD_MISSING_DEFAULT_VALUE\n"
        + "    reason: producers and consumers deploy together\n    old: " + oldFp + "\n    new: %s\n";
    repo.write("evreg.yaml", waiver.formatted(newFp) + "  - subject: orders/Gone\n    rule: TYPE_MISMATCH\n"
        + "    reason: old\n    old: " + oldFp + "\n    new: " + newFp + "\n");
    Result ok = evreg("check");
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("waiver applied: orders/OrderPlaced READER_FIELD_MISSING_DEFAULT_VALUE "
        + "(producers and consumers deploy together) [evreg.yaml:2]"), ok.out());
    assertTrue(ok.out().contains("1 compatible; 1 waiver applied."), ok.out());
    assertEquals("evreg: warning: the waiver at evreg.yaml:7 (orders/Gone TYPE_MISMATCH) no longer matches anything: "
        + "no subject \"orders/Gone\" exists; remove it\n", ok.err());

    // once merged, the waived version shows as such in the log, and the waiver stays quiet
    repo.commit("Accept the break");
    repo.checkout("main");
    repo.merge("pr", "Merge pr");
    Result log = evreg("log", "orders/OrderPlaced");
    assertTrue(log.out().lines().anyMatch(l -> l.matches("3\\* +4 .* waived +Merge pr")), log.out());
    repo.branch("pr-next");

    // a later, different break is not hidden; the merged waiver is history now and stays quiet
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total", "other"));
    Result later = evreg("check", "--no-color");
    assertEquals(1, later.code(), later.out());
    assertTrue(later.out().contains("error READER_FIELD_MISSING_DEFAULT_VALUE Field \"other\""), later.out());
    assertFalse(later.err().contains("orders/OrderPlaced"), later.err());
  }

  @Test
  void aWaiverWhosePairIsNeitherTheCandidateNorHistoryIsStale() {
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total"));
    String oldFp = json(evreg("check", "--output", "json")).at("/subjects/0/checked/0/fingerprint").asText();
    repo.write("evreg.yaml", "waivers:\n  - subject: orders/OrderPlaced\n    rule: READER_FIELD_MISSING_DEFAULT_VALUE\n"
        + "    reason: r\n    old: " + oldFp + "\n    new: sha256:" + "0".repeat(64) + "\n");
    Result r = evreg("check");
    assertEquals(1, r.code());
    assertEquals("evreg: warning: the waiver at evreg.yaml:2 (orders/OrderPlaced READER_FIELD_MISSING_DEFAULT_VALUE) "
        + "no longer matches anything: it accepts a schema that is neither the candidate nor a version of "
        + "orders/OrderPlaced; remove it\n", r.err());
  }

  @Test
  void transitiveLevelsComeFromTheConfigAndUseEveryVersion() {
    repo.write("evreg.yaml", "compatibility:\n  subjects:\n    \"orders/*\": FORWARD_TRANSITIVE\n");
    repo.write(ORDER, avro("OrderPlaced", "total"));
    Result r = evreg("check", "--output", "json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode s = json(r).at("/subjects/0");
    assertEquals("FORWARD_TRANSITIVE", s.get("level").asText());
    assertEquals(2, s.get("checked").size());
    assertEquals(2, s.at("/checked/0/version").asInt());
    assertEquals(1, s.at("/checked/1/version").asInt());
  }

  @Test
  void anUnreadableCandidateIsExitTwoAndTheOthersStillRun() {
    repo.write(ORDER, "{\"type\": \"record\",");
    repo.write(USER, avro("UserSignedUp", "userId", "plan"));
    Result r = evreg("check", "--no-color");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("error READER_FIELD_MISSING_DEFAULT_VALUE"), r.out());
    assertTrue(r.err().startsWith(ORDER + ":1:19: error: invalid JSON"), r.err());
  }

  @Test
  void aMisspelledConfigKeyIsExitTwoWithLineAndSuggestion() {
    repo.write("evreg.yaml", "schemas:\n  paths: [\"schemas/**\"]\nbaseBrnch: main\n");
    Result r = evreg("check");
    assertOneLineError(r, "evreg.yaml:3:1: error: unknown key \"baseBrnch\" in the configuration; did you mean \"baseBranch\"?");
  }

  @Test
  void anUnknownRefIsExitTwoWithTheFix() throws Exception {
    repo.git().remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish("../upstream")).call();
    Result r = evreg("check", "--against", "releases/9");
    assertOneLineError(r, "evreg: the ref \"releases/9\" does not exist in this repository");
    assertTrue(r.err().contains("git fetch origin releases/9:refs/remotes/origin/releases/9"), r.err());
  }

  @Test
  void aMissingBaseBranchNamesTheSetting() throws Exception {
    repo.git().branchRename().setOldName("main").setNewName("trunk").call();
    Result r = evreg("check");
    assertOneLineError(r, "evreg: the ref \"main\" does not exist");
    assertTrue(r.err().contains("the branches are pr, trunk") && r.err().contains("set baseBranch in evreg.yaml"), r.err());
    repo.write("evreg.yaml", "baseBranch: trunk\n");
    assertEquals(0, evreg("check").code());
  }

  @Test
  void aShallowCloneWithoutTheHistoryNamesTheFetch() throws Exception {
    assumeTrue(gitAvailable(), "the git binary makes the shallow clone");
    Path clone = dir.resolve("clone");
    Process p = new ProcessBuilder("git", "clone", "-q", "--depth", "1", "--branch", "main",
        repo.dir().toUri().toString(), clone.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), output);
    Files.writeString(clone.resolve(ORDER), avro("OrderPlaced", "id", "channel=web", "total"));
    Result r = MainTest.run("check", "--repo", clone.toString(), "--against", "origin/main");
    assertOneLineError(r, "evreg: the history of origin/main is cut at commit " + shortV2() + " by a shallow clone");
    assertTrue(r.err().contains("'git fetch --unshallow'") && r.err().contains("fetch-depth: 0"), r.err());
  }

  @Test
  void aVersionThatDoesNotParseIsSkippedWithAWarning() {
    repo.checkout("main");
    RevCommit broken = repo.write(ORDER, "{\"type\": \"record\",").commit("Broken for a moment");
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total=0")).commit("Fixed");
    Result log = evreg("log", "orders/OrderPlaced");
    assertEquals(0, log.code(), log.err());
    assertEquals(3, log.out().lines().filter(l -> l.matches("\\d.*")).count(), log.out());
    assertEquals("evreg: warning: skipped a version of orders/OrderPlaced that does not parse: "
        + broken.abbreviate(7).name() + ":" + ORDER + ":1:19: invalid JSON: unexpected end of file within/between "
        + "Object entries\n", log.err());
    repo.branch("next");
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total=0", "n=1"));
    Result check = evreg("check");
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.err().startsWith("evreg: warning: skipped a version of orders/OrderPlaced"), check.err());
  }

  @Test
  void aConfigFileElsewhere() throws IOException {
    Path cfg = dir.resolve("other.yaml");
    Files.writeString(cfg, "compatibility:\n  level: NONE\n");
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total"));
    assertEquals(1, evreg("check").code());
    assertEquals(0, evreg("check", "--config", cfg.toString()).code());
    assertOneLineError(evreg("check", "--config", dir.resolve("missing.yaml").toString()),
        dir.resolve("missing.yaml") + ": error: no such file");
  }

  @Test
  void notARepository() {
    assertOneLineError(MainTest.run("check", "--repo", dir.toString()), "evreg: not inside a git repository");
  }

  @Test
  void subjectsLogShowAndDiff() {
    repo.checkout("main");
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total")).commit("Add total (breaking)");
    Result subjects = evreg("subjects");
    assertEquals(0, subjects.code(), subjects.err());
    assertEquals("""
        SUBJECT             FORMAT  LEVEL     VERSION  ID
        orders/OrderPlaced  Avro    BACKWARD  3        4
        users/UserSignedUp  Avro    BACKWARD  1        2
        2 subjects on main.
        """, subjects.out());

    Result log = evreg("log", "orders/OrderPlaced");
    assertEquals(0, log.code(), log.err());
    List<String> lines = log.out().lines().toList();
    assertEquals("VERSION  ID  COMMIT   DATE        BACKWARD      SUMMARY", lines.get(0));
    assertTrue(lines.get(1).matches("1 +1 +[0-9a-f]{7} +2026-01-01 +- +Add events"), lines.get(1));
    assertTrue(lines.get(2).matches("2 +3 +" + shortV2() + " +2026-01-01 +compatible +Add channel to OrderPlaced"), lines.get(2));
    assertTrue(lines.get(3).matches("3\\* +4 +[0-9a-f]{7} +2026-01-01 +incompatible +Add total \\(breaking\\)"), lines.get(3));

    JsonNode logJson = json(evreg("log", "--output", "json", "orders/OrderPlaced"));
    assertEquals("incompatible", logJson.at("/versions/2/verdict").asText());
    assertTrue(logJson.at("/versions/0/fingerprint").asText().startsWith("sha256:"));
    assertEquals("2026-01-01T00:02:00Z", logJson.at("/versions/1/authorDate").asText());

    Result show = evreg("show", "orders/OrderPlaced@2");
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().startsWith("subject:     orders/OrderPlaced\nversion:     2 of 3\nid:          3\n"), show.out());
    assertTrue(show.out().endsWith(avro("OrderPlaced", "id", "channel=web")), show.out());
    assertEquals(avro("OrderPlaced", "id"), evreg("show", "--schema-only", "orders/OrderPlaced@1").out());

    Result diff = evreg("diff", "--no-color", "orders/OrderPlaced");
    assertEquals(1, diff.code(), diff.out() + diff.err());
    assertTrue(diff.out().contains("error READER_FIELD_MISSING_DEFAULT_VALUE Field \"total\""), diff.out());
    assertTrue(diff.out().contains("+      \"name\": \"total\","), diff.out());
    assertTrue(diff.out().endsWith("Version 3 of orders/OrderPlaced is not BACKWARD compatible with version 2 (1 error).\n"),
        diff.out());
    assertEquals(0, evreg("diff", "orders/OrderPlaced", "1", "2").code());

    assertOneLineError(evreg("log", "orders/OrderPlace"), "evreg: no subject \"orders/OrderPlace\" on main; did you mean \"orders/OrderPlaced\"?");
    assertOneLineError(evreg("show", "orders/OrderPlaced@9"), "evreg: subject \"orders/OrderPlaced\" has no version 9");
  }

  @Test
  void initWritesACommentedConfigOnce() throws IOException {
    Result r = evreg("init");
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(repo.dir().resolve("evreg.yaml"));
    assertTrue(text.contains("baseBranch: main") && text.contains("# evreg configuration"), text);
    assertEquals(0, evreg("check").code(), "the written file parses");
    assertOneLineError(evreg("init"), "evreg: " + repo.dir().toRealPath().resolve("evreg.yaml") + " exists already");
  }

  @Test
  void rulesIncludeTheHistoryRules() {
    Result r = MainTest.run("rules");
    assertTrue(r.out().lines().anyMatch(l -> l.matches("SUBJECT_DELETED +HISTORY +error +.*")), r.out());
  }

  static JsonNode json(Result r) {
    try {
      return new ObjectMapper().readTree(r.out());
    } catch (IOException e) {
      throw new AssertionError("not one JSON document: " + r.out(), e);
    }
  }

  static void assertOneLineError(Result r, String expectedStart) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith(expectedStart), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  static boolean gitAvailable() {
    try {
      return new ProcessBuilder("git", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
