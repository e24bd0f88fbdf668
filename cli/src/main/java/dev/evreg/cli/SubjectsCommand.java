package dev.evreg.cli;

import dev.evreg.registry.SchemaVersion;
import dev.evreg.registry.Subject;
import dev.evreg.registry.config.CompatibilitySettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "subjects", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List the subjects on the base branch: name, format, level, latest version and its id.",
    footerHeading = "%nExamples:%n",
    footer = {"  evreg subjects", "  evreg subjects --all --output json", "  evreg subjects --ref v1.4.0"})
final class SubjectsCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  SubjectsCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Option(names = "--ref", paramLabel = "REF", description = "Read the history of this ref (default: the base branch).")
  String ref;

  @Option(names = "--all", description = "Include subjects whose file was deleted.")
  boolean all;

  @Mixin
  RepoOptions repo;

  @Mixin
  InfoOptions info;

  @Option(names = {"-q", "--quiet"}, description = "Print the rows only: no header, no summary line.")
  boolean quiet;

  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() {
    try (Versions.Opened o = Versions.Opened.of(repo, ref, err)) {
      CompatibilitySettings levels = o.registry().config().compatibility();
      List<Subject> subjects = o.history().subjects().stream().filter(s -> all || !s.deleted()).toList();
      if (info.output == OutputFormat.JSON) {
        List<Object> list = new ArrayList<>();
        for (Subject s : subjects) {
          Map<String, Object> m = Json.object();
          m.put("subject", s.name());
          m.put("format", s.format().displayName());
          m.put("level", levels.levelFor(s.name()).name());
          m.put("path", s.path());
          m.put("deleted", s.deleted());
          m.put("versions", s.versions().size());
          m.put("latest", Versions.json(s.latest()));
          list.add(m);
        }
        Map<String, Object> doc = Json.object();
        doc.put("command", "subjects");
        doc.put("ref", o.ref());
        doc.put("subjects", list);
        out.print(Json.render(doc));
        return ExitCode.OK.code();
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"SUBJECT", "FORMAT", "LEVEL", "VERSION", "ID"});
      for (Subject s : subjects) {
        SchemaVersion v = s.latest();
        rows.add(new String[] {s.name() + (s.deleted() ? " (deleted)" : ""), s.format().displayName(),
            levels.levelFor(s.name()).name(), v.version() + (v.version() < s.versions().size() ? " of " + s.versions().size() : ""),
            String.valueOf(v.id())});
      }
      Table.print(out, rows, quiet);
      if (!quiet) {
        out.println(subjects.size() + (subjects.size() == 1 ? " subject" : " subjects") + " on " + o.ref() + ".");
      }
      return ExitCode.OK.code();
    }
  }
}
