package dev.evreg.cli;

import static dev.evreg.cli.MainTest.run;
import static dev.evreg.registry.GitFixture.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evreg.cli.MainTest.Result;
import dev.evreg.registry.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which options each command takes: as its help says, as it behaves, and as README.md says. */
class CommandOptionsTest {

  static final List<String> REPORTING = List.of("compat", "lint", "check");
  static final List<String> INFO = List.of("subjects", "log", "show", "diff", "rules", "init");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"subjects", "log", "show", "diff", "rules", "init"})
  void commandsThatReportNoFindingsOfferTextAndJsonOnly(String command) {
    Result help = run(command, "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--output=FORMAT") && help.out().contains("text or json"), help.out());
    assertFalse(help.out().contains("sarif") || help.out().contains("--fail-on"), help.out());
    for (String format : List.of("sarif", "junit", "github", "gitlab")) {
      Result r = run(command, "--output", format, "orders/OrderPlaced");
      assertEquals(2, r.code(), r.out() + r.err());
      assertEquals("", r.out());
      assertEquals("evreg " + command + ": Invalid value for option '--output': this command prints text or json; " + format
          + " is a report format of compat, lint and check (see 'evreg " + command + " --help')\n", r.err());
    }
    Result unknown = run(command, "--output", "xml");
    assertTrue(unknown.err().contains("unknown output format 'xml'; this command prints text or json"), unknown.err());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"compat", "lint", "check"})
  void commandsThatReportFindingsOfferTheCiFormats(String command) {
    String help = run(command, "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("text, json, sarif, junit, github or gitlab") && help.contains("--fail-on"), help);
  }

  @Test
  void initWritesJsonWhenAsked() throws IOException {
    try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
      repo.write("schemas/a.avsc", avro("A", "id")).commit("Add A");
      Result r = run("init", "--repo", repo.dir().toString(), "--output", "json");
      assertEquals(0, r.code(), r.err());
      JsonNode doc = Reports.json(r.out());
      assertEquals("init", doc.get("command").asText());
      assertEquals("main", doc.get("baseBranch").asText());
      assertTrue(Files.isRegularFile(Path.of(doc.get("file").asText())), r.out());
    }
  }

  @Test
  void aMissingRefNamesTheOptionOfTheCommand() throws Exception {
    try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
      repo.write("schemas/orders/OrderPlaced.avsc", avro("OrderPlaced", "id")).commit("Add OrderPlaced");
      repo.git().remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish("../upstream")).call();
      String at = repo.dir().toString();
      for (Result r : List.of(run("subjects", "--repo", at, "--ref", "nope"), run("log", "--repo", at, "--ref", "nope", "orders/OrderPlaced"))) {
        assertEquals(2, r.code());
        assertTrue(r.err().endsWith("or name another ref with --ref\n") && !r.err().contains("--against"), r.err());
      }
      Result check = run("check", "--repo", at, "--against", "nope");
      assertTrue(check.err().endsWith("or name another ref with --against\n"), check.err());
    }
  }

  /** README.md's sentences about --output, --fail-on and --repo, and what the commands take. */
  @Test
  void theReadmeSaysWhichCommandsTakeWhichOptions() throws IOException {
    String readme = Files.readString(Path.of("../README.md")).replaceAll("\\s+", " ");
    assertTrue(readme.contains("The commands that report findings (`compat`, `lint`, `check`) take "
        + "`--output text|json|sarif|junit|github|gitlab` and `--fail-on error|warning|info`."), "README.md");
    assertTrue(readme.contains("Every command takes `--output json`; `subjects`, `log`, `show`, `diff`, `rules` and `init` "
        + "print text or JSON only. Every command but `compat` and `rules` takes `--repo DIR`."), "README.md");
    String commands = run().err();
    for (String command : concat(REPORTING, INFO)) {
      assertTrue(commands.contains(command), commands);
      String help = run(command, "--help").out();
      assertTrue(help.contains("--output=FORMAT"), command + ": " + help);
      assertEquals(REPORTING.contains(command), help.contains("--fail-on"), command + ": " + help);
      assertEquals(!List.of("compat", "rules").contains(command), help.contains("--repo"), command + ": " + help);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
