package dev.evreg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The build's class-data sharing training run (not a user command): runs the commands people
 * run most, in process, so that the archive {@code bin/evreg} starts with holds their classes.
 * {@code compat} and {@code lint} run on the folders {@code old} and {@code new} of the working
 * folder (an Avro and a Protobuf pair); the git commands on a small repository built in a
 * temporary folder and deleted afterwards.
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
    Main.run(nul, nul, "compat", "--level", "FULL", "old", "new");
    Main.run(nul, nul, "compat", "old/order.avsc", "new/order.avsc");
    Main.run(nul, nul, "lint", "old", "new");
    Path tmp = Files.createTempDirectory("evreg-cds-");
    try {
      String v1 = Files.readString(Path.of("old/order.avsc"));
      String v2 = Files.readString(Path.of("new/order.avsc"));
      Path file = tmp.resolve("schemas/orders/Order.avsc");
      Files.createDirectories(file.getParent());
      try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
        long t = 1_767_225_600L;
        for (String text : new String[] {v1, v2}) {
          Files.writeString(file, text);
          git.add().addFilepattern(".").call();
          PersonIdent who = new PersonIdent("evreg", "build@evreg.invalid", Instant.ofEpochSecond(t += 60), ZoneOffset.UTC);
          git.commit().setMessage("version").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        git.checkout().setCreateBranch(true).setName("pr").call();
      }
      Files.writeString(file, v1);
      String repo = tmp.toString();
      Main.run(nul, nul, "check", "--repo", repo);
      Main.run(nul, nul, "check", "--repo", repo, "--output", "json");
      Main.run(nul, nul, "subjects", "--repo", repo);
      Main.run(nul, nul, "log", "--repo", repo, "orders/Order");
      Main.run(nul, nul, "show", "--repo", repo, "orders/Order");
      Main.run(nul, nul, "diff", "--repo", repo, "orders/Order");
    } finally {
      delete(tmp);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
