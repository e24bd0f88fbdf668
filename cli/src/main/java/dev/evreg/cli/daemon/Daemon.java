package dev.evreg.cli.daemon;

import dev.evreg.cli.Main;
import dev.evreg.cli.Terminal;
import dev.evreg.registry.HistoryMemo;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resident JVM that runs evreg commands for the work tree it was started in, so that a command
 * costs a thin client's start-up instead of a full JVM's class loading and cold code. Between
 * commands it keeps the JVM's own state (loaded, compiled classes) and the {@link HistoryMemo}
 * (histories keyed by commit); every command reads the refs, the working tree and its
 * configuration as a JVM of its own does. Commands run side by side, as JVMs of their own would.
 * Started by {@code evreg daemon start}; stops on {@code evreg daemon stop}, after its idle
 * timeout, or when the evreg it was started from is rebuilt.
 */
public final class Daemon {

  /** How long a client has to send its request, and to confirm it after ACCEPTED. */
  private static final int CLIENT_MILLIS = 5000;

  private final Path top;
  private final Duration idle;
  private final Map<String, String> env = System.getenv();
  private final List<Stamp> classpath = Stamp.classpath();
  private final Instant started = Instant.now();
  private volatile long lastActive = System.nanoTime();
  /**
   * Connections accepted and not yet done (a running command's among them): a stop waits for them,
   * so that no accepted command is cut off, and the daemon is idle only without any.
   */
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
  private ServerSocket server;
  private Wire.Endpoint endpoint;

  /** A classpath file's size and time: when they change, the daemon runs an older evreg. */
  private record Stamp(Path file, long size, long modified) {
    static List<Stamp> classpath() {
      List<Stamp> stamps = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
        Stamp s = of(Path.of(entry));
        if (s != null) {
          stamps.add(s);
        }
      }
      return stamps;
    }

    static Stamp of(Path p) {
      try {
        return Files.isRegularFile(p) ? new Stamp(p, Files.size(p), Files.getLastModifiedTime(p).toMillis()) : null;
      } catch (IOException e) {
        return null;
      }
    }
  }

  private Daemon(Path top, Duration idle) {
    this.top = top;
    this.idle = idle;
  }

  /** {@code Daemon [--idle-timeout SECONDS] [--no-warm-up]}, in the top folder of the work tree. */
  public static void main(String[] args) throws IOException, InterruptedException {
    long idleSeconds = 3600;
    boolean warmUp = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--idle-timeout" -> idleSeconds = Long.parseLong(args[++i]);
        case "--no-warm-up" -> warmUp = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Daemon d = new Daemon(Path.of("").toAbsolutePath(), Duration.ofSeconds(idleSeconds));
    HistoryMemo.enable(4);
    d.bind();
    log("started, pid " + ProcessHandle.current().pid() + ", idle timeout " + idleSeconds + " s, serving " + d.top);
    Thread watcher = new Thread(d::watchIdle, "evreg-daemon-idle");
    watcher.setDaemon(true);
    watcher.start();
    if (warmUp) {
      Thread w = new Thread(d::warmUp, "evreg-daemon-warm-up");
      w.setDaemon(true);
      w.start();
    }
    d.serve();
    d.awaitCommands();
    log("stopped, pid " + ProcessHandle.current().pid() + ", after " + plural(d.served.get(), "command"));
    System.exit(0);
  }

  /** Listens on a free loopback port and publishes it, with a fresh token, in a file only this user can read. */
  private void bind() throws IOException {
    Files.createDirectories(Wire.ENDPOINT.getParent());
    if (Client.ask(top, Wire.Kind.STATUS) != null) {
      throw new IOException("another daemon serves " + top + " already");
    }
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    endpoint = new Wire.Endpoint(server.getLocalPort(), HexFormat.of().formatHex(secret), ProcessHandle.current().pid());
    Path tmp = Wire.ENDPOINT.resolveSibling("daemon.port." + endpoint.pid() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, endpoint.text(), StandardCharsets.US_ASCII);
    Files.move(tmp, Wire.ENDPOINT, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> endpoint.removeFrom(Wire.ENDPOINT)));
  }


  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        Thread t = new Thread(() -> handle(socket), "evreg-daemon-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!server.isClosed()) {
          log("accept failed: " + e);
        }
        return;
      } catch (RuntimeException | Error e) {
        connections.decrementAndGet();
        log("could not take a client: " + e);
      }
    }
  }

  private void handle(Socket socket) {
    try (socket) {
      socket.setSoTimeout(CLIENT_MILLIS);
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      Wire.Request req = Wire.Request.read(in, endpoint.token());
      String elsewhere = elsewhere(req.cwd());
      if (elsewhere != null) {
        // the client found this daemon's endpoint file in another folder: a copy of the repository
        Wire.frame(out, Wire.ELSEWHERE, elsewhere);
        return;
      }
      String changed = changedClasspath();
      if (changed != null) {
        // an older evreg's daemon answers nothing: a command runs without it, and start replaces it
        stop("evreg was rebuilt (" + changed + ")");
        if (req.kind() == Wire.Kind.RUN) {
          Wire.frame(out, Wire.FALLBACK, "evreg was rebuilt after the daemon started; the daemon stops");
        }
        return;
      }
      switch (req.kind()) {
        case STATUS -> Wire.frame(out, Wire.STATUS, status());
        case STOP -> {
          Wire.frame(out, Wire.STATUS, status());
          stop("asked to stop");
        }
        case RUN -> {
          String refused = refusal(req);
          if (refused != null) {
            Wire.frame(out, Wire.FALLBACK, refused);
            return;
          }
          Wire.signal(out, Wire.ACCEPTED);
          // a client that gave up waiting runs the command itself, and sends no GO
          if (in.read() != Wire.GO || in.readInt() != 0) {
            log("a client did not confirm its command; not run");
            return;
          }
          socket.setSoTimeout(0);
          run(req, out);
        }
      }
    } catch (IOException e) {
      log("a client went away: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      log("failed to serve a client: " + e);
    } finally {
      connections.decrementAndGet();
    }
  }

  /**
   * Runs a command line. Commands run side by side, as separate JVMs would: one whose client does
   * not read its output (a pager left open) holds up only itself.
   */
  private void run(Wire.Request req, DataOutputStream out) throws IOException {
    lastActive = System.nanoTime();
    try {
      Charset cs = Charset.defaultCharset();
      PrintStream stdout = new PrintStream(new BufferedOutputStream(new Frames(out, Wire.OUT), 8192), false, cs);
      PrintStream stderr = new PrintStream(new BufferedOutputStream(new Frames(out, Wire.ERR), 8192), false, cs);
      Terminal terminal = new Terminal(req.interactive(), stderr, req.env());
      int code = Terminal.runAs(terminal, () -> Main.run(stdout, stderr, req.args().toArray(String[]::new)));
      stdout.flush();
      stderr.flush();
      Wire.exit(out, code);
      served.incrementAndGet();
    } finally {
      lastActive = System.nanoTime();
    }
  }

  /** After the last client: commands under way end first (a minute at most: a client may have stalled). */
  private void awaitCommands() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (connections.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Why this daemon cannot answer as the client's own JVM would, or null when it can. */
  private String refusal(Wire.Request req) {
    if (req.args().contains("daemon")) {
      return "'evreg daemon' runs in a JVM of its own";
    }
    if (!req.java().equals(Wire.java())) {
      return "the daemon runs on another Java (" + Wire.java() + ") than " + req.java();
    }
    if (!req.evreg().isEmpty() && classpath.stream().noneMatch(s -> sameFile(s.file(), req.evreg()))) {
      return "the daemon runs another evreg than " + req.evreg();
    }
    for (String a : req.args()) {
      if (a.startsWith("/dev/") || a.startsWith("/proc/") || a.contains("=/dev/") || a.contains("=/proc/")) {
        return "'" + a + "' names a file of the process that opens it";
      }
    }
    TreeSet<String> keys = new TreeSet<>();
    for (Map<String, String> m : List.of(env, req.env())) {
      m.keySet().stream().filter(Wire::compared).forEach(keys::add);
    }
    keys.removeIf(k -> Objects.equals(env.get(k), req.env().get(k)));
    if (!keys.isEmpty()) {
      return "the environment differs from the daemon's in " + String.join(", ", keys)
          + "; restart it from this environment: evreg daemon stop; evreg daemon start";
    }
    return null;
  }

  /** Why a client in {@code cwd} is not one this daemon serves, or null when it is. */
  private String elsewhere(String cwd) {
    return sameFile(top, cwd) ? null : "the daemon serves " + top + ", not " + cwd;
  }


  /** Whether {@code other} (a path a client sent) names {@code file}; a path that is no file's is not. */
  private static boolean sameFile(Path file, String other) {
    try {
      return Files.isSameFile(file, Path.of(other));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private String changedClasspath() {
    for (Stamp s : classpath) {
      if (!s.equals(Stamp.of(s.file()))) {
        return s.file().toString();
      }
    }
    return null;
  }

  private String status() {
    Runtime rt = Runtime.getRuntime();
    return "pid " + ProcessHandle.current().pid() + ", serving " + top + ", up " + minutes(Duration.between(started,
        Instant.now())) + ", " + plural(served.get(), "command") + ", heap "
        + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MB, stops after " + minutes(idle) + " idle";
  }

  private static String minutes(Duration d) {
    return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  /** Takes no more clients (and no longer names this daemon in the endpoint file); commands under way go on. */
  private void stop(String why) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    log("stopping: " + why);
    try {
      server.close();
    } catch (IOException e) {
      // closed or not, no client finds it once its endpoint is gone
    }
    endpoint.removeFrom(Wire.ENDPOINT);
  }

  private void watchIdle() {
    long idleMillis = idle.toMillis();
    while (!server.isClosed()) {
      try {
        Thread.sleep(Math.min(1000, Math.max(100, idleMillis / 4)));
      } catch (InterruptedException e) {
        return;
      }
      if (connections.get() == 0 && (System.nanoTime() - lastActive) / 1_000_000 > idleMillis) {
        stop("idle for " + minutes(idle));
      } else if (!endpoint.equals(Wire.Endpoint.read(Wire.ENDPOINT))) {
        // .git/evreg deleted, or another daemon started at the same moment: no client finds this one
        stop(Wire.ENDPOINT + " no longer names this daemon");
      }
    }
  }

  /**
   * Compiles the code of the commands a developer runs most (check, subjects) on this repository,
   * with output discarded, until a client asks for something.
   * The commands read and write only what a user's own run of them would (the history cache).
   */
  private void warmUp() {
    PrintStream none = new PrintStream(OutputStream.nullOutputStream());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    long quiet = lastActive; // changes when a command comes
    for (String[] args : List.of(new String[] {"check"}, new String[] {"subjects"}, new String[] {"check"},
        new String[] {"subjects"}, new String[] {"check"})) {
      if (System.nanoTime() > end || lastActive != quiet || server.isClosed()) {
        return;
      }
      Terminal.runAs(new Terminal(false, none, env), () -> Main.run(none, none, args));
    }
  }

  private static void log(String line) {
    System.out.println(Instant.now() + " " + line);
    System.out.flush();
  }

  /** A command's stdout or stderr, sent to the client as frames. */
  private static final class Frames extends OutputStream {
    private final DataOutputStream out;
    private final byte type;

    Frames(DataOutputStream out, byte type) {
      this.out = out;
      this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (out) {
        Wire.frame(out, type, b, off, len);
      }
    }
  }
}
