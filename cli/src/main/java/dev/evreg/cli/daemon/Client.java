package dev.evreg.cli.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
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
 * environment), it exits with {@link Wire#FALLBACK_EXIT} and bin/evreg runs the command itself.
 */
public final class Client {

  private Client() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(List.of(args));
    } catch (RuntimeException | LinkageError e) {
      // a broken client must not stand between the user and the command: run it without the daemon
      code = fallback(List.of(args).contains("-v") || List.of(args).contains("--verbose"), "the client failed: " + e);
    }
    System.exit(code);
  }

  static int run(List<String> args) {
    boolean verbose = args.contains("-v") || args.contains("--verbose");
    Wire.Endpoint endpoint = Wire.Endpoint.read(Wire.ENDPOINT);
    if (endpoint == null) {
      return fallback(verbose, "no daemon serves this folder");
    }
    Wire.Request request = new Wire.Request(endpoint.token(), Wire.Kind.RUN, Path.of("").toAbsolutePath().toString(),
        System.console() != null, System.getenv(), args, System.getProperty("evreg.jar", ""));
    try (Socket s = connect(Wire.ENDPOINT, endpoint, request)) {
      if (s == null) {
        return fallback(verbose, "the daemon is gone (removed " + Wire.ENDPOINT + ")");
      }
      return new Relay().copy(new DataInputStream(new BufferedInputStream(s.getInputStream())), verbose);
    } catch (IOException e) {
      return fallback(verbose, "cannot talk to the daemon: " + e.getMessage());
    }
  }

  /**
   * Asks the daemon whose endpoint is in {@code file} for its status (or to stop) and returns its
   * status line, or null when no daemon listens there (the file of one that died is removed).
   */
  public static String ask(Path file, Wire.Kind kind) throws IOException {
    Wire.Endpoint endpoint = Wire.Endpoint.read(file);
    if (endpoint == null) {
      return null;
    }
    Wire.Request request = new Wire.Request(endpoint.token(), kind, Path.of("").toAbsolutePath().toString(), false,
        Map.of(), List.of(), "");
    try (Socket s = connect(file, endpoint, request)) {
      if (s == null) {
        return null;
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      return in.read() == Wire.STATUS ? new String(Wire.payload(in), StandardCharsets.UTF_8) : null;
    }
  }

  /** A connection, or null when nobody listens on the endpoint's port any more (the file is then removed). */
  private static Socket connect(Path file, Wire.Endpoint endpoint, Wire.Request request) throws IOException {
    try {
      return Wire.connect(endpoint, request);
    } catch (ConnectException refused) {
      if (endpoint.equals(Wire.Endpoint.read(file))) {
        Files.deleteIfExists(file);
      }
      return null;
    }
  }

  /** Copies the daemon's frames to stdout and stderr; once some output is out, a lost daemon is an error, not a fallback. */
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

    int copy(DataInputStream in, boolean verbose) throws IOException {
      try {
        return frames(in, verbose);
      } catch (IOException e) {
        if (!wrote) {
          throw e;
        }
        return lost();
      }
    }

    private int frames(DataInputStream in, boolean verbose) throws IOException {
      while (true) {
        int type = in.read();
        if (type < 0) {
          return wrote ? lost() : fallback(verbose, "the daemon closed the connection");
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
          case Wire.FALLBACK -> {
            return fallback(verbose, new String(payload, StandardCharsets.UTF_8));
          }
          default -> throw new IOException("unexpected frame " + type);
        }
      }
    }

    private int lost() {
      write(stderr, ("\nevreg: the daemon stopped before the command ended; its output above is incomplete (see "
          + Wire.LOG + ")\n").getBytes(StandardCharsets.UTF_8));
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
