package io.courserec.hybrid.signals;

import java.io.IOException;
import org.apache.lucene.search.DoubleValues;

/**
 * The {@link DoubleValues} every signal returns: a value for each document, always present (a missing per-course
 * value is a decided 0, never "no value"), computed by one function of the segment-relative doc id.
 */
final class PerDocValues extends DoubleValues {
  /** A signal's value for one document of the current segment. */
  @FunctionalInterface
  interface DocFunction {
    double at(int doc) throws IOException;
  }

  private final DocFunction f;
  private double value;

  private PerDocValues(DocFunction f) {
    this.f = f;
  }

  static DoubleValues of(DocFunction f) {
    return new PerDocValues(f);
  }

  @Override
  public double doubleValue() { return value; }

  @Override
  public boolean advanceExact(int doc) throws IOException {
    value = f.at(doc);
    return true;
  }
}
