package dev.evreg.cli;

import dev.evreg.cli.daemon.Client;
import dev.evreg.cli.daemon.Daemon;
import dev.evreg.cli.daemon.Wire;
import dev.evreg.registry.git.GitRepo;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "daemon", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Start, stop or query a resident evreg for this repository's top folder.",
        "While it runs, bin/evreg run in that folder hands each command to it and prints its answer: the same output "
            + "and exit code, without a JVM's start-up and cold code per command. It keeps nothing between commands "
            + "but compiled code; every command reads the repository, the history cache and evreg.yaml afresh.",
        "Commands run elsewhere, in another environment (TZ, LANG, HOME, GIT_*, EVREG_*), or with EVREG_NO_DAEMON "
            + "set run without it. It stops after --idle-timeout without a command, and when evreg is rebuilt.",
        "status exits 0 when a daemon runs, 1 when none does."},
    footerHeading = "%nExamples:%n",
    footer = {"  evreg daemon start", "  evreg daemon start --idle-timeout 8h", "  evreg daemon status",
        "  evreg daemon stop"})
final class DaemonCommand implements Callable<Integer> {

  enum Action { start, stop, status }

  private static final Duration START_WAIT = Duration.ofSeconds(20);
  private static final Duration IDLE_MAX = Duration.ofDays(366);

  private final PrintStream out;

  DaemonCommand(PrintStream out) {
    this.out = out;
  }

  @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status.")
  Action action;

  @Option(names = {"-C", "--repo"}, paramLabel = "DIR", description = "The repository (default: the current folder).")
  Path repo = Path.of("");

  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "60m",
      converter = Converters.DurationConverter.class,
      description = "With start: stop after this long without a command (default: ${DEFAULT-VALUE}).")
  Duration idle;

  @Mixin
  InfoOptions info;

  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path top;
    String unsupported;
    try (GitRepo git = GitRepo.open(repo)) {
      top = git.workTree();
      // the endpoint file lives in .git/evreg, where bin/evreg looks from the top folder
      unsupported = Files.isDirectory(top.resolve(".git")) && git.cacheDir().equals(top.resolve(".git").resolve("evreg"))
          ? null : "the daemon needs the repository's .git folder in its top folder " + top
              + " (linked work trees and separate git folders have none)";
    }
    if (unsupported != null) {
      if (action == Action.start) {
        throw new UserError(unsupported);
      }
      return report(false, top, "no daemon serves " + top + ": " + unsupported);
    }
    if (action == Action.stop) {
      Wire.Endpoint endpoint = Wire.Endpoint.read(top.resolve(Wire.ENDPOINT));
      if (endpoint == null || Client.ask(top, Wire.Kind.STOP) == null) {
        return report(false, top, "no daemon serves " + top);
      }
      return report(false, top, awaitExit(endpoint.pid()) ? "stopped the daemon (pid " + endpoint.pid() + ")"
          : "stopping the daemon (pid " + endpoint.pid() + "): it takes no more commands and ends when the ones "
              + "under way have");
    }
    String status = Client.ask(top, Wire.Kind.STATUS);
    return switch (action) {
      case status, stop -> report(status != null, top, status == null ? "no daemon serves " + top : "daemon: " + status);
      case start -> {
        if (status != null) {
          yield report(true, top, "a daemon runs already: " + status);
        }
        Map<String, String> env = Terminal.current().env();
        for (String jvmOptions : Wire.JVM_OPTIONS_ENV) {
          if (env.get(jvmOptions) != null) {
            throw new UserError(jvmOptions + " is set, and bin/evreg runs commands without a daemon while it is "
                + "(the JVM options would apply to its client too); unset it to start one");
          }
        }
        if (idle.compareTo(IDLE_MAX) > 0) {
          throw new UserError("--idle-timeout " + idle.toHours() + "h is too long; at most " + IDLE_MAX.toHours() + "h");
        }
        yield report(true, top, "started the daemon: " + start(top) + "; bin/evreg commands run in " + top
            + (env.get("EVREG_NO_DAEMON") != null ? " without EVREG_NO_DAEMON (set in this shell)" : "")
            + " now use it ('evreg daemon stop' stops it)");
      }
    };
  }

  /** Starts a daemon JVM in its own session (it outlives this command and its terminal) and waits for it to answer. */
  private String start(Path top) throws IOException, InterruptedException {
    Path log = top.resolve(Wire.LOG);
    Files.createDirectories(log.getParent());
    List<String> cmd = new ArrayList<>();
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        cmd.add(setsid);
        break;
      }
    }
    cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.add("-XX:+UseSerialGC");
    String opts = Terminal.current().env().get("EVREG_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      cmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator)));
    cmd.addAll(List.of(Daemon.class.getName(), "--idle-timeout", Long.toString(Math.max(1, idle.toSeconds()))));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(top.toFile()).redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(log.toFile()));
    File devNull = new File("/dev/null");
    if (devNull.exists()) {
      pb.redirectInput(devNull);
    }
    Process p = pb.start();
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String status = Client.ask(top, Wire.Kind.STATUS);
      if (status != null) {
        return status;
      }
      if (!p.isAlive()) {
        throw new UserError("the daemon did not start: " + lastLine(log) + " (see " + log + ")");
      }
      Thread.sleep(50);
    }
    p.destroy();
    throw new UserError("the daemon did not answer within " + START_WAIT.toSeconds() + " s (see " + log + ")");
  }

  private static boolean awaitExit(long pid) {
    try {
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
      return true;
    } catch (java.util.concurrent.CompletionException timedOut) {
      return false;
    }
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "it printed nothing" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "its log is unreadable";
    }
  }

  private int report(boolean running, Path top, String line) {
    if (info.output == OutputFormat.JSON) {
      Map<String, Object> m = Json.object();
      m.put("command", "daemon");
      m.put("action", action.name());
      m.put("repository", top.toString());
      m.put("running", running);
      m.put("message", line);
      out.print(Json.render(m));
    } else {
      out.println("evreg: " + line);
    }
    return action == Action.status && !running ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }
}
