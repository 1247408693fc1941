package io.courserec.cf;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sequence signal ({@code seq}): "learners who took X went on to Y" ({@link SequenceTrainer}). The learner's
 * positive courses (r &gt; 0, training and recent events merged) are ordered most recent first, and the r-th of
 * them (r = 0 the most recent) counts with decay^r, decay = {@code cf.seq.decay}:
 *
 * <pre>
 *   score(u,Y) = Σ_{X ∈ N(Y) ∩ H⁺(u)} decay^{r(X)} · s(X→Y)
 * </pre>
 *
 * so what the learner took last decides most (decay 0: only the last course). Courses without positive feedback
 * (views cancelled by a dismissal, low ratings) take no place in that order. Explanation: "learners who took
 * <i>SQL Basics</i>, which you completed, often went on to this", contribution decay^r·s(X→Y).
 */
public final class SequenceRecommender extends NeighborListRecommender {
  public static final String NAME = "seq";
  static final String FILE = "seq-successors.bin";

  private final double decay;

  public SequenceRecommender(Config config) {
    super(config);
    this.decay = config.number(ConfigKey.SEQ_DECAY);
  }

  @Override
  public String name() { return NAME; }

  @Override
  Fit fit(InteractionSnapshot snapshot) {
    SequenceTrainer trainer = SequenceTrainer.from(config);
    Map<String, Object> params = new TreeMap<>(trainer.params());
    params.put("decay", decay);
    return new Fit(trainer.train(snapshot.matrix(), snapshot.order()), params);
  }

  @Override
  String listFile() { return FILE; }

  @Override
  String listKind() { return "seq-successors"; }

  @Override
  public float[] historyWeights(UserHistory history) {
    float[] x = new float[history.size()];
    int[] recentFirst = history.positionsMostRecentFirst();
    int r = 0;
    for (int p : recentFirst) {
      if (history.weight(p) > 0) x[p] = (float) Math.pow(decay, r++);
    }
    return x;
  }

  @Override
  String reason(String title, String action) {
    return "learners who took " + title + ", which you " + action + ", often went on to this";
  }
}
