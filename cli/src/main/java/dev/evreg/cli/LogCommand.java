package dev.evreg.cli;

import dev.evreg.compat.Level;
import dev.evreg.registry.Subject;
import dev.evreg.registry.SubjectLog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "log", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List the versions of a subject, oldest first: version, id, commit, author date, whether it was "
        + "compatible with the versions before it (at the subject's level), and the commit's subject line.",
        "A break that a waiver accepts shows as \"waived\"."},
    footerHeading = "%nExamples:%n",
    footer = {"  evreg log orders/OrderPlaced", "  evreg log --output json orders/OrderPlaced"})
final class LogCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  LogCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject, as 'evreg subjects' lists it.")
  String subject;

  @Option(names = "--ref", paramLabel = "REF", description = "Read the history of this ref (default: the base branch).")
  String ref;

  @Option(names = {"-l", "--level"}, paramLabel = "LEVEL", converter = Converters.LevelConverter.class,
      description = "Judge each version at this level instead of the subject's configured one.")
  Level level;

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
      Subject s = Versions.subject(o.history(), subject, o.ref());
      Level l = Versions.level(o, s, level);
      List<SubjectLog.Entry> entries = SubjectLog.of(o.registry(), s, l);
      if (info.output == OutputFormat.JSON) {
        Map<String, Object> doc = Json.object();
        doc.put("command", "log");
        doc.put("ref", o.ref());
        doc.put("subject", s.name());
        doc.put("level", l.name());
        doc.put("current", s.current());
        List<Object> list = new ArrayList<>();
        for (SubjectLog.Entry e : entries) {
          Map<String, Object> m = Versions.json(e.version());
          m.put("verdict", e.verdict().name().toLowerCase(Locale.ROOT));
          m.put("findings", e.findings().stream().map(Json::finding).toList());
          if (e.note() != null) {
            m.put("note", e.note());
          }
          list.add(m);
        }
        doc.put("versions", list);
        doc.put("warnings", o.history().warnings(s.name()).stream().map(w -> w.message()).toList());
        out.print(Json.render(doc));
      } else {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "ID", "COMMIT", "DATE", l.name(), "SUMMARY"});
        for (SubjectLog.Entry e : entries) {
          rows.add(new String[] {e.version().version() + (e.version().version() == s.current() ? "*" : ""),
              String.valueOf(e.version().id()), e.version().shortCommit(), Versions.date(e.version()),
              verdict(e), e.version().commit().summary()});
        }
        Table.print(out, rows, quiet);
        if (!quiet) {
          out.println(s.name() + ": " + s.versions().size() + (s.versions().size() == 1 ? " version" : " versions")
              + " on " + o.ref() + (s.deleted() ? "; its file is deleted there" : "; * marks the version at the tip") + ".");
        }
      }
      o.history().warnings(s.name()).forEach(w -> err.println("evreg: warning: " + SchemaMessages.oneLine(w.message())));
      return ExitCode.OK.code();
    }
  }

  private static String verdict(SubjectLog.Entry e) {
    return switch (e.verdict()) {
      case FIRST -> "-";
      case COMPATIBLE -> "compatible";
      case INCOMPATIBLE -> "incompatible";
      case WAIVED -> "waived";
      case UNKNOWN -> "unknown";
    };
  }
}
