package dev.evreg.compat.fuzz;

import java.util.Random;

/**
 * A property checked over generated cases: {@link #generate} draws a case from a seeded
 * {@link Random}, {@link #check} throws an {@link AssertionError} (or any other throwable) when
 * the case falsifies the property, or {@link Fuzz.Discard} when the case does not apply.
 */
public interface FuzzProperty<C> {

  String name();

  C generate(Random random);

  void check(C c, Fuzz.Stats stats) throws Exception;

  /** The case as a reader needs it to reproduce the failure by hand (schema texts, document). */
  String show(C c);
}
