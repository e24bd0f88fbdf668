package dev.evreg.cli;

import dev.evreg.cli.daemon.Wire;
import dev.evreg.compat.Location;
import dev.evreg.compat.Suggestions;
import dev.evreg.compat.source.SchemaException;
import dev.evreg.registry.RegistryException;
import dev.evreg.registry.config.ConfigException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** The entry point. Only {@link #main} exits the JVM; tests call {@link #run}. */
public final class Main {

  /** Deep but legal schemas recurse deeply in the parsers; the worker thread gets room for that. */
  static final long STACK_BYTES = 512L * 1024 * 1024;

  private Main() {}

  public static void main(String[] args) {
    int code = run(System.out, System.err, args);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never exits the JVM. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    AtomicInteger code = new AtomicInteger(ExitCode.INTERNAL.code());
    Thread worker = new Thread(null, () -> {
      try {
        code.set(execute(out, err, args));
      } catch (Throwable e) {
        // what picocli's handlers do not see (an error while building the command line, say) is one line too
        code.set(failure(e, err, Wire.verbose(List.of(args))));
      }
    }, "evreg", STACK_BYTES);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
    err.flush();
    return code.get();
  }

  /** The subcommands, built on demand: picocli's reflective model costs time at every start. */
  private static Map<String, Function<PrintStream, Object>> commands(PrintStream err) {
    Map<String, Function<PrintStream, Object>> m = new LinkedHashMap<>();
    m.put("compat", o -> new CompatCommand(o, err));
    m.put("lint", o -> new LintCommand(o, err));
    m.put("check", o -> new CheckCommand(o, err));
    m.put("subjects", o -> new SubjectsCommand(o, err));
    m.put("log", o -> new LogCommand(o, err));
    m.put("show", o -> new ShowCommand(o, err));
    m.put("diff", o -> new DiffCommand(o, err));
    m.put("init", InitCommand::new);
    m.put("rules", RulesCommand::new);
    m.put("daemon", DaemonCommand::new);
    return m;
  }

  static int execute(PrintStream out, PrintStream err, String... args) {
    // before picocli has parsed (or when it fails): the raw arguments; after: what it parsed
    boolean verbose = Wire.verbose(List.of(args));
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      out.println(EvregCommand.Version.text());
      return ExitCode.OK.code();
    }
    long start = System.nanoTime();
    Map<String, Function<PrintStream, Object>> commands = commands(err);
    String invoked = List.of(args).stream().filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    if (invoked != null && !commands.containsKey(invoked) && !invoked.equals("help")) {
      err.println("evreg: unknown command '" + invoked + "'" + Suggestions.nearest(invoked, commands.keySet())
          .map(c -> "; did you mean '" + c + "'?").orElse("; the commands are " + String.join(", ", commands.keySet()))
          + " (see 'evreg --help')");
      return ExitCode.USAGE.code();
    }
    CommandLine cl = new CommandLine(new EvregCommand());
    commands.forEach((name, factory) -> {
      if (invoked == null || !commands.containsKey(invoked) || invoked.equals(name)) {
        CommandLine sub = new CommandLine(factory.apply(out));
        sub.getCommandSpec().versionProvider(new EvregCommand.Version()); // so that 'evreg check -V' prints it too
        cl.addSubcommand(name, sub);
      }
    });
    if ("help".equals(invoked)) {
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
    // usage help in colour by evreg's rule for its terminal (the client's, in the daemon), not the JVM's
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(
        Terminal.current().colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, a) -> {
      String command = ex.getCommandLine().getCommandName();
      String prefix = command.equals("evreg") ? "evreg" : "evreg " + command;
      err.println(prefix + ": " + usageMessage(ex.getMessage()) + " (see '" + prefix + " --help')");
      return ExitCode.USAGE.code();
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, err, verbose || verbose(parsed)));
    long built = System.nanoTime();
    int code = cl.execute(args);
    if (verbose || verbose(cl.getParseResult())) {
      err.printf("evreg: timing: command line %d ms, command %d ms%n",
          (built - start) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
    }
    return code;
  }

  private static final Pattern UNMATCHED = Pattern.compile("Unmatched arguments? (?:at|from) index \\d+: (.*)", Pattern.DOTALL);
  private static final Pattern TOO_FEW = Pattern.compile(
      "positional parameter at index \\S+ \\((\\w+)\\) requires at least (\\d+) values?, but only (\\d+) (?:was|were) specified.*",
      Pattern.DOTALL);

  private static final Pattern NOT_ONE_OF = Pattern.compile(
      "Invalid value for (?:option '(\\S+)'|positional parameter at index \\d+ \\((\\S+)\\)): expected one of \\[(.*)\\]"
          + " \\(case-(?:in)?sensitive\\) but was '(.*)'", Pattern.DOTALL);

  /** picocli's parse errors in the words of the rest of evreg's messages. */
  static String usageMessage(String picocli) {
    String m = SchemaMessages.oneLine(String.valueOf(picocli));
    Matcher notOneOf = NOT_ONE_OF.matcher(m);
    if (notOneOf.matches()) {
      List<String> values = List.of(notOneOf.group(3).split(", "));
      String given = notOneOf.group(4);
      return (notOneOf.group(1) != null ? notOneOf.group(1) : notOneOf.group(2)) + " must be one of "
          + String.join(", ", values) + ", not '" + given + "'"
          + Suggestions.nearest(given, values).map(v -> "; did you mean '" + v + "'?").orElse("");
    }
    Matcher unmatched = UNMATCHED.matcher(m);
    if (unmatched.matches()) {
      return "unexpected argument " + unmatched.group(1);
    }
    Matcher few = TOO_FEW.matcher(m);
    if (few.matches()) {
      return "needs at least " + few.group(2) + " " + few.group(1) + " arguments, but got " + few.group(3);
    }
    return m;
  }

  /** A schema error as one line: {@code path:line:col: error: reason}. */
  static String describe(SchemaException s) {
    String where = s.path() == null ? "" : new Location(s.path(), s.line(), s.column(), "").display() + ": ";
    return where + "error: " + SchemaMessages.oneLine(s.reason());
  }

  /** Whether --verbose was given to the command or a subcommand (also clustered, as in -qv). */
  private static boolean verbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** One line on stderr for every failure; the stack trace only with --verbose. */
  static int failure(Throwable e, PrintStream err, boolean verbose) {
    int code;
    if (e instanceof SchemaException s) {
      err.println(describe(s));
      code = ExitCode.USAGE.code();
    } else if (e instanceof ConfigException c) {
      err.println(new Location(c.path(), c.line(), c.column(), "").display() + ": error: " + SchemaMessages.oneLine(c.reason()));
      code = ExitCode.USAGE.code();
    } else if (e instanceof UserError || e instanceof RegistryException) {
      err.println("evreg: " + SchemaMessages.oneLine(e.getMessage()));
      code = ExitCode.USAGE.code();
    } else if (e instanceof StackOverflowError) {
      err.println("evreg: the schema nests too deeply to check");
      code = ExitCode.USAGE.code();
    } else if (e instanceof OutOfMemoryError) {
      err.println("evreg: out of memory; raise the heap with EVREG_JAVA_OPTS=-Xmx2g");
      code = ExitCode.USAGE.code();
    } else {
      err.println("evreg: internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + SchemaMessages.oneLine(e.getMessage()))
          + (verbose ? "" : " (run with --verbose for the stack trace, and please report it)"));
      code = ExitCode.INTERNAL.code();
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    return code;
  }
}
