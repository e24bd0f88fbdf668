package dev.evreg.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The thin client bin/evreg starts when a daemon's endpoint file is in the current folder: it sends
 * the command line and copies the daemon's answer to stdout, stderr and the exit code. When the
 * daemon cannot run the command as a JVM of its own would (gone, rebuilt, another folder or
 * environment), it exits with {@link Wire#FALLBACK_EXIT} and bin/evreg runs the command itself;
 * once the daemon has taken the command, it never does (the command must not run twice).
 */
public final class Client {

  /** How long a daemon has to take or refuse a request; a client that waited longer runs the command itself. */
  private static final int ANSWER_MILLIS = 2000;

  private Client() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(List.of(args));
    } catch (RuntimeException | LinkageError e) {
      // a broken client must not stand between the user and the command: run it without the daemon
      code = fallback(Wire.verbose(List.of(args)), "the client failed: " + e);
    }
    System.exit(code);
  }

  static int run(List<String> args) {
    boolean verbose = Wire.verbose(args);
    Wire.Endpoint endpoint = Wire.Endpoint.read(Wire.ENDPOINT);
    if (endpoint == null) {
      return fallback(verbose, "no daemon serves this folder");
    }
    Wire.Request request = new Wire.Request(endpoint.token(), Wire.Kind.RUN, Path.of("").toAbsolutePath().toString(),
        System.console() != null, Wire.relevant(System.getenv()), args, System.getProperty("evreg.jar", ""),
        Wire.java());
    try (Exchange x = Exchange.of(Wire.ENDPOINT, endpoint, request)) {
      if (x == null) {
        return fallback(verbose, "the daemon is gone (removed " + Wire.ENDPOINT + ")");
      }
      String answer = new String(x.payload(), StandardCharsets.UTF_8);
      if (x.type() == Wire.FALLBACK) {
        return fallback(verbose, answer);
      }
      if (x.type() == Wire.ELSEWHERE) {
        return fallback(verbose, answer + " (removed " + Wire.ENDPOINT + ", a copy)");
      }
      if (x.type() != Wire.ACCEPTED) {
        return fallback(verbose, "no evreg daemon answers on port " + endpoint.port());
      }
      Wire.signal(x.out(), Wire.GO);
      x.socket().setSoTimeout(0);
      return new Relay().copy(x.in());
    } catch (IOException e) {
      return fallback(verbose, "the daemon did not answer: " + e.getMessage());
    }
  }

  /**
   * Asks the daemon that serves the work tree {@code top} for its status (or to stop) and returns
   * its status line, or null when none does (the endpoint file of one that died, or a copy of
   * another folder's, is removed).
   */
  public static String ask(Path top, Wire.Kind kind) {
    Path file = top.resolve(Wire.ENDPOINT);
    Wire.Endpoint endpoint = Wire.Endpoint.read(file);
    if (endpoint == null) {
      return null;
    }
    Wire.Request request = new Wire.Request(endpoint.token(), kind, top.toAbsolutePath().toString(), false, Map.of(), List.of(), "",
        Wire.java());
    try (Exchange x = Exchange.of(file, endpoint, request)) {
      return x != null && x.type() == Wire.STATUS ? new String(x.payload(), StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null; // alive but not answering (stopped, or stopping): not a daemon that serves
    }
  }

  /** A request sent and the daemon's first frame ({@code type} -1 when it closed without one). */
  private record Exchange(Socket socket, DataOutputStream out, DataInputStream in, int type, byte[] payload)
      implements AutoCloseable {

    /**
     * Sends {@code request} to the daemon of {@code endpoint} (read from {@code file}) and reads its
     * first frame; null when that daemon is gone. An endpoint file the daemon calls a copy is removed.
     */
    static Exchange of(Path file, Wire.Endpoint endpoint, Wire.Request request) throws IOException {
      Socket s = connect(file, endpoint);
      if (s == null) {
        return null;
      }
      try {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        request.write(out);
        int type = in.read();
        Exchange x = new Exchange(s, out, in, type, type < 0 ? new byte[0] : Wire.payload(in));
        if (type == Wire.ELSEWHERE) {
          endpoint.removeFrom(file);
        }
        return x;
      } catch (IOException | RuntimeException e) {
        s.close();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /**
   * A connection to the endpoint's daemon, or null when its process is gone or nobody listens on its
   * port (the endpoint file is then removed). Nothing is sent to a port whose daemon has died,
   * since another program may listen there now.
   */
  private static Socket connect(Path file, Wire.Endpoint endpoint) throws IOException {
    if (!alive(endpoint.pid())) {
      endpoint.removeFrom(file);
      return null;
    }
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()), ANSWER_MILLIS);
      s.setSoTimeout(ANSWER_MILLIS);
      return s;
    } catch (ConnectException refused) {
      s.close();
      endpoint.removeFrom(file);
      return null;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }


  /** Whether process {@code pid} exists: from /proc where there is one (cheaper for a JVM that lives 60 ms). */
  private static boolean alive(long pid) {
    Path proc = Path.of("/proc");
    if (Files.isDirectory(proc.resolve("self"))) {
      return Files.isDirectory(proc.resolve(Long.toString(pid)));
    }
    return ProcessHandle.of(pid).isPresent();
  }


  /** Copies the daemon's frames to stdout and stderr, until the exit code. */
  private static final class Relay {
    private OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    private OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    private boolean wrote;

    /** As System.out does, a closed stdout (say, piped to head) drops what follows and does not fail the command. */
    private static OutputStream write(OutputStream to, byte[] b) {
      try {
        to.write(b);
        return to;
      } catch (IOException e) {
        return OutputStream.nullOutputStream();
      }
    }

    int copy(DataInputStream in) {
      try {
        while (true) {
          int type = in.read();
          if (type < 0) {
            return lost();
          }
          byte[] payload = Wire.payload(in);
          switch (type) {
            case Wire.OUT -> {
              wrote = true;
              stdout = write(stdout, payload);
            }
            case Wire.ERR -> {
              wrote = true;
              stderr = write(stderr, payload);
            }
            case Wire.EXIT -> {
              return new DataInputStream(new ByteArrayInputStream(payload)).readInt();
            }
            default -> throw new IOException("unexpected frame " + type);
          }
        }
      } catch (IOException e) {
        return lost();
      }
    }

    /** The daemon took the command and went away: whether it ran is unknown, so it is not run again. Exit 3. */
    private int lost() {
      write(stderr, ((wrote ? "\n" : "") + "evreg: the daemon stopped before the command ended"
          + (wrote ? "; the output above is incomplete" : "") + " (see " + Wire.LOG + ")\n")
          .getBytes(StandardCharsets.UTF_8));
      return 3;
    }
  }

  private static int fallback(boolean verbose, String reason) {
    if (verbose) {
      System.err.println("evreg: running without the daemon: " + reason);
    }
    return Wire.FALLBACK_EXIT;
  }
}
