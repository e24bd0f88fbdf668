package dev.evreg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubjectNamesTest {

  @Test
  void subjectIsThePathUnderTheRootWithoutExtension() {
    assertEquals("orders/OrderPlaced", SubjectNames.fromPath("schemas", "schemas/orders/OrderPlaced.avsc"));
    assertEquals("orders/OrderPlaced", SubjectNames.fromPath("schemas/", "schemas\\orders\\OrderPlaced.proto"));
    assertEquals("other/x", SubjectNames.fromPath("schemas", "other/x.json"));
    assertEquals("orders/.hidden", SubjectNames.fromPath("", "orders/.hidden"));
  }

  @Test
  void pathEscapesAndControlCharactersAreInvalid() {
    assertTrue(SubjectNames.isValid("orders-value"));
    assertFalse(SubjectNames.isValid(""));
    assertFalse(SubjectNames.isValid("../etc/passwd"));
    assertFalse(SubjectNames.isValid("a/./b"));
    assertFalse(SubjectNames.isValid("a\u0000b"));
    assertFalse(SubjectNames.isValid("/abs"));
  }
}
