package io.courserec.hybrid.signals;

import io.courserec.index.CourseFields;
import io.courserec.index.LeafSignals;
import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * Prior signal, the same for every learner: {@code (1 - r) * popularity + r * rating} where both priors are
 * written at training time already normalised to [0,1] ({@link CourseFields#PRIOR_POPULARITY}: log(1+n)/log(1+n_max)
 * over learners with positive events; {@link CourseFields#PRIOR_RATING}: Bayesian-average rating / 5) and
 * {@code r} is the rating share. A missing prior counts as 0 (popularity) or as the catalog mean (rating, 0.5
 * when unknown); explain says which.
 */
public final class PriorSignal extends DoubleValuesSource {
  private final double ratingShare;
  private final double missingRating;

  private PriorSignal(double ratingShare, double missingRating) {
    this.ratingShare = ratingShare;
    this.missingRating = missingRating;
  }

  public static PriorSignal of(double ratingShare, double missingRating) {
    if (!(ratingShare >= 0 && ratingShare <= 1)) throw new IllegalArgumentException("ratingShare in [0,1], got " + ratingShare);
    return new PriorSignal(ratingShare, missingRating);
  }

  private double combine(float pop, float rating) {
    double p = Float.isNaN(pop) ? 0 : pop;
    double r = Float.isNaN(rating) ? missingRating : rating;
    return Math.max(0, Math.min(1, (1 - ratingShare) * p + ratingShare * r));
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    LeafSignals leaf = LeafSignals.open(ctx);
    return PerDocValues.of(doc -> combine(leaf.popularityPrior(doc, Float.NaN), leaf.ratingPrior(doc, Float.NaN)));
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int doc, Explanation scoreExplanation) throws IOException {
    LeafSignals leaf = LeafSignals.open(ctx);
    float pop = leaf.popularityPrior(doc, Float.NaN);
    float rating = leaf.ratingPrior(doc, Float.NaN);
    return Explanation.match(combine(pop, rating), "prior: " + (1 - ratingShare) + " x popularity "
        + (Float.isNaN(pop) ? "missing (0)" : pop) + " + " + ratingShare + " x rating "
        + (Float.isNaN(rating) ? "missing (" + missingRating + ")" : rating));
  }

  @Override
  public boolean needsScores() { return false; }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) { return this; }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) { return true; }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriorSignal p && p.ratingShare == ratingShare && p.missingRating == missingRating;
  }

  @Override
  public int hashCode() { return Double.hashCode(ratingShare) * 31 + Double.hashCode(missingRating); }

  @Override
  public String toString() { return "prior(rating share " + ratingShare + ")"; }
}
