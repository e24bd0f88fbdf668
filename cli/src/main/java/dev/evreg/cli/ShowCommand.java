package dev.evreg.cli;

import dev.evreg.registry.SchemaVersion;
import dev.evreg.registry.Subject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print one version of a subject: its number, id, fingerprint, commit and the schema text as committed.",
    footerHeading = "%nExamples:%n",
    footer = {"  evreg show orders/OrderPlaced", "  evreg show orders/OrderPlaced@2", "  evreg show --schema-only orders/OrderPlaced@latest > old.avsc"})
final class ShowCommand implements Callable<Integer> {

  private final PrintStream out;
  private final PrintStream err;

  ShowCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Parameters(index = "0", paramLabel = "SUBJECT[@VERSION]", description = "A subject and a version number or latest (default: latest).")
  String target;

  @Option(names = "--ref", paramLabel = "REF", description = "Read the history of this ref (default: the base branch).")
  String ref;

  @Option(names = "--schema-only", description = "Print only the schema text.")
  boolean schemaOnly;

  @Mixin
  RepoOptions repo;

  @Mixin
  InfoOptions info;

  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() {
    int at = target.lastIndexOf('@');
    String name = at > 0 ? target.substring(0, at) : target;
    String version = at > 0 ? target.substring(at + 1) : null;
    try (Versions.Opened o = Versions.Opened.of(repo, ref, err)) {
      Subject s = Versions.subject(o.history(), name, o.ref());
      SchemaVersion v = Versions.version(s, version);
      String text = text(o, v);
      if (info.output == OutputFormat.JSON) {
        Map<String, Object> m = Json.object();
        m.put("command", "show");
        m.put("ref", o.ref());
        m.put("subject", s.name());
        m.putAll(Versions.json(v));
        m.put("versions", s.versions().size());
        m.put("schema", text);
        out.print(Json.render(m));
        return ExitCode.OK.code();
      }
      if (!schemaOnly) {
        out.println("subject:     " + s.name());
        out.println("version:     " + v.version() + " of " + s.versions().size()
            + (v.version() == s.current() ? " (at the tip of " + o.ref() + ")" : ""));
        out.println("id:          " + v.id());
        out.println("format:      " + v.format().displayName());
        out.println("fingerprint: " + v.fingerprint());
        out.println("commit:      " + v.commit().id().name() + " " + Versions.timestamp(v) + " " + v.commit().summary());
        out.println("path:        " + v.path());
        out.println();
      }
      out.print(text.endsWith("\n") ? text : text + "\n");
      return ExitCode.OK.code();
    }
  }

  private static String text(Versions.Opened o, SchemaVersion v) {
    return new String(o.registry().bytes(v), StandardCharsets.UTF_8);
  }
}
