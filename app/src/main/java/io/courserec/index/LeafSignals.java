package io.courserec.index;

import java.io.IOException;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Reads a course document's ordinal and model signals ({@link CourseSignals}) inside one index segment: what a
 * per-leaf scorer ({@code DoubleValuesSource.getValues}) needs. Open one per {@link LeafReaderContext} and per
 * thread ({@link #open}); {@code doc} arguments are segment-relative doc ids.
 *
 * <p>Each signal has its own doc-values iterator, so calls for one signal are cheapest in non-decreasing doc
 * order (the order a {@code Scorer} visits documents); a call for an earlier doc re-opens that iterator, so any
 * order is correct. Missing values are reported explicitly: {@link #ordinal} returns -1, the priors return the
 * caller's {@code missing} value, {@link #itemFactors} and {@link #neighbors} return null. A segment written
 * without a signal behaves as if every document lacked it.
 */
public final class LeafSignals {
  private final LeafReader reader;
  // each iterator is opened on its first read: most callers read one signal (the ordinal, or a prior), and opening
  // all five per segment and request cost more than the reads (a LeafSignals is opened per returned course)
  private NumericDocValues ordinals;
  private NumericDocValues popularity;
  private NumericDocValues rating;
  private BinaryDocValues neighbors;
  private boolean factorsOpen;
  private FloatVectorValues factors;
  private KnnVectorValues.DocIndexIterator factorDocs;
  private int lastFactorTarget = -1;

  private LeafSignals(LeafReader reader) {
    this.reader = reader;
  }

  /** Opens the readers for one segment. */
  public static LeafSignals open(LeafReaderContext context) {
    return new LeafSignals(context.reader());
  }

  /** Course ordinal of the document, or -1 when the document has none (never the case for indexer output). */
  public int ordinal(int doc) throws IOException {
    if (ordinals == null || doc < ordinals.docID()) ordinals = DocValues.getNumeric(reader, CourseFields.ORDINAL);
    return ordinals.advanceExact(doc) ? (int) ordinals.longValue() : -1;
  }

  /** Popularity prior, or {@code missing} when the course has none. */
  public float popularityPrior(int doc, float missing) throws IOException {
    if (popularity == null || doc < popularity.docID()) popularity = DocValues.getNumeric(reader, CourseFields.PRIOR_POPULARITY);
    return popularity.advanceExact(doc) ? Float.intBitsToFloat((int) popularity.longValue()) : missing;
  }

  /** Rating prior, or {@code missing} when the course has none. */
  public float ratingPrior(int doc, float missing) throws IOException {
    if (rating == null || doc < rating.docID()) rating = DocValues.getNumeric(reader, CourseFields.PRIOR_RATING);
    return rating.advanceExact(doc) ? Float.intBitsToFloat((int) rating.longValue()) : missing;
  }

  /**
   * The course's MF item factors, or null when it has none. The array may be reused by Lucene on the next
   * call: read it, do not keep or modify it.
   */
  public float[] itemFactors(int doc) throws IOException {
    if (!factorsOpen) openFactors();
    if (factors == null) return null;
    if (doc < lastFactorTarget) openFactors();
    lastFactorTarget = doc;
    if (factorDocs.docID() < doc) factorDocs.advance(doc);
    return factorDocs.docID() == doc ? factors.vectorValue(factorDocs.index()) : null;
  }

  /** Dimension of the item factors in this segment, 0 when it has none. */
  public int factorDimension() throws IOException {
    if (!factorsOpen) openFactors();
    return factors == null ? 0 : factors.dimension();
  }

  /**
   * The course's encoded neighbour list (read it with {@link NeighborListCodec#size}, {@code ordinal},
   * {@code similarity}), or null when it has none. The bytes are valid until the next call.
   */
  public BytesRef neighbors(int doc) throws IOException {
    if (neighbors == null || doc < neighbors.docID()) neighbors = DocValues.getBinary(reader, CourseFields.CF_ITEM_NEIGHBORS);
    return neighbors.advanceExact(doc) ? neighbors.binaryValue() : null;
  }

  private void openFactors() throws IOException {
    factorsOpen = true;
    lastFactorTarget = -1;
    if (reader.getFieldInfos().fieldInfo(CourseFields.MF_ITEM_FACTORS) == null) {
      factors = null;
      factorDocs = null;
      return;
    }
    factors = reader.getFloatVectorValues(CourseFields.MF_ITEM_FACTORS);
    factorDocs = factors == null ? null : factors.iterator();
  }
}
