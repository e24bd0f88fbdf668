package dev.evreg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evreg.cli.MainTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * ci-templates/: each file parses as YAML and has the parts its CI system needs, and every evreg
 * command line in it runs on the repository of examples/git-repo: the breaking pull request fails
 * with a report in the format the file collects, the compatible one passes.
 */
class CiTemplatesTest {

  static final Path TEMPLATES = Path.of("../ci-templates");
  static final String LAUNCH = "java -jar \"$EVREG_JAR\" ";

  @TempDir
  Path dir;

  Path repo;

  /** One evreg command line of a template: its arguments and the file its output goes to (null: the log). */
  record CommandLine(List<String> args, String target) {

    String format() {
      int i = args.indexOf("--output");
      return i < 0 ? "text" : args.get(i + 1);
    }
  }

  @BeforeEach
  void exampleRepository() throws Exception {
    assumeTrue(GitCommandsTest.gitAvailable(), "examples/git-repo/build.sh needs git");
    repo = dir.resolve("repo");
    exec(List.of("bash", "../examples/git-repo/build.sh", repo.toString()));
    // what actions/checkout with fetch-depth: 0, or the GitLab job's fetch, leaves
    exec(List.of("git", "-C", repo.toString(), "update-ref", "refs/remotes/origin/main", "refs/heads/main"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void githubWorkflow() throws Exception {
    Map<String, Object> workflow = yaml("github/evreg.yml");
    assertTrue(((Map<String, Object>) workflow.get("on")).containsKey("pull_request"), workflow.toString());
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("evreg");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
    Map<String, Object> checkout = step(steps, "actions/checkout@");
    assertEquals(0, ((Map<String, Object>) checkout.get("with")).get("fetch-depth"));
    Map<String, Object> upload = step(steps, "github/codeql-action/upload-sarif@");

    List<CommandLine> lines = new ArrayList<>();
    for (Map<String, Object> s : steps) {
      if (s.get("run") instanceof String run) {
        lines.addAll(commandLines(run.replace("${{ github.base_ref }}", "main")));
      }
    }
    assertEquals(List.of("sarif", "github"), lines.stream().map(CommandLine::format).toList());
    assertEquals(((Map<String, Object>) upload.get("with")).get("sarif_file"), lines.get(0).target());
    Map<String, Object> last = steps.get(steps.size() - 1);
    assertTrue(((String) last.get("run")).contains("--output github") && !last.containsKey("continue-on-error"),
        "the last step fails the job: " + last);
    runOnTheExample(lines);
  }

  @Test
  @SuppressWarnings("unchecked")
  void gitlabJob() throws Exception {
    Map<String, Object> job = (Map<String, Object>) yaml("gitlab/evreg.gitlab-ci.yml").get("evreg");
    Map<String, Object> variables = (Map<String, Object>) job.get("variables");
    assertEquals("0", variables.get("GIT_DEPTH"));
    assertTrue(job.get("rules").toString().contains("merge_request_event"), job.toString());
    Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
    assertEquals("always", artifacts.get("when"));
    Map<String, Object> reports = (Map<String, Object>) artifacts.get("reports");

    List<String> script = (List<String>) job.get("script");
    List<CommandLine> lines = new ArrayList<>();
    script.forEach(s -> lines.addAll(commandLines(s.replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"))));
    assertEquals(List.of("gitlab", "junit", "text"), lines.stream().map(CommandLine::format).toList());
    assertEquals(reports.get("codequality"), lines.get(0).target());
    assertEquals(reports.get("junit"), lines.get(1).target());
    assertTrue(script.get(script.size() - 1).startsWith(LAUNCH) && !script.get(script.size() - 1).contains("||"),
        "the last line fails the job");
    runOnTheExample(lines);
  }

  /** Each command line on the breaking branch (exit 1, a report in its format), then on the compatible one (exit 0). */
  private void runOnTheExample(List<CommandLine> lines) throws Exception {
    for (String branch : List.of("breaking", "compatible")) {
      exec(List.of("git", "-C", repo.toString(), "checkout", "-q", branch));
      for (CommandLine line : lines) {
        List<String> args = new ArrayList<>(line.args());
        args.addAll(1, List.of("--repo", repo.toString()));
        Result r = MainTest.run(args.toArray(String[]::new));
        assertEquals(branch.equals("breaking") ? 1 : 0, r.code(), branch + ": " + args + "\n" + r.out() + r.err());
        switch (line.format()) {
          case "sarif" -> Reports.sarif(r.out());
          case "gitlab" -> Reports.gitlab(r.out(), "fingerprint");
          case "junit" -> Reports.junitCounts(Reports.xml(r.out()));
          case "github" -> assertTrue(r.out().lines().allMatch(l -> l.startsWith("::")), r.out());
          default -> assertFalse(r.out().isEmpty());
        }
      }
    }
  }

  /** The evreg command lines of a shell snippet: {@code java -jar "$EVREG_JAR" ARGS [> FILE] [|| true]}. */
  static List<CommandLine> commandLines(String shell) {
    List<CommandLine> out = new ArrayList<>();
    for (String line : shell.lines().map(String::strip).toList()) {
      if (!line.startsWith(LAUNCH)) {
        assertFalse(line.contains("$EVREG_JAR\" "), "an evreg call this test does not read: " + line);
        continue;
      }
      String rest = line.substring(LAUNCH.length()).replaceFirst("\\s*\\|\\|\\s*true$", "");
      String target = null;
      int redirect = rest.indexOf(" > ");
      if (redirect >= 0) {
        target = rest.substring(redirect + 3).strip();
        rest = rest.substring(0, redirect);
      }
      assertFalse(rest.contains("$") || rest.contains("'"), "an unexpanded variable or quote: " + line);
      out.add(new CommandLine(Arrays.stream(rest.replace("\"", "").split("\\s+")).toList(), target));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws IOException {
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(TEMPLATES.resolve(file)));
    assertTrue(doc instanceof Map, file);
    return (Map<String, Object>) doc;
  }

  private static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
    return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses)).findFirst()
        .orElseThrow(() -> new AssertionError("no step uses " + uses));
  }

  private static void exec(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), command + ": " + output);
  }
}
