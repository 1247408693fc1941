package io.courserec.eval;

import io.courserec.catalog.Dataset;
import io.courserec.rec.Recommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An algorithm to evaluate: the label it carries in reports and how to make a fresh, untrained instance (one per
 * split, so no state leaks between splits).
 *
 * @param label report name, e.g. {@code itemknn} or {@code hybrid-mmr0.7}
 * @param factory creates an untrained recommender for the training data it is about to see (so a caller can fit
 *     its settings to that data first, as {@code evaluate} does with tuning)
 */
public record AlgorithmSpec(String label, Function<Dataset, Recommender> factory) {
  public AlgorithmSpec {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(factory, "factory");
  }

  /** An algorithm built the same way whatever it is trained on. */
  public AlgorithmSpec(String label, Supplier<Recommender> factory) {
    this(label, train -> factory.get());
  }

  /** One spec per registry name, created through {@code registry} (e.g. the hybrid package's recommender registry). */
  public static List<AlgorithmSpec> named(List<String> names, Function<String, Recommender> registry) {
    List<AlgorithmSpec> out = new ArrayList<>(names.size());
    for (String n : names) out.add(new AlgorithmSpec(n, () -> registry.apply(n)));
    return out;
  }
}
