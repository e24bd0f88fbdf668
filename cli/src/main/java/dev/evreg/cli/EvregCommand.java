package dev.evreg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "evreg", mixinStandardHelpOptions = true, versionProvider = EvregCommand.Version.class,
    description = {"Schema registry and event governance for event-driven systems, with git as the storage.",
        "Checks compatibility of Avro, JSON Schema and Protobuf schemas as a schema registry does."},
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
        "  evreg compat --level BACKWARD schemas/v1.avsc schemas/v2.avsc",
        "  evreg lint schemas/",
        "  evreg check --against main",
        "  evreg log orders/OrderPlaced",
        "  evreg rules",
        "  evreg daemon start   (then commands in this folder answer faster)",
        "",
        "Run 'evreg COMMAND --help' for the options of a command.",
        "Exit codes: 0 ok, 1 findings, 2 bad input or usage, 3 internal error."})
final class EvregCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    List<String> names = List.copyOf(spec.subcommands().keySet());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required: "
        + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
  }

  /** The version from the build, as {@code evreg 0.1.0}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {text()};
    }

    static String text() {
      Properties p = new Properties();
      try (InputStream in = EvregCommand.class.getResourceAsStream("/evreg-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        return "evreg (unknown version)";
      }
      return "evreg " + p.getProperty("version", "(unknown version)");
    }
  }
}
