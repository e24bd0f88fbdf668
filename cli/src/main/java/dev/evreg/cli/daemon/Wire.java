package dev.evreg.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's protocol on a loopback TCP port, one request per connection. The daemon writes its
 * port and a secret token to {@link #ENDPOINT}, a file only its user can read; a client sends the
 * token with a {@link Request}. The daemon acknowledges ({@link #ACCEPTED}) and answers with frames
 * of a type byte and a payload: stdout and stderr bytes as the command writes them, then the exit
 * code; or else one {@link #FALLBACK} (run the command in a JVM of its own) or {@link #STATUS} line.
 * JDK classes only: the client loads this. (Loopback TCP rather than a Unix socket: the JDK's Unix
 * sockets seed a SecureRandom on first use, which costs a short-lived client ~25 ms.)
 */
public final class Wire {

  /** "PORT TOKEN PID", relative to the top folder of the work tree the daemon serves. */
  public static final Path ENDPOINT = Path.of(".git", "evreg", "daemon.port");
  /** What the daemon writes to stdout and stderr of its own (start-up failures, crashes). */
  public static final Path LOG = Path.of(".git", "evreg", "daemon.log");

  /** The client's exit code that tells bin/evreg to run the command without the daemon (EX_TEMPFAIL). */
  public static final int FALLBACK_EXIT = 75;

  static final int MAGIC = 0x65767267;
  static final int VERSION = 1;

  public static final byte OUT = 1;
  public static final byte ERR = 2;
  public static final byte EXIT = 3;
  public static final byte FALLBACK = 4;
  public static final byte STATUS = 5;
  public static final byte ACCEPTED = 6;

  /** What a client asks for. */
  public enum Kind { RUN, STATUS, STOP }

  /** Where a daemon listens, as its endpoint file says. */
  public record Endpoint(int port, String token, long pid) {

    /** The endpoint in {@code file}, or null when there is none or it is not one. */
    public static Endpoint read(Path file) {
      try (java.io.FileInputStream in = new java.io.FileInputStream(file.toFile())) {
        String[] f = new String(in.readNBytes(200), StandardCharsets.US_ASCII).trim().split(" ");
        return f.length == 3 ? new Endpoint(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2])) : null;
      } catch (IOException | NumberFormatException e) {
        return null;
      }
    }

    public String text() {
      return port + " " + token + " " + pid + "\n";
    }
  }

  /**
   * A command line with the caller's token, folder, terminal and environment, and the jar of the
   * evreg it would run without the daemon (empty when not known).
   */
  public record Request(String token, Kind kind, String cwd, boolean interactive, Map<String, String> env,
      List<String> args, String evreg) {

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
      out.flush();
    }

    /** Reads a request; a stranger's bytes or another protocol version are an IOException. */
    public static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not an evreg client");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("protocol version " + version + ", the daemon speaks " + VERSION);
      }
      String token = string(in);
      int kind = in.readUnsignedByte();
      if (kind >= Kind.values().length) {
        throw new IOException("unknown request " + kind);
      }
      String cwd = string(in);
      boolean interactive = in.readBoolean();
      int n = count(in);
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        env.put(string(in), string(in));
      }
      int argc = count(in);
      List<String> args = new ArrayList<>(argc);
      for (int i = 0; i < argc; i++) {
        args.add(string(in));
      }
      return new Request(token, Kind.values()[kind], cwd, interactive, env, args, string(in));
    }
  }

  /** One frame: the type, the payload length and the payload. */
  public static void frame(DataOutputStream out, byte type, byte[] b, int off, int len) throws IOException {
    out.writeByte(type);
    out.writeInt(len);
    out.write(b, off, len);
    out.flush();
  }

  public static void frame(DataOutputStream out, byte type, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    frame(out, type, b, 0, b.length);
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

  static String string(DataInputStream in) throws IOException {
    return new String(payload(in), StandardCharsets.UTF_8);
  }

  /** Connects to the daemon of {@code endpoint}, which must acknowledge within two seconds. */
  public static java.net.Socket connect(Endpoint endpoint, Request request) throws IOException {
    java.net.Socket s = new java.net.Socket();
    try {
      s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), endpoint.port()), 2000);
      s.setSoTimeout(2000);
      request.write(new DataOutputStream(new java.io.BufferedOutputStream(s.getOutputStream())));
      // a port reused by another program after the daemon died answers otherwise, or not at all
      DataInputStream in = new DataInputStream(s.getInputStream());
      if (in.read() != ACCEPTED || in.readInt() != 0) {
        throw new IOException("not an evreg daemon on port " + endpoint.port());
      }
      s.setSoTimeout(0);
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /** A length-prefixed payload; lengths beyond 64 MB are a broken stream, not an allocation. */
  public static byte[] payload(DataInputStream in) throws IOException {
    byte[] b = new byte[count(in)];
    in.readFully(b);
    return b;
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 64 << 20) {
      throw new EOFException("corrupt length " + n);
    }
    return n;
  }

  private Wire() {}
}
