package dev.evreg.cli;

import dev.evreg.compat.Finding;
import dev.evreg.compat.Level;
import dev.evreg.compat.Severity;
import dev.evreg.registry.SchemaDiff;
import dev.evreg.registry.SchemaVersion;
import dev.evreg.registry.Subject;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Show what changed between two versions of a subject: the compatibility findings at the subject's "
        + "level, then a unified diff of the two schemas in normalised form (formatting differences do not show).",
        "Without versions: the version before the latest, and the latest. With one: that version and the latest."},
    footerHeading = "%nExamples:%n",
    footer = {"  evreg diff orders/OrderPlaced", "  evreg diff orders/OrderPlaced 1 3", "  evreg diff --level FULL orders/OrderPlaced 2"})
final class DiffCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  DiffCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject.")
  String subject;

  @Parameters(index = "1", arity = "0..1", paramLabel = "V1", description = "The older version (number or latest).")
  String v1;

  @Parameters(index = "2", arity = "0..1", paramLabel = "V2", description = "The newer version (default: latest).")
  String v2;

  @Option(names = "--ref", paramLabel = "REF", description = "Read the history of this ref (default: the base branch).")
  String ref;

  @Option(names = {"-l", "--level"}, paramLabel = "LEVEL", converter = Converters.LevelConverter.class,
      description = "Judge at this level instead of the subject's configured one.")
  Level level;

  @Mixin
  RepoOptions repo;

  @Mixin
  InfoOptions info;

  @Option(names = {"-q", "--quiet"}, description = "Print the findings only: no diff, no summary line.")
  boolean quiet;

  @Option(names = "--no-color", description = "Never colour the output (colour is used only on a terminal).")
  boolean noColor;

  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() {
    try (Versions.Opened o = Versions.Opened.of(repo, ref, err)) {
      Subject s = Versions.subject(o.history(), subject, o.ref());
      SchemaVersion to = Versions.version(s, v2);
      SchemaVersion from;
      if (v1 != null) {
        from = Versions.version(s, v1);
      } else if (to.version() > 1) {
        from = s.versions().get(to.version() - 2);
      } else {
        throw new UserError("subject \"" + s.name() + "\" has one version on " + o.ref() + ", so there is nothing to compare it with");
      }
      Level l = Versions.level(o, s, level);
      SchemaDiff d = SchemaDiff.between(o.registry(), s, from, to, l);
      long errors = d.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
      if (info.output == OutputFormat.JSON) {
        Map<String, Object> m = Json.object();
        m.put("command", "diff");
        m.put("ref", o.ref());
        m.put("subject", s.name());
        m.put("level", l.name());
        m.put("from", Versions.json(from));
        m.put("to", Versions.json(to));
        m.put("findings", d.findings().stream().map(Json::finding).toList());
        m.put("diff", d.text());
        out.print(Json.render(m));
      } else {
        Style style = Style.forTerminal(noColor);
        for (Finding f : d.findings()) {
          out.println(style.line(f, "[version " + from.version() + ": " + Style.where(f.previous()) + "]"));
        }
        if (!quiet) {
          out.print(d.text());
          out.println("Version " + to.version() + " of " + s.name() + " is " + (errors == 0 ? "" : "not ") + l
              + " compatible with version " + from.version()
              + (errors == 0 ? "" : " (" + errors + (errors == 1 ? " error" : " errors") + ")")
              + (d.text().isEmpty() ? "; their normalised forms are equal" : "") + ".");
        }
      }
      return errors == 0 ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }
  }
}
