package io.courserec.hybrid;

import io.courserec.hybrid.signals.BlendedSource;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.IndexSearcher;

/**
 * The one scoring query of courserec: candidates come from {@code candidates} (filters as FILTER clauses and the
 * excluded courses as MUST_NOT clauses, built by {@link CandidateQueries}), and every candidate is scored by the
 * {@link BlendedSource} of the signals. Immutable, with value equality; rewrites to a
 * {@link FunctionScoreQuery}, whose {@code explain()} delegates to the blend so every score decomposes into its
 * signals.
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
    return new FunctionScoreQuery(candidates, blend);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    candidates.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
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
