package dev.evreg.registry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evreg.registry.GitFixture;
import dev.evreg.registry.RegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoTest {

  @TempDir
  Path tmp;

  @Test
  void theDefaultBranchOfANewRepositoryIsTheOneHeadIsOn() throws Exception {
    Git.init().setDirectory(tmp.toFile()).setInitialBranch("trunk").call().close();
    try (GitRepo repo = GitRepo.open(tmp)) {
      assertEquals("trunk", repo.defaultBranch());
    }
  }

  @Test
  void mainOrMasterWinOverTheCurrentBranch() throws Exception {
    try (GitFixture f = GitFixture.init(tmp)) {
      f.write("a.txt", "a").commit("first");
      f.branch("feature").checkout("feature");
      try (GitRepo repo = GitRepo.open(tmp)) {
        assertEquals("main", repo.defaultBranch());
      }
    }
  }

  @Test
  void aClonesDefaultBranchIsTheRemotes() throws Exception {
    try (GitFixture f = GitFixture.init(tmp)) {
      f.write("a.txt", "a").commit("first");
      RefUpdate u = f.git().getRepository().updateRef("refs/remotes/origin/develop");
      u.setNewObjectId(f.git().getRepository().resolve("HEAD"));
      u.update();
      f.git().getRepository().updateRef("refs/remotes/origin/HEAD").link("refs/remotes/origin/develop");
      try (GitRepo repo = GitRepo.open(tmp)) {
        assertEquals("develop", repo.defaultBranch());
      }
    }
  }

  @Test
  void aRefInARepositoryWithoutCommitsSaysSo() throws Exception {
    Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call().close();
    try (GitRepo repo = GitRepo.open(tmp)) {
      RegistryException e = assertThrows(RegistryException.class, () -> repo.resolve("main"));
      assertEquals("the repository has no commits yet, so \"main\" does not exist; commit the schemas first "
          + "(evreg reads their versions from the history of the base branch)", e.getMessage());
    }
  }

  @Test
  void aMissingBranchWithoutARemoteSuggestsALocalOne() throws Exception {
    try (GitFixture f = GitFixture.init(tmp)) {
      f.write("a.txt", "a").commit("first");
      try (GitRepo repo = GitRepo.open(tmp)) {
        RegistryException e = assertThrows(RegistryException.class, () -> repo.resolve("mian"));
        assertEquals("the ref \"mian\" does not exist in this repository (no branch, tag or commit of that name, "
            + "nor origin/mian); did you mean \"main\"?", e.getMessage());
        assertEquals("the ref is empty; name a branch, tag or commit with --against",
            assertThrows(RegistryException.class, () -> repo.resolve("")).getMessage());
      }
    }
  }

  @Test
  void aFileIsNotARepositoryFolder() throws Exception {
    Path file = Files.writeString(tmp.resolve("README.md"), "x");
    assertEquals("not a folder: " + file, assertThrows(RegistryException.class, () -> GitRepo.open(file)).getMessage());
  }
}
