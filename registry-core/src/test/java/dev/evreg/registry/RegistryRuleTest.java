package dev.evreg.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evreg.compat.RuleCatalog;
import dev.evreg.compat.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The history rules follow the catalogue's conventions: a docs page each, an id no compatibility
 * rule uses. (Their tests are repositories, in the cli's GitCommandsTest, not fixture folders.)
 */
class RegistryRuleTest {

  @Test
  void everyRuleHasADocsPageAndAnIdOfItsOwn() {
    for (RuleInfo r : RegistryRule.all()) {
      assertTrue(Files.isRegularFile(Path.of("../docs/rules", r.id() + ".md")), "missing docs page for " + r.id());
      assertTrue(RuleCatalog.find(r.id()).isEmpty(), r.id() + " is also a compatibility rule");
      assertFalse(r.summary().endsWith("."), r.id());
    }
  }
}
