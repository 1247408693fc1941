package io.courserec.cbr;

import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.rec.Evidence;
import io.courserec.rec.EvidenceSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The content-based score of a course case c for a learner profile P (weights {@code cbr.weight.*}):
 *
 * <pre>
 *   score(P, c) = ( sum_f W_f x cos(P_f, v(c, f))  +  W_level x L(P, c) ) / Z,      Z = sum_f W_f + W_level
 *   cos(P_f, v) = (P_f . v) / |P_f|                 (v is unit length; 0 when P_f or v is empty)
 *   L(P, c)     = 1 when c's level is one the learner targets or c is "mixed", and the content part is > 0;
 *                 else 0 (a level that fits is a bonus for a relevant course, never a reason on its own)
 * </pre>
 *
 * f ranges over skills, title, description and subject ({@link ContentField}). The score lies in [-1, 1]
 * (negative only when dismissed courses dominate); dividing by Z keeps it comparable between configurations.
 * Because {@code P_f = sum_s weight_s x u(s, f)}, the content part splits exactly into one share per profile
 * source, which is what {@link #explain} reports. Course-to-course similarity is the same weighted cosine
 * between two cases, without the level term: {@code sim(a, b) = sum_f W_f x (v(a,f) . v(b,f)) / sum_f W_f}.
 */
public final class ContentScorer {
  private static final ContentField[] FIELDS = ContentField.values();
  private final EnumMap<ContentField, Double> weights = new EnumMap<>(ContentField.class);
  /** The same weights by field ordinal, for the per-pair loop of {@link #similarity} (MMR calls it O(n k) times). */
  private final double[] weightArray = new double[FIELDS.length];
  private final double levelWeight;
  private final double z;
  private final double fieldSum;

  public ContentScorer(Config config) {
    double s = 0;
    for (ContentField f : ContentField.values()) {
      weights.put(f, f.weight(config));
      weightArray[f.ordinal()] = f.weight(config);
      s += f.weight(config);
    }
    this.fieldSum = s;
    this.levelWeight = config.number(ConfigKey.CBR_W_LEVEL);
    this.z = s + levelWeight;
  }

  public Map<ContentField, Double> fieldWeights() { return Collections.unmodifiableMap(weights); }

  /** score(P, c) as in the class comment; 0 when every weight is 0. */
  public double score(LearnerProfile p, EnumMap<ContentField, TermVector> course, Level level) {
    if (z == 0) return 0.0;
    double s = 0;
    for (ContentField f : ContentField.values()) {
      double w = weights.get(f);
      if (w != 0) s += w * p.cosine(f, course.get(f));
    }
    if (s > 0 && p.levelMatches(level)) s += levelWeight;
    return s / z;
  }

  /** sim(a, b): weighted cosine between two cases. */
  public double similarity(EnumMap<ContentField, TermVector> a, EnumMap<ContentField, TermVector> b) {
    if (fieldSum == 0) return 0.0;
    double s = 0;
    for (ContentField f : FIELDS) {
      double w = weightArray[f.ordinal()];
      if (w != 0) s += w * a.get(f).dot(b.get(f));
    }
    return s / fieldSum;
  }

  /**
   * The reasons behind {@link #score}, largest first: one per profile source with a positive share (its
   * sentence names the part where the share is largest, e.g. "matches your goal *SQL* (skills)"), plus the level
   * match. Each contribution is in score units; all shares, negative ones included, sum to the score.
   */
  public List<Evidence> explain(LearnerProfile p, EnumMap<ContentField, TermVector> course, Level level, int max) {
    if (z == 0) return List.of();
    List<Evidence> out = new ArrayList<>();
    for (ProfileSource s : p.sources()) {
      double total = 0;
      double best = 0;
      ContentField bestField = null;
      for (ContentField f : ContentField.values()) {
        double share = weights.get(f) * p.cosineShare(s, f, course.get(f)) / z;
        total += share;
        if (share > best) {
          best = share;
          bestField = f;
        }
      }
      if (total > 0 && bestField != null) {
        String where = s.kind() == ProfileSource.Kind.HISTORY ? "" : " (" + bestField.label() + ")";
        out.add(new Evidence(EvidenceSource.CONTENT, s.describe() + where, total));
      }
    }
    if (!out.isEmpty() && p.levelMatches(level)) {
      String text = level == Level.MIXED ? "open to all levels" : "suits your level (" + level.code() + ")";
      out.add(new Evidence(EvidenceSource.CONTENT, text, levelWeight / z));
    }
    out.sort(Comparator.comparingDouble(Evidence::contribution).reversed());
    return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
  }

  /**
   * Reasons two cases are similar: the parts' shares of {@link #similarity}, largest first, naming the shared
   * whole skills when there are any ("both teach *python*, *programming*").
   */
  public List<Evidence> explainSimilarity(EnumMap<ContentField, TermVector> a, EnumMap<ContentField, TermVector> b) {
    if (fieldSum == 0) return List.of();
    List<Evidence> out = new ArrayList<>();
    for (ContentField f : ContentField.values()) {
      double share = weights.get(f) * a.get(f).dot(b.get(f)) / fieldSum;
      if (share <= 0) continue;
      String text = "similar " + f.label();
      if (f == ContentField.SKILLS) {
        List<String> shared = new ArrayList<>();
        TermVector va = a.get(f);
        TermVector vb = b.get(f);
        for (int i = 0; i < va.size(); i++) {
          String k = va.key(i);
          if (k.startsWith(ContentField.EXACT_PREFIX) && vb.get(k) > 0) shared.add("*" + k.substring(1) + "*");
        }
        if (!shared.isEmpty()) text = "both teach " + String.join(", ", shared);
      }
      out.add(new Evidence(EvidenceSource.CONTENT, text, share));
    }
    out.sort(Comparator.comparingDouble(Evidence::contribution).reversed());
    return out;
  }
}
