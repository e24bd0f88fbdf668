package dev.evreg.compat.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"OrderPlaced", "PaymentFailed", "UserSignedUp", "StockSold", "InvoicePaid", "EmailSent",
      "OrderPlacedEvent", "MessagePublishedData", "AccountLoggedIn", "OrderShippedV2", "PasswordReset"})
  void pastTenseNamesPass(String name) {
    assertTrue(Names.isPastTense(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CreateOrder", "OrderUpdate", "PaymentFailure", "Order", "SpeedChange", "NeedApproval"})
  void otherNamesFail(String name) {
    assertFalse(Names.isPastTense(name), name);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"CreateOrder, OrderCreated", "OrderUpdate, OrderUpdated", "ShipParcel, ParcelShipped", "PayInvoice, InvoicePaid",
      "SendEmail, EmailSent", "CancelSubscription, SubscriptionCanceled", "ApplyDiscount, ''"})
  void suggestions(String name, String expected) {
    assertEquals(expected.isEmpty() ? null : expected, Names.suggestPastTense(name));
  }

  @Test
  void casesConvertBetweenStyles() {
    assertEquals(List.of("order", "Placed", "At"), Names.words("orderPlacedAt"));
    assertEquals(List.of("HTTP", "Status"), Names.words("HTTPStatus"));
    assertEquals("order_placed_at", Names.Case.LOWER_SNAKE.convert("orderPlacedAt"));
    assertEquals("orderPlacedAt", Names.Case.CAMEL.convert("ORDER_PLACED_AT"));
    assertEquals("OrderPlaced", Names.Case.PASCAL.convert("order-placed"));
    assertTrue(Names.Case.UPPER_SNAKE.matches("STATUS_UNSPECIFIED"));
    assertFalse(Names.Case.CAMEL.matches("order_id"));
  }
}
