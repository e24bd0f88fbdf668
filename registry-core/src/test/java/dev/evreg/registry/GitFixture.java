package dev.evreg.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds git repositories for tests with JGit, every commit at a fixed author date one minute
 * after the previous one, so that commit ids are the same on every run.
 */
public final class GitFixture implements AutoCloseable {

  public static final long START = 1_767_225_600L; // 2026-01-01T00:00:00Z

  private final Path dir;
  private final Git git;
  private long time = START;

  private GitFixture(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** A new repository in {@code dir} whose first branch is {@code main}. */
  public static GitFixture init(Path dir) {
    try {
      Files.createDirectories(dir);
      return new GitFixture(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  public Git git() {
    return git;
  }

  public GitFixture write(String path, String text) {
    try {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.write(p, text.getBytes(StandardCharsets.UTF_8));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitFixture delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitFixture move(String from, String to) {
    try {
      Path target = dir.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(dir.resolve(from), target);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public PersonIdent ident() {
    time += 60;
    return new PersonIdent("Ada Tester", "ada@example.invalid", Instant.ofEpochSecond(time), ZoneOffset.UTC);
  }

  /** Stages every change in the working tree (additions and deletions) and commits it. */
  public RevCommit commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().setUpdate(true).addFilepattern(".").call();
      PersonIdent who = ident();
      return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture branch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Merges {@code branch} into the current branch with a merge commit (never fast-forward). */
  public RevCommit merge(String branch, String message) {
    try {
      git.merge().include(git.getRepository().resolve(branch)).setFastForward(MergeCommand.FastForwardMode.NO_FF)
          .setCommit(false).call();
      return commit(message);
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An Avro record {@code com.acme.NAME} with string fields; a field written {@code name=default} gets a default. */
  public static String avro(String name, String... fields) {
    StringBuilder sb = new StringBuilder("{\"type\": \"record\", \"name\": \"" + name + "\", \"namespace\": \"com.acme\",\n \"fields\": [");
    for (int i = 0; i < fields.length; i++) {
      String[] f = fields[i].split("=", 2);
      sb.append(i == 0 ? "\n" : ",\n").append("  {\"name\": \"").append(f[0]).append("\", \"type\": \"string\"");
      if (f.length == 2) {
        sb.append(", \"default\": \"").append(f[1]).append('"');
      }
      sb.append('}');
    }
    return sb.append("\n ]}\n").toString();
  }

  @Override
  public void close() {
    git.close();
  }
}
