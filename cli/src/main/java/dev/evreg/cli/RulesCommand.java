package dev.evreg.cli;

import dev.evreg.compat.RuleCatalog;
import dev.evreg.compat.RuleInfo;
import dev.evreg.registry.RegistryRule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Print the catalogue of built-in rules: id, category, default severity and summary.",
    footerHeading = "%nExamples:%n",
    footer = {"  evreg rules", "  evreg rules --output json"})
final class RulesCommand implements Callable<Integer> {

  private final PrintStream out;

  RulesCommand(PrintStream out) {
    this.out = out;
  }

  @Mixin
  InfoOptions info;

  @Option(names = {"-q", "--quiet"}, description = "Print the rows only, no header.")
  boolean quiet;

  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() {
    List<RuleInfo> rules = new ArrayList<>(RuleCatalog.builtIn());
    rules.addAll(RegistryRule.all());
    rules.sort(Comparator.comparing(RuleInfo::id));
    if (info.output == OutputFormat.JSON) {
      out.print(Json.render(rules.stream().map(r -> {
        Map<String, Object> m = Json.object();
        m.put("id", r.id());
        m.put("category", r.category());
        m.put("severity", r.defaultSeverity().label());
        m.put("summary", r.summary());
        return m;
      }).toList()));
      return ExitCode.OK.code();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "CATEGORY", "SEVERITY", "SUMMARY"});
    rules.forEach(r -> rows.add(new String[] {r.id(), r.category(), r.defaultSeverity().label(), r.summary()}));
    Table.print(out, rows, quiet);
    return ExitCode.OK.code();
  }
}
