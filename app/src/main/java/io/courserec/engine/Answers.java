package io.courserec.engine;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.HybridExplanation;
import io.courserec.hybrid.HybridItem;
import io.courserec.hybrid.Signal;
import io.courserec.rec.Recommendation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the recommenders' answers into the engine's records: course title, level and subject from the model's
 * catalog, 1-based ranks over the full list (offset included), per-signal shares, and explanations with one
 * readable summary sentence. A confidence the algorithm did not estimate (single algorithms: NaN) is reported as 0,
 * so every JSON number stays a number.
 */
final class Answers {
  private Answers() {}

  /**
   * Hybrid answers; {@code signalConfidences} false leaves them out (search answers: their per-signal values are
   * raw evidence strengths, not calibrated probabilities).
   */
  static List<RankedCourse> ofHybrid(Dataset data, List<HybridItem> items, int offset, boolean signalConfidences) {
    List<RankedCourse> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      HybridItem it = items.get(i);
      Course c = data.course(it.ordinal());
      Map<String, Double> confidences = new LinkedHashMap<>();
      if (signalConfidences) {
        it.confidences().forEach((sig, p) -> {
          if (Double.isFinite(p)) confidences.put(sig.code(), p);
        });
      }
      out.add(new RankedCourse(offset + i + 1, c.id(), c.title(), c.level().code(), c.subject(), it.score(),
          finite(it.confidence()), it.shares(), confidences, it.evidence()));
    }
    return out;
  }

  /** Single-algorithm answers; {@code signals} names the one signal that produced them (or none). */
  static List<RankedCourse> ofSingle(Dataset data, List<Recommendation> recs, int offset, Map<String, Double> signals) {
    return ofSingle(data, recs, offset, signals, null);
  }

  /**
   * Single-algorithm answers whose confidence is {@code signal}'s calibrated one (when finite), shown as that
   * signal's confidence too.
   */
  static List<RankedCourse> ofSingle(Dataset data, List<Recommendation> recs, int offset, Map<String, Double> signals,
                                     Signal signal) {
    List<RankedCourse> out = new ArrayList<>(recs.size());
    for (int i = 0; i < recs.size(); i++) {
      Recommendation r = recs.get(i);
      Course c = data.course(r.courseId()).orElseThrow();
      Map<String, Double> confidences = signal != null && Double.isFinite(r.confidence())
          ? Map.of(signal.code(), r.confidence()) : Map.of();
      out.add(new RankedCourse(offset + i + 1, c.id(), c.title(), c.level().code(), c.subject(), r.score(),
          finite(r.confidence()), signals, confidences, r.evidence()));
    }
    return out;
  }

  static ExplainResult ofExplanation(HybridExplanation e) {
    HybridItem item = e.item();
    String segment = e.segment() == null ? "" : e.segment().code();
    if (item == null) {
      return new ExplainResult(e.userId(), e.courseId(), e.title(), -1, 0, 0, segment, Map.of(), List.of(),
          e.excludedBecause(), e.title() + " is not recommended to " + e.userId() + ": " + e.excludedBecause() + ".");
    }
    Map<String, ExplainResult.SignalPart> signals = new LinkedHashMap<>();
    BlendWeights w = e.weights();
    for (Signal s : Signal.values()) {
      double weight = w == null ? 0 : w.of(s);
      Double value = item.values().get(s);
      if (weight <= 0 && value == null) continue;
      signals.put(s.code(), new ExplainResult.SignalPart(orZero(value), weight, orZero(item.contributions().get(s)),
          orZero(item.confidences().get(s))));
    }
    return new ExplainResult(e.userId(), e.courseId(), e.title(), e.rank(), item.score(), finite(item.confidence()),
        segment, signals, item.evidence(), null, summary(e, item));
  }

  /** "Listening Masterclass ranks 3 of 37 for u05 (warm learner), score 0.761: prior 60%, content 24%, itemcf 15%, mf 1%." */
  static String summary(HybridExplanation e, HybridItem item) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.title()).append(" ranks ").append(e.rank()).append(" of ").append(e.eligible()).append(" for ")
        .append(e.userId());
    if (e.segment() != null) sb.append(" (").append(e.segment().code()).append(" learner)");
    sb.append(String.format(Locale.ROOT, ", score %.3f", item.score()));
    List<Map.Entry<String, Double>> shares = new ArrayList<>(item.shares().entrySet());
    shares.removeIf(x -> x.getValue() < 0.005);
    shares.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    for (int i = 0; i < shares.size(); i++) {
      sb.append(i == 0 ? ": " : ", ").append(shares.get(i).getKey())
          .append(String.format(Locale.ROOT, " %.0f%%", 100 * shares.get(i).getValue()));
    }
    return sb.append('.').toString();
  }

  private static double orZero(Double d) {
    return d == null ? 0 : finite(d);
  }

  static double finite(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? 0 : d;
  }
}
