package dev.evreg.registry;

import static dev.evreg.registry.GitFixture.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.registry.git.IndexProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions and ids from history, on repositories built with fixed dates. */
class SchemaHistoryTest {

  @TempDir
  Path dir;

  static final String A = "schemas/orders/OrderPlaced.avsc";

  SchemaHistory history(GitFixture repo) {
    return history(repo, "main");
  }

  static SchemaHistory history(GitFixture repo, String ref) {
    try (GitRegistry r = GitRegistry.open(repo.dir(), null, IndexProgress.NONE)) {
      return r.history(r.ref(ref));
    }
  }

  static int commitsRead(GitFixture repo) {
    try (GitRegistry r = GitRegistry.open(repo.dir(), null, IndexProgress.NONE)) {
      return r.history(r.ref("main")).index().commitsRead();
    }
  }

  static List<Integer> ids(Subject s) {
    return s.versions().stream().map(SchemaVersion::id).toList();
  }

  @Test
  void versionsAreTheDistinctContentsOldestFirst() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).write("README.md", "hi").commit("Add OrderPlaced");
      repo.write("README.md", "more").commit("Docs only");
      RevCommit second = repo.write(A, avro("OrderPlaced", "id", "channel=web")).commit("Add channel\n\nlong body");
      Subject s = history(repo).subject("orders/OrderPlaced").orElseThrow();
      assertEquals(2, s.versions().size());
      assertEquals(2, s.current());
      assertEquals(List.of(1, 2), ids(s));
      SchemaVersion v2 = s.versions().get(1);
      assertEquals(second.getId(), v2.commit().id());
      assertEquals("Add channel", v2.commit().summary());
      assertEquals(GitFixture.START + 180, v2.commit().authorSeconds());
      assertEquals(A, s.path());
    }
  }

  @Test
  void formattingAndLineEndingsAloneCreateNoVersion() {
    try (GitFixture repo = GitFixture.init(dir)) {
      String text = avro("OrderPlaced", "id");
      repo.write(A, text).commit("v1");
      repo.write(A, text.replace("\n", "\r\n")).commit("CRLF");
      repo.write(A, text.replace(", ", ",    ").replace("\n", "")).commit("reformat");
      Subject s = history(repo).subject("orders/OrderPlaced").orElseThrow();
      assertEquals(1, s.versions().size());
      assertEquals(1, s.current());
    }
  }

  @Test
  void renamesAreFollowed() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("v2");
      repo.move(A, "schemas/sales/OrderPlaced.avsc").commit("move");
      repo.write("schemas/sales/OrderPlaced.avsc", avro("OrderPlaced", "id", "a=x", "b=y")).commit("v3");
      SchemaHistory h = history(repo);
      assertTrue(h.subject("orders/OrderPlaced").isEmpty(), "the old name is gone: its history moved");
      Subject s = h.subject("sales/OrderPlaced").orElseThrow();
      assertEquals(3, s.versions().size());
      assertEquals(A, s.versions().get(0).path());
      assertEquals("schemas/sales/OrderPlaced.avsc", s.versions().get(2).path());
    }
  }

  @Test
  void aRevertAddsNoVersionAndMakesTheEarlierVersionCurrent() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("v2");
      repo.write(A, avro("OrderPlaced", "id")).commit("Revert \"v2\"");
      Subject s = history(repo).subject("orders/OrderPlaced").orElseThrow();
      assertEquals(2, s.versions().size());
      assertEquals(1, s.current());
      assertEquals(1, s.latest().version());
    }
  }

  @Test
  void mergeCommitsCountOnlyThroughTheFirstParent() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.branch("feature");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("step 1 on the branch");
      repo.write(A, avro("OrderPlaced", "id", "a=x", "b=y")).commit("step 2 on the branch");
      repo.checkout("main");
      repo.write("README.md", "main moves on").commit("docs");
      RevCommit merge = repo.merge("feature", "Merge feature");
      Subject s = history(repo).subject("orders/OrderPlaced").orElseThrow();
      assertEquals(2, s.versions().size(), "the branch's intermediate step is not a version");
      assertEquals(merge.getId(), s.versions().get(1).commit().id());
    }
  }

  @Test
  void aDeletedAndReAddedSubjectKeepsItsVersions() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("v2");
      repo.delete(A).commit("delete");
      Subject gone = history(repo).subject("orders/OrderPlaced").orElseThrow();
      assertTrue(gone.deleted());
      assertEquals(0, gone.current());
      repo.write(A, avro("OrderPlaced", "id", "a=x", "b=y")).commit("re-add");
      Subject back = history(repo).subject("orders/OrderPlaced").orElseThrow();
      assertFalse(back.deleted());
      assertEquals(3, back.versions().size());
      assertEquals(3, back.current());
    }
  }

  @Test
  void theSameSchemaHasTheSameIdInEverySubjectAndIdsSurviveNewCommits() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write("schemas/a.avsc", avro("X", "id")).commit("a1");
      repo.write("schemas/b.avsc", avro("Y", "id")).commit("b1");
      repo.write("schemas/c.avsc", avro("X", "id").replace("\n", " ")).commit("c1 = a1 reformatted");
      SchemaHistory h = history(repo);
      assertEquals(List.of(1), ids(h.subject("a").orElseThrow()));
      assertEquals(List.of(2), ids(h.subject("b").orElseThrow()));
      assertEquals(List.of(1), ids(h.subject("c").orElseThrow()));
      repo.write("schemas/a.avsc", avro("X", "id", "n=1")).commit("a2");
      repo.write("schemas/0first.avsc", avro("Z", "id")).commit("a new subject that sorts first");
      SchemaHistory later = history(repo);
      assertEquals(List.of(1, 3), ids(later.subject("a").orElseThrow()));
      assertEquals(List.of(2), ids(later.subject("b").orElseThrow()));
      assertEquals(List.of(4), ids(later.subject("0first").orElseThrow()));
      assertEquals(h.subject("a").orElseThrow().versions().get(0).fingerprint(),
          later.subject("c").orElseThrow().versions().get(0).fingerprint());
    }
  }

  @Test
  void aSecondRunReadsOnlyNewCommitsFromTheCache() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("v2");
      assertEquals(2, commitsRead(repo));
      assertEquals(0, commitsRead(repo), "the whole index came from the cache");
      repo.write(A, avro("OrderPlaced", "id", "a=x", "b=y")).commit("v3");
      assertEquals(1, commitsRead(repo));
      assertEquals(List.of(1, 2, 3), ids(history(repo).subject("orders/OrderPlaced").orElseThrow()));
    }
  }

  @Test
  void aCorruptCacheIsRebuiltSilently() throws IOException {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("v2");
      List<Integer> before = ids(history(repo).subject("orders/OrderPlaced").orElseThrow());
      Path cacheDir = dir.resolve(".git/evreg");
      try (Stream<Path> files = Files.list(cacheDir)) {
        for (Path f : files.toList()) {
          byte[] b = Files.readAllBytes(f);
          Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
        }
      }
      assertEquals(2, commitsRead(repo), "a truncated file is not used");
      assertEquals(before, ids(history(repo).subject("orders/OrderPlaced").orElseThrow()));
    }
  }

  /** A path freed twice (deleted, moved onto, deleted) and re-added after a cached run: as a full walk. */
  @Test
  void aPathReAddedAfterACachedRunHasTheHistoryOfAFullWalk() throws IOException {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write("schemas/a.avsc", avro("Moved", "id")).commit("a");
      repo.write("schemas/p.avsc", avro("First", "id")).commit("p");
      repo.delete("schemas/p.avsc").commit("p deleted");
      repo.move("schemas/a.avsc", "schemas/p.avsc").commit("a moved to p");
      repo.delete("schemas/p.avsc").commit("p deleted again");
      history(repo); // indexed so far, and cached
      repo.write("schemas/p.avsc", avro("Back", "id")).commit("p re-added");
      List<String> cached = history(repo).subject("p").orElseThrow().versions().stream()
          .map(v -> v.path() + " " + v.fingerprint().hex().substring(0, 8)).toList();
      try (Stream<Path> files = Files.list(dir.resolve(".git/evreg"))) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      List<String> full = history(repo).subject("p").orElseThrow().versions().stream()
          .map(v -> v.path() + " " + v.fingerprint().hex().substring(0, 8)).toList();
      assertEquals(full, cached);
    }
  }

  @Test
  void anUnparsableVersionIsSkippedWithAWarning() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.write(A, "{\"type\": \"record\",").commit("broken");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("fixed");
      SchemaHistory h = history(repo);
      Subject s = h.subject("orders/OrderPlaced").orElseThrow();
      assertEquals(2, s.versions().size());
      List<HistoryWarning> w = h.warnings("orders/OrderPlaced");
      assertEquals(1, w.size());
      assertTrue(w.get(0).message().contains(":" + A + ":1:"), w.get(0).message());
    }
  }

  @Test
  void recordNamingNamesSubjectsByFullName() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write("evreg.yaml", "schemas:\n  naming: record\n");
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.move(A, "schemas/x.avsc").commit("move");
      SchemaHistory h = history(repo);
      Subject s = h.subject("com.acme.OrderPlaced").orElseThrow();
      assertEquals(1, s.versions().size());
      assertEquals("schemas/x.avsc", s.path());
    }
  }

  @Test
  void aDetachedHeadDoesNotMatterForHistory() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      RevCommit v1 = repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.write(A, avro("OrderPlaced", "id", "a=x")).commit("v2");
      repo.git().checkout().setName(v1.name()).call();
      assertEquals(2, history(repo).subject("orders/OrderPlaced").orElseThrow().versions().size());
      assertEquals(1, history(repo, v1.name()).subject("orders/OrderPlaced").orElseThrow().versions().size());
    }
  }

  @Test
  void anUnknownRefNamesTheFetchThatBringsIt() throws Exception {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).commit("v1");
      repo.git().remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish("../upstream")).call();
      try (GitRegistry r = GitRegistry.open(dir, null, IndexProgress.NONE)) {
        RegistryException e = assertThrows(RegistryException.class, () -> r.ref("nope"));
        assertTrue(e.getMessage().startsWith("the ref \"nope\" does not exist in this repository"), e.getMessage());
        assertTrue(e.getMessage().contains("git fetch origin nope:refs/remotes/origin/nope"), e.getMessage());
      }
    }
  }

  @Test
  void protobufVersionsResolveImportsInTheirOwnCommit() {
    try (GitFixture repo = GitFixture.init(dir)) {
      String common = "syntax = \"proto3\";\npackage acme.common;\nmessage Money { int64 cents = 1; }\n";
      String order = "syntax = \"proto3\";\npackage acme.orders;\nimport \"acme/common/money.proto\";\n"
          + "message OrderPlaced {\n  string id = 1;\n  acme.common.Money total = 2;\n}\n";
      repo.write("schemas/acme/common/money.proto", common).write("schemas/acme/orders/order.proto", order).commit("v1");
      repo.write("schemas/acme/orders/order.proto", order.replace("  ", "    ").replace("\n", "\r\n")).commit("reformat");
      repo.write("schemas/acme/orders/order.proto", order.replace("}\n", "  string channel = 3;\n}\n")).commit("v2");
      SchemaHistory h = history(repo);
      assertEquals(List.of(), h.warnings());
      assertEquals(2, h.subject("acme/orders/order").orElseThrow().versions().size());
      assertEquals(1, h.subject("acme/common/money").orElseThrow().versions().size());
    }
  }

  @Test
  void jsonSchemaMemberOrderAddsNoVersion() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write("schemas/user.json", "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}\n").commit("v1");
      repo.write("schemas/user.json", "{\n  \"properties\": {\"id\": {\"type\": \"string\"}},\n  \"type\": \"object\"\n}\n").commit("reorder");
      assertEquals(1, history(repo).subject("user").orElseThrow().versions().size());
    }
  }

  @Test
  void changingTheSchemaPathsReadsHistoryAgain() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write(A, avro("OrderPlaced", "id")).write("events/x.avsc", avro("X", "id")).commit("v1");
      assertTrue(history(repo).subject("x").isEmpty());
      repo.write("evreg.yaml", "schemas:\n  paths: [\"schemas/**\", \"events/**\"]\n");
      assertEquals(1, history(repo).subject("x").orElseThrow().versions().size());
    }
  }

  @Test
  void twoFilesNamingTheSameSubjectAreAnError() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write("schemas/a.avsc", avro("Same", "id")).write("schemas/b.avsc", avro("Same", "id", "x=1"));
      repo.write("evreg.yaml", "schemas:\n  naming: record\n").commit("two files, one record");
      RegistryException e = assertThrows(RegistryException.class, () -> history(repo));
      assertTrue(e.getMessage().startsWith("two schema files name the subject \"com.acme.Same\": schemas/a.avsc and schemas/b.avsc"),
          e.getMessage());
    }
  }
}
