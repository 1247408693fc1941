package io.courserec.hybrid;

import io.courserec.catalog.Course;
import io.courserec.index.IndexHandle;
import io.courserec.rec.Evidence;
import io.courserec.rec.EvidenceSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns a hybrid score into reasons for people. Each signal's own explanation (matched skills and similar
 * history courses from content, history neighbours from item-CF, history courses from MF, similar learners,
 * popularity) is rescaled so that a signal's reasons add up to that signal's contribution to the blended score;
 * the list is sorted by contribution.
 */
final class HybridEvidence {
  private static final int PER_SIGNAL = 3;

  /** Number of the course's item-kNN neighbours found in the learner's positive history. */
  int itemCfSupport(HybridModels m, UserContext ctx, int ordinal) {
    if (ordinal < 0 || ctx.historyOrdinals().length == 0) return 0;
    int[] history = ctx.historyOrdinals();
    float[] weights = ctx.historyWeights();
    return m.itemKnn().model().countNeighbors(ordinal, j -> {
      int p = Arrays.binarySearch(history, j);
      return p >= 0 && weights[p] > 0;
    });
  }

  List<Evidence> of(HybridModels m, IndexHandle h, UserContext ctx, int doc, int ordinal,
                    Map<Signal, Double> contributions) throws IOException {
    List<Evidence> out = new ArrayList<>();
    for (Map.Entry<Signal, Double> e : contributions.entrySet()) {
      double c = e.getValue();
      if (!(c > 0)) continue;
      List<Evidence> raw = switch (e.getKey()) {
        case CONTENT -> ctx.profile() == null ? List.of() : m.cbr().explainContent(h, ctx.profile(), doc, PER_SIGNAL);
        case ITEMCF -> ctx.history() == null ? List.of() : m.itemKnn().explain(ctx.history(), ordinal);
        case MF -> ctx.history() == null ? List.of() : m.mf().explain(ctx.history(), ordinal);
        case USERCF -> {
          int users = ctx.userCfSupport() == null ? 0 : ctx.userCfSupport()[ordinal];
          yield List.of(new Evidence(EvidenceSource.USERCF, users + " of your " + ctx.neighbourCount()
              + " most similar learners took this course", 1));
        }
        case PRIOR -> List.of(prior(m, ordinal));
        case RECENT, SEQ, EASE -> ctx.history() == null ? List.of() : m.lists().get(e.getKey()).explain(ctx.history(), ordinal);
      };
      out.addAll(rescale(e.getKey(), raw, c));
    }
    out.sort(Comparator.comparingDouble(Evidence::contribution).reversed());
    return out;
  }

  private static Evidence prior(HybridModels m, int ordinal) {
    Course c = m.data().course(ordinal);
    int learners = m.pop().popularity(ordinal);
    String rating = c.rating() == null ? "" : String.format(java.util.Locale.ROOT, ", rated %.1f", c.rating());
    return new Evidence(EvidenceSource.PRIOR, "popular: " + learners + " learners took it" + rating, 1);
  }

  private static List<Evidence> rescale(Signal s, List<Evidence> raw, double contribution) {
    List<Evidence> top = raw.size() > PER_SIGNAL ? raw.subList(0, PER_SIGNAL) : raw;
    double sum = 0;
    for (Evidence e : top) sum += Math.max(0, e.contribution());
    List<Evidence> out = new ArrayList<>();
    if (top.isEmpty() || sum <= 0) {
      out.add(new Evidence(s.evidenceSource(), s.code() + " signal", contribution));
      return out;
    }
    for (Evidence e : top) {
      if (e.contribution() > 0) out.add(new Evidence(s.evidenceSource(), e.text(), contribution * e.contribution() / sum));
    }
    return out;
  }
}
