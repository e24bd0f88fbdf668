package dev.evreg.compat.json;

import dev.evreg.compat.source.Position;
import java.math.BigDecimal;

/** A JSON number, kept as written so that no precision is lost. */
public record JsonNumber(String text, Position position) implements JsonValue {

  public BigDecimal decimal() {
    return new BigDecimal(text);
  }

  /** True when the value is a whole number, whatever its spelling ({@code 2}, {@code 2.0}, {@code 2e0}). */
  public boolean isIntegral() {
    BigDecimal d = decimal();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  @Override
  public String kind() {
    return "number";
  }
}
