package dev.evreg.cli;

import dev.evreg.registry.config.EvregConfig;
import dev.evreg.registry.config.InitTemplate;
import dev.evreg.registry.git.GitRepo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a commented evreg.yaml at the repository root: every key, at its default or as a commented example.",
        "The base branch is the remote's default branch in a clone, else main or master when one exists, "
            + "else the branch HEAD is on."},
    footerHeading = "%nExamples:%n",
    footer = {"  evreg init", "  evreg init --repo ../events --force", "  evreg init --output json"})
final class InitCommand implements Callable<Integer> {

  private final PrintStream out;

  InitCommand(PrintStream out) {
    this.out = out;
  }

  @Option(names = {"-C", "--repo"}, paramLabel = "DIR", description = "The repository (default: the current folder).")
  Path repo = Path.of("");

  @Option(names = "--force", description = "Replace an existing evreg.yaml.")
  boolean force;

  @Mixin
  InfoOptions info;

  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() throws IOException {
    Path root;
    String base;
    try (GitRepo git = GitRepo.open(repo)) {
      root = git.workTree();
      base = git.defaultBranch();
    }
    Path file = root.resolve(EvregConfig.FILE_NAME);
    if (Files.exists(file) && !force) {
      throw new UserError(file + " exists already; pass --force to replace it");
    }
    Files.writeString(file, InitTemplate.text(base));
    if (info.output == OutputFormat.JSON) {
      Map<String, Object> m = Json.object();
      m.put("command", "init");
      m.put("file", file.toString());
      m.put("baseBranch", base);
      out.print(Json.render(m));
    } else {
      out.println("Wrote " + file + " (base branch " + base + "); commit it with your schemas.");
    }
    return ExitCode.OK.code();
  }
}
