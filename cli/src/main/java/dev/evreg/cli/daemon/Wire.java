package dev.evreg.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daemon's protocol on a loopback TCP port, one request per connection. The daemon writes its
 * port, a secret token and its pid to {@link #ENDPOINT}, a file only its user can read.
 *
 * <ol>
 *   <li>The client sends a {@link Request}: the token first, then the command line, its folder,
 *       terminal, the environment variables that can change an answer, and its evreg and Java.
 *   <li>The daemon answers a status request with one {@link #STATUS} frame. To a command it answers
 *       {@link #FALLBACK} (run it in a JVM of your own) or {@link #ACCEPTED}. To a client in
 *       another folder it answers {@link #ELSEWHERE}, whatever it asked.
 *   <li>After ACCEPTED the client sends {@link #GO} and is committed: from then on it never runs the
 *       command itself. A client that gave up waiting sends nothing, and the daemon runs nothing.
 *   <li>The daemon sends frames of stdout and stderr bytes as the command writes them, then
 *       {@link #EXIT} with the exit code.
 * </ol>
 * Frames are a type byte, a length and the payload. JDK classes only: the client loads this.
 * (Loopback TCP rather than a Unix socket: the JDK's Unix sockets seed a SecureRandom on first
 * use, which costs a short-lived client ~25 ms.)
 */
public final class Wire {

  /** "PORT TOKEN PID", relative to the top folder of the work tree the daemon serves. */
  public static final Path ENDPOINT = Path.of(".git", "evreg", "daemon.port");
  /** What the daemon writes to stdout and stderr of its own (start-up failures, crashes). */
  public static final Path LOG = Path.of(".git", "evreg", "daemon.log");

  /** The client's exit code that tells bin/evreg to run the command without the daemon (EX_TEMPFAIL). */
  public static final int FALLBACK_EXIT = 75;

  static final int MAGIC = 0x65767267;
  static final int VERSION = 2;

  public static final byte OUT = 1;
  public static final byte ERR = 2;
  public static final byte EXIT = 3;
  public static final byte FALLBACK = 4;
  public static final byte STATUS = 5;
  public static final byte ACCEPTED = 6;
  public static final byte GO = 7;
  /** The daemon serves another folder: the endpoint file the client found is a copy (of a copied repository). */
  public static final byte ELSEWHERE = 8;

  /** The largest payload of one frame; longer output goes in several. */
  static final int FRAME_MAX = 1 << 16;

  /**
   * Environment variables that can change a command's answer: git's and evreg's own, where git
   * finds its configuration, the time zone, the locale, and the JVM's options. A client must have
   * the daemon's values of all of them.
   */
  static final List<String> SAME_ENV = List.of("HOME", "XDG_CONFIG_HOME", "TZ", "LANG", "LC_ALL", "LC_CTYPE",
      "LC_MESSAGES", "JAVA_HOME", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
  /** The JVM options a JVM takes from the environment: bin/evreg starts no client while one is set. */
  public static final List<String> JVM_OPTIONS_ENV = SAME_ENV.subList(SAME_ENV.size() - 3, SAME_ENV.size());
  /** Switches of bin/evreg itself, which no command reads. */
  static final List<String> LAUNCHER_ENV = List.of("EVREG_NO_DAEMON", "EVREG_NO_CDS");
  /** Variables that belong to the client's terminal, passed to the command as they are. */
  static final List<String> TERMINAL_ENV = List.of("NO_COLOR", "TERM");

  /**
   * The variables a client sends: the ones the daemon compares or passes on, and no others. (Loops,
   * not lambdas, here and in the client: a lambda's first use costs a fresh JVM some 10 ms.)
   */
  public static Map<String, String> relevant(Map<String, String> env) {
    Map<String, String> m = new TreeMap<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (compared(e.getKey()) || TERMINAL_ENV.contains(e.getKey())) {
        m.put(e.getKey(), e.getValue());
      }
    }
    return m;
  }

  static boolean compared(String key) {
    return (SAME_ENV.contains(key) || key.startsWith("GIT_") || key.startsWith("EVREG_")) && !LAUNCHER_ENV.contains(key);
  }

  /** Whether a command line asks for {@code --verbose}, also as {@code -v} among other short options ({@code -qv}). */
  public static boolean verbose(List<String> args) {
    for (String a : args) {
      if (a.equals("--verbose") || a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-' && a.indexOf('v') > 0) {
        return true;
      }
    }
    return false;
  }

  /** This JVM, as a daemon and its client compare it. */
  public static String java() {
    return System.getProperty("java.home") + " " + System.getProperty("java.version");
  }

  /** What a client asks for. */
  public enum Kind { RUN, STATUS, STOP }

  /** Where a daemon listens, as its endpoint file says. */
  public record Endpoint(int port, String token, long pid) {

    /** The endpoint in {@code file}, or null when there is none or it is not one. */
    public static Endpoint read(Path file) {
      try (FileInputStream in = new FileInputStream(file.toFile())) {
        String[] f = new String(in.readNBytes(200), StandardCharsets.US_ASCII).trim().split(" ");
        return f.length == 3 ? new Endpoint(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2])) : null;
      } catch (IOException | NumberFormatException e) {
        return null;
      }
    }

    public String text() {
      return port + " " + token + " " + pid + "\n";
    }

    /** Removes {@code file} if it still names this endpoint (and not a newer daemon's). */
    public void removeFrom(Path file) {
      try {
        if (equals(read(file))) {
          java.nio.file.Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        // the next client that finds nobody there removes it
      }
    }
  }

  /**
   * A command line with the caller's token, folder, terminal, relevant environment, the jar of the
   * evreg it would run without the daemon (empty when not known) and its Java.
   */
  public record Request(String token, Kind kind, String cwd, boolean interactive, Map<String, String> env,
      List<String> args, String evreg, String java) {

    public void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      string(out, token);
      out.writeByte(kind.ordinal());
      string(out, cwd);
      out.writeBoolean(interactive);
      out.writeInt(env.size());
      for (Map.Entry<String, String> e : env.entrySet()) {
        string(out, e.getKey());
        string(out, e.getValue());
      }
      out.writeInt(args.size());
      for (String a : args) {
        string(out, a);
      }
      string(out, evreg);
      string(out, java);
      out.flush();
    }

    /**
     * Reads a request whose token is {@code token}; a stranger's bytes, a wrong token (checked
     * before anything else is read) or another protocol version are an IOException.
     */
    public static Request read(DataInputStream in, String token) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not an evreg client");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("protocol version " + version + ", the daemon speaks " + VERSION);
      }
      byte[] given = new byte[count(in, 256)];
      in.readFully(given);
      if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.US_ASCII))) {
        throw new IOException("a client with a wrong token");
      }
      int kind = in.readUnsignedByte();
      if (kind >= Kind.values().length) {
        throw new IOException("unknown request " + kind);
      }
      String cwd = string(in);
      boolean interactive = in.readBoolean();
      int n = count(in, 10_000);
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        env.put(string(in), string(in));
      }
      int argc = count(in, 100_000);
      List<String> args = new ArrayList<>(argc);
      for (int i = 0; i < argc; i++) {
        args.add(string(in));
      }
      return new Request(token, Kind.values()[kind], cwd, interactive, env, args, string(in), string(in));
    }
  }

  /** Frames of {@code len} bytes, at most {@link #FRAME_MAX} each. */
  public static void frame(DataOutputStream out, byte type, byte[] b, int off, int len) throws IOException {
    do {
      int n = Math.min(len, FRAME_MAX);
      out.writeByte(type);
      out.writeInt(n);
      out.write(b, off, n);
      off += n;
      len -= n;
    } while (len > 0);
    out.flush();
  }

  public static void frame(DataOutputStream out, byte type, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    frame(out, type, b, 0, b.length);
  }

  /** A frame without payload: ACCEPTED, GO. */
  public static void signal(DataOutputStream out, byte type) throws IOException {
    out.writeByte(type);
    out.writeInt(0);
    out.flush();
  }

  public static void exit(DataOutputStream out, int code) throws IOException {
    out.writeByte(EXIT);
    out.writeInt(4);
    out.writeInt(code);
    out.flush();
  }

  static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** A string of a request: up to 1 MB. */
  static String string(DataInputStream in) throws IOException {
    byte[] b = new byte[count(in, 1 << 20)];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A frame's payload; a length beyond {@link #FRAME_MAX} is a broken stream, not an allocation. */
  public static byte[] payload(DataInputStream in) throws IOException {
    byte[] b = new byte[count(in, FRAME_MAX)];
    in.readFully(b);
    return b;
  }

  private static int count(DataInputStream in, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new EOFException("corrupt length " + n);
    }
    return n;
  }

  private Wire() {}
}
