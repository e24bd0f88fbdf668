package dev.evreg.registry.git;

import dev.evreg.compat.Suggestions;
import dev.evreg.registry.RegistryException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A git repository with a working tree, read with JGit (no {@code git} binary): refs resolved
 * the way users name them, merge bases, and the checks that turn a shallow clone or a missing
 * ref into a message that says how to fix it.
 */
public final class GitRepo implements AutoCloseable {

  /** A commit and the name the user gave it (and the ref it resolved through). */
  public record ResolvedRef(String name, String resolvedAs, RevCommit commit) {}

  private final Repository repository;
  private final Path workTree;

  private GitRepo(Repository repository) {
    this.repository = repository;
    this.workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
  }

  static {
    // JGit finds the system git config by running 'git config --system --show-origin'; where
    // the location is standard, name it instead, so that no git binary is started.
    if (!System.getProperty("os.name", "").startsWith("Windows")) {
      String system = System.getenv("GIT_CONFIG_SYSTEM");
      FS.DETECTED.setGitSystemConfig(new File(system != null && !system.isEmpty() ? system : "/etc/gitconfig"));
    }
  }

  /** Opens the repository that holds {@code dir} (searching upward). */
  public static GitRepo open(Path dir) {
    File start = dir.toAbsolutePath().normalize().toFile();
    if (!start.isDirectory()) {
      throw new RegistryException((start.exists() ? "not a folder: " : "no such folder: ") + dir);
    }
    FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(start);
    if (b.getGitDir() == null) {
      throw new RegistryException("not inside a git repository: " + dir.toAbsolutePath().normalize()
          + " (evreg reads schema versions from git history; run it in a clone, or pass --repo DIR)");
    }
    try {
      Repository r = b.setMustExist(true).build();
      if (r.isBare()) {
        r.close();
        throw new RegistryException("the repository at " + b.getGitDir() + " is bare; evreg needs a working tree");
      }
      return new GitRepo(r);
    } catch (IOException e) {
      throw new RegistryException("cannot open the git repository at " + b.getGitDir() + ": " + e.getMessage(), e);
    }
  }

  public Repository repository() {
    return repository;
  }

  public Path workTree() {
    return workTree;
  }

  /** Where evreg keeps its caches: {@code .git/evreg} (shared by all worktrees of the repository). */
  public Path cacheDir() {
    return repository.getCommonDirectory().toPath().resolve("evreg");
  }

  /**
   * Resolves a branch, tag, remote-tracking branch or commit; a plain branch name missing locally
   * is also looked up as {@code origin/NAME}, as CI checkouts often have only that.
   */
  public ResolvedRef resolve(String ref) {
    return resolve(ref, "--against");
  }

  /** As {@link #resolve(String)}; {@code option} is the command-line option a missing ref's message suggests. */
  public ResolvedRef resolve(String ref, String option) {
    if (ref.isBlank()) {
      throw new RegistryException("the ref is empty; name a branch, tag or commit with " + option);
    }
    try {
      ObjectId id = resolveId(ref);
      String as = ref;
      if (id == null && !ref.contains("/") && !ref.matches("[0-9a-f]{4,40}")) {
        id = resolveId("refs/remotes/origin/" + ref);
        as = "origin/" + ref;
      }
      if (id == null) {
        throw missingRef(ref, option);
      }
      try (RevWalk walk = new RevWalk(repository)) {
        return new ResolvedRef(ref, as, walk.parseCommit(id));
      }
    } catch (MissingObjectException e) {
      throw missingRef(ref, option);
    } catch (IOException e) {
      // say, a ref name the file system's encoding cannot spell (a non-ASCII name under LANG=C)
      boolean ascii = ref.chars().allMatch(c -> c < 128);
      throw new RegistryException("cannot read the ref '" + ref + "' given with " + option + ": " + e.getMessage()
          + (ascii ? "" : "; a name that is not ASCII needs a UTF-8 locale, such as LANG=C.UTF-8"), e);
    }
  }

  private ObjectId resolveId(String ref) throws IOException {
    try {
      return repository.resolve(ref + "^{commit}");
    } catch (RevisionSyntaxException e) {
      throw new RegistryException("\"" + ref + "\" is not a valid git revision");
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      throw new RegistryException("\"" + ref + "\" does not name a commit");
    }
  }

  private RegistryException missingRef(String ref, String option) {
    List<String> branches = branches();
    if (branches.isEmpty()) {
      return new RegistryException("the repository has no commits yet, so \"" + ref + "\" does not exist; commit the "
          + "schemas first (evreg reads their versions from the history of the base branch)");
    }
    String fetch = ref.startsWith("origin/") ? ref.substring("origin/".length()) : ref;
    String hint;
    if (isShallow()) {
      hint = "this is a shallow clone: fetch the history with 'git fetch --unshallow origin' (in GitHub Actions: actions/checkout with fetch-depth: 0)";
    } else if (repository.getRemoteNames().contains("origin")) {
      hint = "fetch it with 'git fetch origin " + fetch + ":refs/remotes/origin/" + fetch
          + "' (in GitHub Actions: actions/checkout with fetch-depth: 0), or name another ref with " + option;
    } else {
      hint = Suggestions.nearest(ref, branches).map(b -> "did you mean \"" + b + "\"?")
          .orElse("the branches are " + String.join(", ", branches.subList(0, Math.min(8, branches.size())))
              + (branches.size() > 8 ? ", ..." : ""));
    }
    return new RegistryException("the ref \"" + ref + "\" does not exist in this repository (no branch, tag or commit "
        + "of that name" + (ref.contains("/") ? "" : ", nor origin/" + ref) + "); " + hint);
  }

  /** The local and remote-tracking branches, by short name. */
  private List<String> branches() {
    try {
      return repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_REMOTES).stream()
          .filter(r -> !r.isSymbolic()).map(r -> Repository.shortenRefName(r.getName())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The branch a new configuration should name as the base: the remote's default branch in a
   * clone, else main or master when one exists, else the branch HEAD is on (also before the
   * first commit), else main.
   */
  public String defaultBranch() {
    try {
      Ref remoteHead = repository.exactRef("refs/remotes/origin/HEAD");
      if (remoteHead != null && remoteHead.isSymbolic()) {
        return Repository.shortenRefName(remoteHead.getTarget().getName()).replaceFirst("^origin/", "");
      }
      for (String b : List.of("main", "master")) {
        if (repository.exactRef(Constants.R_HEADS + b) != null) {
          return b;
        }
      }
      Ref head = repository.exactRef(Constants.HEAD);
      if (head != null && head.isSymbolic() && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
        return Repository.shortenRefName(head.getTarget().getName());
      }
      return "main";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HEAD's commit; an error when the repository has no commit yet. */
  public RevCommit head() {
    try {
      ObjectId id = repository.resolve("HEAD^{commit}");
      if (id == null) {
        throw new RegistryException("HEAD has no commit yet; commit something first");
      }
      try (RevWalk walk = new RevWalk(repository)) {
        return walk.parseCommit(id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The best common ancestor of two commits; an error naming the fix when there is none. */
  public RevCommit mergeBase(RevCommit a, RevCommit b, String aName) {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(a));
      walk.markStart(walk.parseCommit(b));
      RevCommit base = walk.next();
      if (base == null) {
        if (isShallow()) {
          throw shallow("HEAD and " + aName + " have no common commit in this shallow clone");
        }
        throw new RegistryException("HEAD and " + aName + " share no history, so there is no merge base to compare "
            + "with; name a ref HEAD grew from with --against");
      }
      return base;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isShallow() {
    return !shallowCommits().isEmpty();
  }

  /** The commits whose parents a shallow clone cut off ({@code .git/shallow}). */
  public Set<ObjectId> shallowCommits() {
    try {
      return repository.getObjectDatabase().getShallowCommits();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error for history cut by a shallow clone, with the commands that fetch it. */
  public static RegistryException shallow(String what) {
    return new RegistryException(what + ", so evreg cannot read every version; fetch the full history with "
        + "'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0)");
  }

  @Override
  public void close() {
    repository.close();
  }
}
