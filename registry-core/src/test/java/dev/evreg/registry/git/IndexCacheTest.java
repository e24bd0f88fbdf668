package dev.evreg.registry.git;

import static dev.evreg.registry.GitFixture.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.evreg.registry.GitFixture;
import dev.evreg.registry.config.EvregConfig;
import dev.evreg.registry.config.SchemaPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index read from the cache is the index the walk built, down to which dead lineage a re-add continues. */
class IndexCacheTest {

  @TempDir
  Path dir;

  @Test
  void theCacheKeepsWhichOfTwoLineagesThatDiedAtAPathDiedLast() {
    try (GitFixture repo = GitFixture.init(dir)) {
      repo.write("schemas/a.avsc", avro("Moved", "id")).commit("a");
      repo.write("schemas/p.avsc", avro("First", "id")).commit("p");
      repo.delete("schemas/p.avsc").commit("p deleted");          // lineage of p dies at p
      repo.move("schemas/a.avsc", "schemas/p.avsc").commit("a moved to p");
      repo.delete("schemas/p.avsc").commit("p deleted again");    // lineage of a dies at p, later
      SchemaPaths paths = EvregConfig.defaults().schemas();
      try (GitRepo git = GitRepo.open(dir)) {
        HistoryIndexer indexer = new HistoryIndexer(git, paths, IndexProgress.NONE);
        HistoryIndex walked = indexer.index(git.head(), "main");
        HistoryIndex cached = new IndexCache(git.cacheDir(), indexer.key()).read(walked.tip(), indexer.key());
        assertNotNull(cached, "the walk wrote its index to the cache");
        assertEquals(0, walked.deadAt.get("schemas/p.avsc"), "a re-add at p continues the lineage that died there last");
        assertEquals(walked.deadAt, cached.deadAt);
        assertEquals(walked.lineagePath, cached.lineagePath);
        assertEquals(walked.lineageLast, cached.lineageLast);
        assertEquals(walked.events, cached.events);
        assertEquals(walked.live, cached.live);
        assertEquals(walked.commits, cached.commits);
      }
    }
  }
}
