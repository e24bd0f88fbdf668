package dev.evreg.registry;

import dev.evreg.compat.ParsedSchema;
import dev.evreg.registry.config.EvregConfig;
import dev.evreg.registry.git.BlobParser;
import dev.evreg.registry.git.GitRepo;
import dev.evreg.registry.git.HistoryIndexer;
import dev.evreg.registry.git.IndexProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The registry over a git repository: its configuration ({@code evreg.yaml} at the root of the
 * working tree unless another file is named) and the schema history of a ref.
 */
public final class GitRegistry implements AutoCloseable {

  private final GitRepo repo;
  private final EvregConfig config;
  private final IndexProgress progress;
  private final Map<String, SchemaHistory> histories = new HashMap<>();
  private ObjectReader reader;
  private BlobParser parser;

  private GitRegistry(GitRepo repo, EvregConfig config, IndexProgress progress) {
    this.repo = repo;
    this.config = config;
    this.progress = progress;
  }

  /**
   * Opens the repository holding {@code dir}; {@code configFile} (relative to the current folder)
   * replaces the repository's {@code evreg.yaml} when given.
   */
  public static GitRegistry open(Path dir, Path configFile, IndexProgress progress) {
    GitRepo repo = GitRepo.open(dir);
    try {
      EvregConfig config = configFile != null
          ? EvregConfig.load(configFile, configFile.toString(), true)
          : EvregConfig.load(repo.workTree().resolve(EvregConfig.FILE_NAME), EvregConfig.FILE_NAME, false);
      return new GitRegistry(repo, config, progress);
    } catch (RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  public GitRepo repo() {
    return repo;
  }

  public EvregConfig config() {
    return config;
  }

  /** {@code ref}, or the configured base branch when null; a missing base branch names the setting. */
  public GitRepo.ResolvedRef ref(String ref) {
    return ref(ref, "--against");
  }

  /** As {@link #ref(String)}; {@code option} is the command-line option a missing ref's message suggests. */
  public GitRepo.ResolvedRef ref(String ref, String option) {
    if (ref != null) {
      return repo.resolve(ref, option);
    }
    try {
      return repo.resolve(config.baseBranch(), option);
    } catch (RegistryException e) {
      throw new RegistryException(e.getMessage() + "; if the base branch has another name, set baseBranch in "
          + EvregConfig.FILE_NAME, e);
    }
  }

  /** The subjects and versions along the first-parent history of {@code ref}. */
  public SchemaHistory history(GitRepo.ResolvedRef ref) {
    return histories.computeIfAbsent(ref.commit().name(), k -> {
      HistoryIndexer indexer = new HistoryIndexer(repo, config.schemas(), progress);
      return HistoryMemo.get(repo.repository().getCommonDirectory().toPath(), indexer.key(), config.schemas(),
          ref.commit(), repo.shallowCommits(), () -> SchemaHistory.derive(indexer.index(ref.commit(), ref.name()),
              config.schemas()));
    });
  }

  /** A version's file as stored, up to the size evreg reads as one schema. */
  public byte[] bytes(SchemaVersion v) {
    return BlobParser.bytes(reader(), v.blob(), v.shortCommit() + ":" + v.path());
  }

  private ObjectReader reader() {
    if (reader == null) {
      reader = repo.repository().newObjectReader();
      parser = new BlobParser(reader, config.schemas().roots());
    }
    return reader;
  }

  /** Parses a version from the commit it first appeared in (Protobuf imports resolve in that commit). */
  public ParsedSchema parse(SchemaVersion v) {
    try {
      reader();
      try (RevWalk walk = new RevWalk(reader)) {
        return parser.parse(walk.parseCommit(v.commit().id()).getTree(), v.shortCommit() + ":", v.path(), v.blob(),
            v.format());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Versions as parsed schemas, each parsed on first use. */
  public List<ParsedSchema> parsed(List<SchemaVersion> versions) {
    return new VersionList(this, versions);
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
    repo.close();
  }
}
