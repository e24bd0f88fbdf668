package dev.evreg.compat.model;

import java.util.List;

/**
 * The type of a field. {@code kind} is how the value is represented; {@code name} is the
 * format's own spelling ({@code "int32"}, {@code "long"}, a record's full name);
 * {@code semantic} says what a logical type or format means; {@code arguments} are the
 * items of an array, the values of a map, or the branches of a union.
 */
public record TypeRef(Kind kind, String name, Semantic semantic, List<TypeRef> arguments) {

  /** How a value is represented. */
  public enum Kind { NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, STRING, BYTES, RECORD, ENUM, ARRAY, MAP, UNION, ANY }

  /** What a logical type, format or well-known type means. */
  public enum Semantic { NONE, UUID, TIMESTAMP, DATE, TIME, DECIMAL, DURATION }

  public TypeRef {
    arguments = List.copyOf(arguments);
  }

  public static TypeRef of(Kind kind, String name) {
    return new TypeRef(kind, name, Semantic.NONE, List.of());
  }

  /** The type without a null branch: {@code ["null", T]} gives {@code T}; others give themselves. */
  public TypeRef nonNull() {
    if (kind != Kind.UNION) {
      return this;
    }
    List<TypeRef> rest = arguments.stream().filter(a -> a.kind != Kind.NULL).toList();
    return rest.size() == 1 ? rest.get(0) : this;
  }

  public boolean isString() {
    return nonNull().kind == Kind.STRING;
  }

  /** A readable spelling for messages, such as {@code "long" (timestamp-millis)}. */
  public String display() {
    return switch (kind) {
      case ARRAY -> "array<" + arguments.get(0).display() + ">";
      case MAP -> "map<" + arguments.get(arguments.size() - 1).display() + ">";
      case UNION -> "union" + arguments.stream().map(TypeRef::display).toList();
      default -> name;
    };
  }
}
