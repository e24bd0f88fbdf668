package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import dev.evreg.compat.jsonschema.JsonCasesTest;
import org.junit.jupiter.api.Test;

/** Every rule in the catalogue: a unique id, a summary, a docs page and a test folder. */
class RuleCatalogTest {

  static final Path DOCS = Path.of("../docs/rules");

  @Test
  void idsAreUniqueAndSorted() {
    List<String> ids = RuleCatalog.builtIn().stream().map(RuleInfo::id).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size());
    assertEquals(ids.stream().sorted().toList(), ids);
  }

  @Test
  void summariesAreOneLineWithoutTrailingPeriod() {
    for (RuleInfo r : RuleCatalog.builtIn()) {
      assertFalse(r.summary().isBlank(), r.id());
      assertFalse(r.summary().endsWith("."), r.id() + ": summary ends with a period");
      assertFalse(r.summary().contains("\n"), r.id());
    }
  }

  @Test
  void everyRuleHasADocsPageNamedAfterIt() {
    for (RuleInfo r : RuleCatalog.builtIn()) {
      Path page = DOCS.resolve(r.id() + ".md");
      assertTrue(Files.isRegularFile(page), "missing docs page " + page);
    }
  }

  /** A folder named after the rule, or (for JSON Schema change types) a case in the case file. */
  @Test
  void everyRuleHasATestFolderOrCase() throws IOException {
    Set<String> tested = new HashSet<>();
    try (Stream<Path> s = Files.walk(CompatGoldenTest.TESTDATA, 2)) {
      s.filter(Files::isDirectory).forEach(p -> tested.add(p.getFileName().toString().replaceFirst("__.*", "").toUpperCase(Locale.ROOT)));
    }
    JsonCasesTest.cases().forEach(c -> tested.addAll(c.changes()));
    for (RuleInfo r : RuleCatalog.builtIn()) {
      assertTrue(tested.contains(r.id()), "no test folder or case for " + r.id());
    }
  }
}
