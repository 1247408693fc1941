package io.courserec.eval;

import java.util.function.ToDoubleFunction;

/** The metrics of {@link MetricSummary} by name, in report column order, with their column headings. */
public enum Metric {
  PRECISION("precision", "P@K", MetricSummary::precision),
  RECALL("recall", "R@K", MetricSummary::recall),
  NDCG("ndcg", "NDCG@K", MetricSummary::ndcg),
  MAP("map", "MAP@K", MetricSummary::map),
  MRR("mrr", "MRR", MetricSummary::mrr),
  HIT_RATE("hit_rate", "Hit@K", MetricSummary::hitRate),
  COVERAGE("coverage", "Coverage", MetricSummary::coverage),
  DIVERSITY("diversity", "ILD", MetricSummary::diversity),
  NOVELTY("novelty", "Novelty (bits)", MetricSummary::novelty),
  SERENDIPITY("serendipity", "Serendipity", MetricSummary::serendipity),
  PERSONALISATION("personalisation", "Personalisation", MetricSummary::personalisation);

  private final String code;
  private final String heading;
  private final ToDoubleFunction<MetricSummary> value;

  Metric(String code, String heading, ToDoubleFunction<MetricSummary> value) {
    this.code = code;
    this.heading = heading;
    this.value = value;
  }

  /** Machine name (JSON keys, file names). */
  public String code() { return code; }

  /** Column heading with K filled in, e.g. "NDCG@10". */
  public String heading(int k) { return heading.replace("@K", "@" + k); }

  /** This metric's value in a summary. */
  public double of(MetricSummary m) { return value.applyAsDouble(m); }
}
