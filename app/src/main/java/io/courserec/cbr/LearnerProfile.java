package io.courserec.cbr;

import io.courserec.catalog.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learner's content profile: per part f, the weighted sum of its sources' unit vectors
 * {@code P_f = sum_s weight_s x u(s, f)}, plus the course levels that suit the learner. Sources are kept so every
 * score splits exactly into per-source contributions ({@link ContentScorer#explain}). Immutable.
 */
public final class LearnerProfile {
  private final List<ProfileSource> sources;
  private final EnumMap<ContentField, Map<String, Double>> sums = new EnumMap<>(ContentField.class);
  private final EnumMap<ContentField, Double> norms = new EnumMap<>(ContentField.class);
  /** P_f by term id when every source vector of part f carries ids (sources from one case base), else absent. */
  private final EnumMap<ContentField, TermWeights> byId = new EnumMap<>(ContentField.class);
  private final Set<Level> targetLevels;

  private LearnerProfile(List<ProfileSource> sources, Set<Level> targetLevels) {
    this.sources = List.copyOf(sources);
    this.targetLevels = targetLevels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(targetLevels));
    for (ContentField f : ContentField.values()) {
      Map<String, Double> p = new HashMap<>();
      Object space = null;
      boolean ids = true;
      for (ProfileSource s : sources) {
        TermVector v = s.vector(f);
        if (space == null) space = v.idSpace();
        ids &= v.hasIds(space);
        for (int i = 0; i < v.size(); i++) p.merge(v.key(i), s.weight() * v.weight(i), Double::sum);
      }
      if (ids && space != null) { // the same sums in the same order, so both forms hold bit-identical weights
        TermWeights t = new TermWeights(p.size(), space);
        for (ProfileSource s : sources) {
          TermVector v = s.vector(f);
          for (int i = 0; i < v.size(); i++) t.add(v.id(i), s.weight() * v.weight(i));
        }
        byId.put(f, t);
      }
      double n = 0;
      for (double w : p.values()) n += w * w;
      sums.put(f, Collections.unmodifiableMap(p));
      norms.put(f, Math.sqrt(n));
    }
  }

  /** Builds a profile from its sources and the levels that suit the learner (empty: no level preference). */
  public static LearnerProfile of(List<ProfileSource> sources, Set<Level> targetLevels) {
    return new LearnerProfile(sources, targetLevels);
  }

  public List<ProfileSource> sources() { return sources; }
  public Set<Level> targetLevels() { return targetLevels; }

  /** True when no source has positive weight: nothing to recommend from. */
  public boolean isEmpty() {
    return sources.stream().noneMatch(s -> s.weight() > 0);
  }

  /** P_f as a read-only map. */
  public Map<String, Double> vector(ContentField f) { return sums.get(f); }

  /** |P_f|. */
  public double norm(ContentField f) { return norms.get(f); }

  /** cos(P_f, v) for a unit course vector v; 0 when either side is empty. */
  public double cosine(ContentField f, TermVector course) {
    double n = norms.get(f);
    if (n == 0 || course.isEmpty()) return 0.0;
    TermWeights t = byId.get(f);
    return (t != null && t.sharesIds(course) ? t.dot(course) : course.dot(sums.get(f))) / n;
  }

  /** Source s's share of {@link #cosine}: {@code weight_s x (u(s,f) . v) / |P_f|}; these sum to the cosine. */
  public double cosineShare(ProfileSource s, ContentField f, TermVector course) {
    double n = norms.get(f);
    return n == 0 ? 0.0 : s.weight() * s.vector(f).dot(course) / n;
  }

  /** Whether a course level suits the learner: in the target levels, or mixed (for all levels). */
  public boolean levelMatches(Level courseLevel) {
    if (targetLevels.isEmpty()) return false;
    return courseLevel == Level.MIXED || targetLevels.contains(courseLevel);
  }

  /** Best first: larger weight, then part order, then key. */
  private static final Comparator<WeightedTerm> TERM_ORDER = Comparator.comparingDouble(WeightedTerm::weight).reversed()
      .thenComparing(WeightedTerm::field).thenComparing(WeightedTerm::key);

  /** A profile term and its retrieval weight {@code W_f x P_f[key] / |P_f|} (its largest possible score share). */
  public record WeightedTerm(ContentField field, String key, double weight) {}

  /** The {@code n} positive terms with the largest retrieval weight, best first (ties: part order, then key). */
  public List<WeightedTerm> topTerms(int n, Map<ContentField, Double> fieldWeights) {
    // the order is total (a key occurs once per part), so keeping the best n in a bounded heap and sorting them
    // gives exactly the first n of the fully sorted list, without sorting every profile term
    java.util.PriorityQueue<WeightedTerm> best = new java.util.PriorityQueue<>(Math.max(1, n) + 1, TERM_ORDER.reversed());
    for (ContentField f : ContentField.values()) {
      double w = fieldWeights.getOrDefault(f, 0.0);
      double norm = norms.get(f);
      if (w <= 0 || norm == 0 || n <= 0) continue;
      for (Map.Entry<String, Double> e : sums.get(f).entrySet()) {
        if (!(e.getValue() > 0)) continue;
        WeightedTerm t = new WeightedTerm(f, e.getKey(), w * e.getValue() / norm);
        if (best.size() < n) {
          best.add(t);
        } else if (TERM_ORDER.compare(t, best.peek()) < 0) {
          best.poll();
          best.add(t);
        }
      }
    }
    List<WeightedTerm> all = new ArrayList<>(best);
    all.sort(TERM_ORDER);
    return all;
  }
}
