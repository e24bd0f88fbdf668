import dev.evreg.compat.CheckOptions;
import dev.evreg.compat.CompatibilityChecker;
import dev.evreg.compat.Level;
import dev.evreg.compat.ParsedSchema;
import dev.evreg.compat.ProtoRules;
import dev.evreg.compat.SchemaReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The folder comparison of bin/evreg compat OLD NEW, looped inside one JVM through the library
 * API as TreeCompat does it: both sides read in parallel with SchemaReader.readProtoTree, every
 * common file checked at BACKWARD with the wire rule set.
 * Prints the median wall time of one iteration after the warm-up ones.
 * Usage: java -cp cli/target/evreg.jar:CLASSES ProtoTreeWarm OLD_DIR NEW_DIR IMPORT_DIR_RELATIVE WARMUP RUNS
 */
public final class ProtoTreeWarm {

  public static void main(String[] args) throws IOException {
    Path oldDir = Path.of(args[0]);
    Path newDir = Path.of(args[1]);
    String include = args[2];
    int warmup = Integer.parseInt(args[3]);
    int runs = Integer.parseInt(args[4]);
    List<String> common = new ArrayList<>(protos(oldDir));
    common.retainAll(protos(newDir));
    CheckOptions options = CheckOptions.DEFAULTS.withProtoRules(ProtoRules.WIRE);
    long[] times = new long[runs];
    int findings = 0;
    for (int i = 0; i < warmup + runs; i++) {
      long start = System.nanoTime();
      findings = once(oldDir, newDir, include, common, options);
      if (i >= warmup) {
        times[i - warmup] = System.nanoTime() - start;
      }
    }
    Arrays.sort(times);
    double median = (runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2.0) / 1e6;
    System.out.printf("%.1f%n", median);
    System.err.printf("warm: %d files per side compared, %d findings, median of %d runs after %d warm-up runs%n",
        common.size(), findings, runs, warmup);
  }

  private static int once(Path oldDir, Path newDir, String include, List<String> common, CheckOptions options) {
    SchemaReader oldReader = reader(oldDir, include);
    SchemaReader newReader = reader(newDir, include);
    CompletableFuture<Map<String, ParsedSchema>> newSide =
        CompletableFuture.supplyAsync(() -> newReader.readProtoTree(newDir, common));
    Map<String, ParsedSchema> olds = oldReader.readProtoTree(oldDir, common);
    Map<String, ParsedSchema> news = newSide.join();
    if (olds.size() != common.size() || news.size() != common.size()) {
      throw new IllegalStateException("a side did not load as one tree");
    }
    CompatibilityChecker checker = CompatibilityChecker.standard();
    int findings = 0;
    for (String rel : common) {
      findings += checker.check(Level.BACKWARD, List.of(olds.get(rel)), news.get(rel), options).findings().size();
    }
    return findings;
  }

  private static SchemaReader reader(Path side, String include) {
    return new SchemaReader(SchemaReader.Options.DEFAULTS.withProtoPaths(List.of(side, side.resolve(include).normalize())));
  }

  private static TreeSet<String> protos(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".proto")).map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
