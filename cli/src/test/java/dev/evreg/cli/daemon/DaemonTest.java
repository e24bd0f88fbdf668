package dev.evreg.cli.daemon;

import static dev.evreg.registry.GitFixture.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evreg.cli.MainTest;
import dev.evreg.cli.MainTest.Result;
import dev.evreg.registry.GitFixture;
import java.io.File;
import java.io.IOException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon and its thin client as real processes on a real repository: every answer through the
 * daemon equals the answer of a JVM of its own, and what the daemon cannot answer that way falls
 * back (exit 75) instead of answering wrongly.
 */
class DaemonTest {

  static final String ORDER = "schemas/orders/OrderPlaced.avsc";
  static final String JAVA = ProcessHandle.current().info().command()
      .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  static final String CLASSPATH = System.getProperty("java.class.path");

  @TempDir
  Path tmp;

  GitFixture repo;
  Path dir;
  final List<Process> started = new ArrayList<>();

  @BeforeEach
  void repository() {
    for (String jvmOptions : Wire.JVM_OPTIONS_ENV) {
      assumeTrue(System.getenv(jvmOptions) == null, jvmOptions + " is set: evreg starts no daemon then");
    }
    dir = tmp.resolve("repo");
    repo = GitFixture.init(dir);
    repo.write(ORDER, avro("OrderPlaced", "id")).write("schemas/users/UserSignedUp.avsc", avro("UserSignedUp", "userId"))
        .commit("Add events");
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web")).commit("Add channel");
    repo.branch("pr");
    repo.write(ORDER, avro("OrderPlaced", "id", "channel=web", "total")).commit("Add total without a default");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      Client.ask(dir, Wire.Kind.STOP);
    } finally {
      started.forEach(Process::destroyForcibly);
      repo.close();
    }
  }

  Result evreg(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--repo", dir.toString()));
    return MainTest.run(all.toArray(String[]::new));
  }

  /** A JVM running {@code mainClass} in {@code cwd}, with {@code env} added to this JVM's environment. */
  Result java(Path cwd, Map<String, String> env, String mainClass, String... args) throws Exception {
    return java(cwd, env, List.of(), mainClass, args);
  }

  Result java(Path cwd, Map<String, String> env, List<String> jvm, String mainClass, String... args) throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = start(cwd, env, jvm, mainClass, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "no answer: " + List.of(args));
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static ProcessBuilder start(Path cwd, Map<String, String> env, List<String> jvm, String mainClass, String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", CLASSPATH, mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().putAll(env);
    return pb;
  }

  /** An Avro record of {@code n} undocumented fields: lint writes some 365 bytes of JSON for each. */
  Path bigSchema(int n) throws IOException {
    StringBuilder b = new StringBuilder("{\"type\": \"record\", \"name\": \"Big\", \"namespace\": \"com.acme\", \"fields\": [");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\n  {\"name\": \"f").append(i).append("\", \"type\": \"string\"}");
    }
    return Files.writeString(dir.resolve("big.avsc"), b.append("]}\n"));
  }

  Result client(String... args) throws Exception {
    return java(dir, Map.of(), Client.class.getName(), args);
  }

  Result ownJvm(String... args) throws Exception {
    return java(dir, Map.of(), dev.evreg.cli.Main.class.getName(), args);
  }

  void startDaemon() {
    Result r = evreg("daemon", "start");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith("evreg: started the daemon: pid "), r.out());
  }

  @Test
  void theDaemonAnswersAsAJvmOfItsOwnDoes() throws Exception {
    startDaemon();
    Files.writeString(dir.resolve("v1.avsc"), avro("Thing", "id"));
    Files.writeString(dir.resolve("v2.avsc"), avro("Thing", "id", "extra"));
    Files.writeString(dir.resolve("broken.avsc"), "{\"type\": \"record\", \"name\": \"X\", \"fields\": [}");
    List<List<String>> commands = List.of(
        List.of("check", "--against", "main"),
        List.of("check", "--against", "main", "--output", "sarif"),
        List.of("check", "--against", "no-such-branch"),
        List.of("log", "orders/OrderPlaced"),
        List.of("subjects", "--output", "json"),
        List.of("show", "orders/OrderPlaced@1"),
        List.of("diff", "orders/OrderPlaced"),
        List.of("lint", "schemas"),
        List.of("compat", "v1.avsc", "v2.avsc"),
        List.of("compat", "v1.avsc", "broken.avsc"),
        List.of("rules", "-q"),
        List.of("chek"),
        List.of("--version"),
        List.of("--help"),
        List.of("subjects", "-qh"),
        List.of("help", "check"),
        List.of());
    for (List<String> c : commands) {
      String[] args = c.toArray(String[]::new);
      Result own = ownJvm(args);
      Result daemon = client(args);
      assertEquals(own, daemon, "evreg " + String.join(" ", c));
    }
    assertEquals(1, client("check", "--against", "main").code());
    assertEquals(2, client("compat", "v1.avsc", "broken.avsc").code());
    String status = Client.ask(dir, Wire.Kind.STATUS);
    assertNotNull(status);
    assertTrue(status.contains(commands.size() + 2 + " commands"), status);
  }

  @Test
  void whatTheDaemonCannotAnswerAsTheClientsOwnJvmRunsWithoutIt() throws Exception {
    startDaemon();
    // another environment: the daemon's time zone, locale or git settings could differ
    Result tz = java(dir, Map.of("TZ", "Asia/Tokyo"), Client.class.getName(), "log", "orders/OrderPlaced", "-v");
    assertEquals(Wire.FALLBACK_EXIT, tz.code(), tz.toString());
    assertEquals("", tz.out());
    assertTrue(tz.err().contains("running without the daemon: the environment differs from the daemon's in TZ"),
        tz.err());
    // another folder: no endpoint there
    Files.createDirectories(dir.resolve("schemas/orders"));
    Result sub = java(dir.resolve("schemas"), Map.of(), Client.class.getName(), "subjects");
    assertEquals(Wire.FALLBACK_EXIT, sub.code(), sub.toString());
    // the daemon command itself
    Result daemon = client("daemon", "status");
    assertEquals(Wire.FALLBACK_EXIT, daemon.code(), daemon.toString());
    // JVM options of the environment
    Result jvm = java(dir, Map.of("JAVA_TOOL_OPTIONS", "-Dfile.encoding=ISO-8859-1"), Client.class.getName(),
        "subjects", "-v");
    assertEquals(Wire.FALLBACK_EXIT, jvm.code(), jvm.toString());
    assertTrue(jvm.err().contains("differs from the daemon's in JAVA_TOOL_OPTIONS"), jvm.err());
    // another evreg than the daemon's
    Path other = Files.writeString(tmp.resolve("other-evreg.jar"), "");
    Result otherEvreg = java(dir, Map.of(), List.of("-Devreg.jar=" + other), Client.class.getName(), "subjects", "-v");
    assertEquals(Wire.FALLBACK_EXIT, otherEvreg.code(), otherEvreg.toString());
    assertTrue(otherEvreg.err().contains("the daemon runs another evreg than " + other), otherEvreg.err());
    // a file of the process that opens it
    Result stdin = java(dir, Map.of(), Client.class.getName(), "lint", "--type", "avro", "/dev/stdin", "-v");
    assertEquals(Wire.FALLBACK_EXIT, stdin.code(), stdin.toString());
    assertTrue(stdin.err().contains("'/dev/stdin' names a file of the process that opens it"), stdin.err());
    // the launcher's own switches are not a different environment
    assertEquals(0, java(dir, Map.of("EVREG_NO_CDS", "1"), Client.class.getName(), "subjects").code());
    // and the daemon still serves
    assertEquals(0, client("subjects").code());
  }

  @Test
  void startStatusAndStop() throws Exception {
    Result none = evreg("daemon", "status");
    assertEquals(1, none.code(), none.toString());
    assertEquals("evreg: no daemon serves " + dir.toRealPath() + "\n", none.out());
    startDaemon();
    Result again = evreg("daemon", "start");
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.out().startsWith("evreg: a daemon runs already: pid "), again.out());
    Result status = evreg("daemon", "status", "--output", "json");
    assertEquals(0, status.code(), status.toString());
    assertTrue(status.out().contains("\"running\": true"), status.out());
    Result stop = evreg("daemon", "stop");
    assertEquals(0, stop.code(), stop.toString());
    assertTrue(stop.out().matches("evreg: stopped the daemon \\(pid \\d+\\)\n"), stop.out());
    assertFalse(Files.exists(dir.resolve(Wire.ENDPOINT)));
    assertEquals(Wire.FALLBACK_EXIT, client("subjects").code());
    Result stopAgain = evreg("daemon", "stop");
    assertEquals(0, stopAgain.code(), stopAgain.toString());
    assertTrue(stopAgain.out().startsWith("evreg: no daemon serves "), stopAgain.out());
    assertTrue(Files.readString(dir.resolve(Wire.LOG)).contains("stopping: asked to stop"));
  }

  /** A daemon killed with SIGKILL, which leaves its endpoint file behind; returns what the file says. */
  Wire.Endpoint startAndKillDaemon() throws Exception {
    startDaemon();
    Wire.Endpoint endpoint = Wire.Endpoint.read(dir.resolve(Wire.ENDPOINT));
    ProcessHandle daemon = ProcessHandle.of(endpoint.pid()).orElseThrow();
    daemon.destroyForcibly();
    daemon.onExit().get(30, TimeUnit.SECONDS);
    return endpoint;
  }

  @Test
  void aCopyOfTheRepositoryHasNoDaemonAndCannotStopTheOriginals() throws Exception {
    startDaemon();
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy.resolve(".git/evreg"));
    try (var files = Files.walk(dir)) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(dir.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Result stop = MainTest.run("daemon", "stop", "--repo", copy.toString());
    assertEquals(0, stop.code(), stop.toString());
    assertTrue(stop.out().startsWith("evreg: no daemon serves " + copy.toRealPath()), stop.out());
    assertFalse(Files.exists(copy.resolve(Wire.ENDPOINT)), "the copied endpoint file is removed");
    assertNotNull(Client.ask(dir, Wire.Kind.STATUS), "the original's daemon runs on");
    Files.copy(dir.resolve(Wire.ENDPOINT), copy.resolve(Wire.ENDPOINT));
    Result r = java(copy, Map.of(), Client.class.getName(), "subjects", "-v");
    assertEquals(Wire.FALLBACK_EXIT, r.code(), r.toString());
    assertTrue(r.err().contains("the daemon serves " + dir), r.err());
    assertFalse(Files.exists(copy.resolve(Wire.ENDPOINT)));
  }

  @Test
  void aKilledDaemonLeavesNothingThatAnswersWrongly() throws Exception {
    Wire.Endpoint endpoint = startAndKillDaemon();
    Result r = java(dir, Map.of(), Client.class.getName(), "subjects", "--verbose");
    assertEquals(Wire.FALLBACK_EXIT, r.code(), r.toString());
    assertTrue(r.err().contains("the daemon is gone"), r.err());
    assertFalse(Files.exists(dir.resolve(Wire.ENDPOINT)), "the dead daemon's endpoint is removed");
    startDaemon();
  }

  @Test
  void aClientWithoutTheTokenIsRefusedAndTheDaemonServesOn() throws Exception {
    startDaemon();
    Wire.Endpoint endpoint = Wire.Endpoint.read(dir.resolve(Wire.ENDPOINT));
    try (Socket s = new Socket("127.0.0.1", endpoint.port())) {
      int answer;
      try {
        request("0".repeat(endpoint.token().length()), Wire.Kind.STOP)
            .write(new DataOutputStream(new java.io.BufferedOutputStream(s.getOutputStream())));
        answer = s.getInputStream().read();
      } catch (IOException closed) {
        answer = -1; // the daemon closed the connection as soon as it read the token
      }
      assertEquals(-1, answer, "a wrong token gets no answer");
    }
    try (Socket s = new Socket("127.0.0.1", endpoint.port())) {
      s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals(-1, s.getInputStream().read(), "a stranger gets no answer");
    }
    assertEquals(0, client("subjects").code());
  }

  Wire.Request request(String token, Wire.Kind kind, String... args) {
    return new Wire.Request(token, kind, dir.toString(), false, Wire.relevant(System.getenv()), List.of(args), "",
        Wire.java());
  }

  @Test
  void aCommandTheClientDidNotConfirmDoesNotRun() throws Exception {
    startDaemon();
    Wire.Endpoint endpoint = Wire.Endpoint.read(dir.resolve(Wire.ENDPOINT));
    try (Socket s = new Socket("127.0.0.1", endpoint.port())) {
      request(endpoint.token(), Wire.Kind.RUN, "init").write(new DataOutputStream(s.getOutputStream()));
      DataInputStream in = new DataInputStream(s.getInputStream());
      assertEquals(Wire.ACCEPTED, in.read());
      assertEquals(0, in.readInt());
      // like a client that waited too long and ran the command itself: no GO
    }
    Thread.sleep(1000);
    assertFalse(Files.exists(dir.resolve("evreg.yaml")), "init did not run");
    assertTrue(Client.ask(dir, Wire.Kind.STATUS).contains(" 0 commands"));
    assertEquals(0, client("init").code());
    assertTrue(Files.exists(dir.resolve("evreg.yaml")));
  }

  @Test
  void nothingIsSentToThePortOfADeadDaemonWhoeverListensThereNow() throws Exception {
    Wire.Endpoint endpoint = startAndKillDaemon();
    try (ServerSocket stranger = new ServerSocket()) {
      stranger.setReuseAddress(true);
      stranger.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()));
      stranger.setSoTimeout(100);
      Files.writeString(dir.resolve(Wire.ENDPOINT), endpoint.text()); // as the dead daemon left it
      Result r = java(dir, Map.of(), Client.class.getName(), "subjects", "-v");
      assertEquals(Wire.FALLBACK_EXIT, r.code(), r.toString());
      assertTrue(r.err().contains("the daemon is gone"), r.err());
      assertThrows(SocketTimeoutException.class, stranger::accept, "the client did not connect");
      Files.writeString(dir.resolve(Wire.ENDPOINT), endpoint.text());
      Result status = evreg("daemon", "status");
      assertEquals(1, status.code(), status.toString());
      assertFalse(Files.exists(dir.resolve(Wire.ENDPOINT)));
    }
  }

  @Test
  void aDaemonThatDoesNotAnswerIsNotWaitedFor() throws Exception {
    startDaemon();
    long pid = Wire.Endpoint.read(dir.resolve(Wire.ENDPOINT)).pid();
    assumeTrue(signal("-STOP", pid), "a kill program to pause the daemon with");
    try {
      Result r = java(dir, Map.of(), Client.class.getName(), "subjects", "-v");
      assertEquals(Wire.FALLBACK_EXIT, r.code(), r.toString());
      assertTrue(r.err().contains("the daemon did not answer"), r.err());
      Result status = evreg("daemon", "status");
      assertEquals(1, status.code(), status.toString());
    } finally {
      signal("-CONT", pid);
    }
    assertEquals(0, client("subjects").code(), "and serves once it runs again");
  }

  /** An empty zip of {@code size} bytes (an end record and a comment). */
  static byte[] emptyJar(int size) {
    byte[] b = new byte[size];
    b[0] = 'P';
    b[1] = 'K';
    b[2] = 5;
    b[3] = 6;
    return b;
  }

  /** A daemon started directly, with {@code jar} (an empty one, written here) on its classpath. */
  Process daemonWith(Path jar) throws Exception {
    Files.write(jar, emptyJar(22));
    Process p = new ProcessBuilder(JAVA, "-cp", CLASSPATH + File.pathSeparator + jar, Daemon.class.getName(),
        "--no-warm-up").directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("daemon.out").toFile()).start();
    started.add(p);
    awaitEndpoint();
    return p;
  }

  /** Sends a signal with the kill program; false when there is none (a minimal image). */
  static boolean signal(String signal, long pid) throws InterruptedException {
    try {
      return new ProcessBuilder("kill", signal, Long.toString(pid)).start().waitFor() == 0;
    } catch (IOException noKill) {
      return false;
    }
  }

  @Test
  void aRebuiltEvregStopsTheDaemon() throws Exception {
    Path jar = tmp.resolve("evreg-part.jar");
    Process p = daemonWith(jar);
    assertEquals(0, client("subjects").code());
    Files.write(jar, emptyJar(24)); // rebuilt: another size
    Result r = java(dir, Map.of(), Client.class.getName(), "subjects", "-v");
    assertEquals(Wire.FALLBACK_EXIT, r.code(), r.toString());
    assertTrue(r.err().contains("evreg was rebuilt after the daemon started"), r.err());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the daemon of an older evreg stops");
    assertFalse(Files.exists(dir.resolve(Wire.ENDPOINT)));
  }

  @Test
  void theStatusOfARebuiltEvregsDaemonIsNoneAndStartReplacesIt() throws Exception {
    Path jar = tmp.resolve("evreg-part.jar");
    Process p = daemonWith(jar);
    Files.write(jar, emptyJar(24)); // rebuilt: another size
    Result status = evreg("daemon", "status");
    assertEquals(1, status.code(), status.toString());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the daemon of an older evreg stops");
    startDaemon();
  }

  @Test
  void aClientThatReadsNothingHoldsUpNoOtherCommand() throws Exception {
    startDaemon();
    bigSchema(20_000);
    // stdout is a pipe nobody reads: the command blocks once the pipe and the socket are full
    Process stalled = start(dir, Map.of(), List.of(), Client.class.getName(), "lint", "big.avsc", "--output", "json")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(stalled);
    Thread.sleep(2000);
    assertTrue(stalled.isAlive(), "the command waits for its reader");
    Result other = client("subjects");
    assertEquals(0, other.code(), other.toString());
    assertEquals(ownJvm("subjects"), other);
    stalled.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertTrue(stalled.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, stalled.exitValue());
  }

  @Test
  void stopLetsACommandUnderWayFinish() throws Exception {
    startDaemon();
    bigSchema(20_000);
    Path out = tmp.resolve("lint.json");
    Process lint = start(dir, Map.of(), List.of(), Client.class.getName(), "lint", "big.avsc", "--output", "json")
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(lint);
    for (int i = 0; i < 600 && Files.size(out) == 0; i++) {
      Thread.sleep(10);
    }
    assertTrue(Files.size(out) > 0, "the command is under way");
    Result stop = evreg("daemon", "stop");
    assertEquals(0, stop.code(), stop.toString());
    assertFalse(Files.exists(dir.resolve(Wire.ENDPOINT)), "no new command finds the stopping daemon");
    assertTrue(lint.waitFor(60, TimeUnit.SECONDS));
    Result own = ownJvm("lint", "big.avsc", "--output", "json");
    assertEquals(own.code(), lint.exitValue());
    assertEquals(own.out(), Files.readString(out), "the whole output");
  }

  @Test
  void aRefTheLocaleCannotSpellIsBadInput() throws Exception {
    Result r = java(dir, Map.of("LANG", "C", "LC_ALL", "C"), dev.evreg.cli.Main.class.getName(), "subjects", "--ref",
        "\u00fcn\u00ef");
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("evreg: "), r.err());
  }

  @Test
  void anIdleDaemonStops() throws Exception {
    Result r = evreg("daemon", "start", "--idle-timeout", "1s");
    assertEquals(0, r.code(), r.toString());
    long pid = Wire.Endpoint.read(dir.resolve(Wire.ENDPOINT)).pid();
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    assertFalse(Files.exists(dir.resolve(Wire.ENDPOINT)));
    assertTrue(Files.readString(dir.resolve(Wire.LOG)).contains("stopping: idle for 1 s"));
  }

  @Test
  void aDaemonNoClientCanFindStops() throws Exception {
    startDaemon();
    ProcessHandle daemon = ProcessHandle.of(Wire.Endpoint.read(dir.resolve(Wire.ENDPOINT)).pid()).orElseThrow();
    Files.delete(dir.resolve(Wire.ENDPOINT));
    daemon.onExit().get(30, TimeUnit.SECONDS);
    assertTrue(Files.readString(dir.resolve(Wire.LOG)).contains("no longer names this daemon"));
    assertEquals(Wire.FALLBACK_EXIT, client("subjects").code());
  }

  @Test
  void badUsageIsOneLineAndExitTwo() throws Exception {
    Path notARepo = Files.createDirectories(tmp.resolve("plain"));
    Result outside = MainTest.run("daemon", "start", "--repo", notARepo.toString());
    assertEquals(2, outside.code(), outside.toString());
    assertTrue(outside.err().startsWith("evreg: not inside a git repository: "), outside.err());
    assertEquals(1, outside.err().lines().count());
    Result action = evreg("daemon", "strat");
    assertEquals(2, action.code(), action.toString());
    assertEquals("evreg daemon: ACTION must be one of start, stop, status, not 'strat'; did you mean 'start'? "
        + "(see 'evreg daemon --help')\n", action.err());
    Result idle = evreg("daemon", "start", "--idle-timeout", "0");
    assertEquals(2, idle.code(), idle.toString());
    assertTrue(idle.err().contains("must be greater than zero"), idle.err());
    Result days = evreg("daemon", "start", "--idle-timeout", "2d");
    assertEquals(2, days.code(), days.toString());
    assertTrue(days.err().contains("'2d' is not a duration"), days.err());
    Result years = evreg("daemon", "start", "--idle-timeout", "9000h");
    assertEquals(2, years.code(), years.toString());
    assertEquals("evreg: --idle-timeout 9000h is too long; at most 8784h\n", years.err());
    // a daemon started with JVM options in the environment could serve no command of bin/evreg's
    Result options = java(dir, Map.of("JAVA_TOOL_OPTIONS", "-Dx=1"), dev.evreg.cli.Main.class.getName(), "daemon",
        "start");
    assertEquals(2, options.code(), options.toString());
    assertTrue(options.err().contains("evreg: JAVA_TOOL_OPTIONS is set, and bin/evreg runs commands without a daemon"),
        options.err());
    assertFalse(Files.exists(dir.resolve(Wire.ENDPOINT)));
  }

  private void awaitEndpoint() throws Exception {
    for (int i = 0; i < 600 && Client.ask(dir, Wire.Kind.STATUS) == null; i++) {
      Thread.sleep(50);
    }
    assertNotNull(Client.ask(dir, Wire.Kind.STATUS), "the daemon answers");
  }
}
