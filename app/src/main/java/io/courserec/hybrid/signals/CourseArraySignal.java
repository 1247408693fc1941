package io.courserec.hybrid.signals;

import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.search.Explanation;

/**
 * A signal whose per-learner values were computed for this request into a small array indexed by course ordinal
 * (already normalised to [0,1]), read for each document through its ordinal doc value. Used for the profile
 * content score (exact weighted cosine over the best profile matches, see {@code CbrRecommender#contentScores}),
 * the user-kNN score (with how many similar learners took each course, for the explanation) and the neighbour-list
 * signals (recent item-CF, sequence, EASE). Courses outside the array, or with ordinal -1, score 0.
 */
public final class CourseArraySignal extends OrdinalSignal {
  private final String signal;
  private final float[] values;
  private final String meaning;
  private final int[] counts;
  private final String countMeaning;

  private CourseArraySignal(String signal, float[] values, String meaning, int[] counts, String countMeaning) {
    this.signal = signal;
    this.values = values;
    this.meaning = meaning;
    this.counts = counts;
    this.countMeaning = countMeaning;
  }

  /** @param signal the signal's code, as explanations name it; @param values normalised value per course ordinal (not copied; must not change afterwards) */
  public static CourseArraySignal of(String signal, float[] values, String meaning) {
    return new CourseArraySignal(Objects.requireNonNull(signal), Objects.requireNonNull(values), meaning, null, null);
  }

  /**
   * As {@link #of}, with a count per course ordinal that the explanation reports, e.g. user-kNN's "3 similar
   * learners took this course".
   *
   * @param counts per course ordinal (not copied), or null for none
   */
  public static CourseArraySignal withCounts(String signal, float[] values, String meaning, int[] counts, String countMeaning) {
    return new CourseArraySignal(Objects.requireNonNull(signal), Objects.requireNonNull(values), meaning, counts,
        countMeaning);
  }

  @Override
  public double valueAt(int ordinal) {
    return ordinal >= 0 && ordinal < values.length ? Math.max(0, Math.min(1, values[ordinal])) : 0;
  }

  @Override
  protected Explanation explainOrdinal(int ord) {
    if (counts == null) return Explanation.match(valueAt(ord), signal + ": " + meaning + " (course ordinal " + ord + ")");
    int n = ord >= 0 && ord < counts.length ? counts[ord] : 0;
    return Explanation.match(valueAt(ord), signal + ": " + n + " " + countMeaning + " (" + meaning + ")");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CourseArraySignal c && c.signal.equals(signal) && Arrays.equals(c.values, values)
        && Arrays.equals(c.counts, counts);
  }

  @Override
  public int hashCode() { return signal.hashCode() * 31 + Arrays.hashCode(values); }

  @Override
  public String toString() { return signal + "(array " + values.length + ")"; }
}
