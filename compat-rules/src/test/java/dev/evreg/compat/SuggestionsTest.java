package dev.evreg.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> KEYS = List.of("baseBranch", "schemas", "compatibility", "waivers");

  @Test
  void suggestsTheNearestNameIgnoringCase() {
    assertEquals(Optional.of("baseBranch"), Suggestions.nearest("basebranh", KEYS));
    assertEquals(Optional.of("schemas"), Suggestions.nearest("shcemas", KEYS)); // one transposition
  }

  @Test
  void suggestsNothingWhenEveryNameIsFar() {
    assertEquals(Optional.empty(), Suggestions.nearest("levels", KEYS));
    assertEquals("; expected one of a, b", Suggestions.hint("zzz", List.of("a", "b")));
  }

  @Test
  void aLargerMinimumAllowsMoreEditsOnShortNames() {
    assertEquals(Optional.empty(), Suggestions.nearest("wavs", KEYS));
    assertEquals(Optional.of("waivers"), Suggestions.nearest("wavs", KEYS, 3));
  }

  @Test
  void distanceCountsATranspositionAsOneEdit() {
    assertEquals(1, Suggestions.distance("ab", "ba"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
  }
}
