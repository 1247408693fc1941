package io.courserec.hybrid;

import io.courserec.hybrid.BlendedSource;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The one scoring query of courserec: candidates come from {@code candidates} (the index retrieves them: filters
 * as FILTER clauses and the excluded courses as MUST_NOT clauses, built by {@link CandidateQueries}), and each
 * candidate is scored once by the {@link BlendedSource} of the signals. Immutable, with value equality.
 *
 * <p>It has its own {@link Weight} and {@link Scorer} (no {@code FunctionScoreQuery}): the scorer reports a finite
 * maximum score, {@code boost x} {@link BlendedSource#upperBound()} (every signal value lies in [0,1], so the blend
 * is at most the sum of the weights in use, so collectors and enclosing queries get a true bound instead of
 * {@code FunctionScoreQuery}'s infinity); {@link Weight#explain} {@link Weight#explain} runs the same per-leaf sources as {@link Scorer#score}, so an explanation is
 * the score taken apart, never a second computation. Scores are clamped at 0 (Lucene requires non-negative scores;
 * no signal produces a negative value, the clamp only guards rounding). Not cacheable: the values are one learner's.
 */
public final class HybridQuery extends Query {
  private final Query candidates;
  private final BlendedSource blend;

  private HybridQuery(Query candidates, BlendedSource blend) {
    this.candidates = Objects.requireNonNull(candidates);
    this.blend = Objects.requireNonNull(blend);
  }

  public static HybridQuery of(Query candidates, BlendedSource blend) {
    return new HybridQuery(candidates, blend);
  }

  public Query candidates() { return candidates; }
  public BlendedSource blend() { return blend; }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query c = candidates.rewrite(searcher);
    DoubleValuesSource b = blend.rewrite(searcher);
    if (c == candidates && b == blend) return this;
    return new HybridQuery(c, (BlendedSource) b);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    ScoreMode inner = blend.needsScores() && scoreMode.needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    return new HybridWeight(this, searcher.createWeight(candidates, inner, 1f), boost, scoreMode.needsScores());
  }

  private static final class HybridWeight extends Weight {
    private final Weight inner;
    private final BlendedSource blend;
    private final float boost;
    private final boolean scoring;

    HybridWeight(HybridQuery query, Weight inner, float boost, boolean scoring) {
      super(query);
      this.inner = inner;
      this.blend = query.blend;
      this.boost = boost;
      this.scoring = scoring;
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
      ScorerSupplier in = inner.scorerSupplier(ctx);
      if (in == null) return null;
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          Scorer s = in.get(leadCost);
          if (!scoring) return s;
          DoubleValues values = blend.getValues(ctx, blend.needsScores() ? DoubleValuesSource.fromScorer(s) : null);
          return new HybridScorer(s, values, boost, (float) (boost * blend.upperBound()));
        }

        @Override
        public long cost() { return in.cost(); }
      };
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
      Explanation candidate = inner.explain(ctx, doc);
      if (!candidate.isMatch()) return Explanation.noMatch("not a candidate", candidate);
      Explanation value = blend.explain(ctx, doc, candidate);
      double v = Math.max(0, value.getValue().doubleValue());
      return Explanation.match((float) (boost * v), "hybrid score, boost " + boost + " x blend", value, candidate);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return inner.isCacheable(ctx) && blend.isCacheable(ctx);
    }
  }

  /** Scores each candidate the inner scorer visits with the blend; see the class comment for the maximum score. */
  private static final class HybridScorer extends Scorer {
    private final Scorer in;
    private final DocIdSetIterator iterator;
    private final DoubleValues values;
    private final float boost;
    private final float max;

    HybridScorer(Scorer in, DoubleValues values, float boost, float max) {
      this.in = in;
      this.iterator = in.iterator();
      this.values = values;
      this.boost = boost;
      this.max = max;
    }

    @Override
    public int docID() { return iterator.docID(); }

    @Override
    public DocIdSetIterator iterator() { return iterator; }

    @Override
    public float score() throws IOException {
      double v = values.advanceExact(iterator.docID()) ? values.doubleValue() : 0;
      return (float) Math.max(0, boost * v);
    }

    @Override
    public float getMaxScore(int upTo) { return max; }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    candidates.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "hybrid(" + candidates.toString(field) + ", " + blend + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && candidates.equals(((HybridQuery) o).candidates) && blend.equals(((HybridQuery) o).blend);
  }

  @Override
  public int hashCode() {
    return classHash() * 31 + candidates.hashCode() * 17 + blend.hashCode();
  }
}
