package dev.evreg.compat.fuzz;

import java.util.Random;
import java.util.function.Function;

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

  /** A property with its name, its generator and how its cases show given up front; subclasses give the check. */
  abstract class Named<C> implements FuzzProperty<C> {
    private final String name;
    private final Function<Random, C> generator;
    private final Function<C, String> shower;

    protected Named(String name, Function<Random, C> generator, Function<C, String> shower) {
      this.name = name;
      this.generator = generator;
      this.shower = shower;
    }

    @Override
    public final String name() {
      return name;
    }

    @Override
    public final C generate(Random random) {
      return generator.apply(random);
    }

    @Override
    public final String show(C c) {
      return shower.apply(c);
    }
  }
}
