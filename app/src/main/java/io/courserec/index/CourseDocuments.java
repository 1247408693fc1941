package io.courserec.index;

import io.courserec.catalog.Course;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Turns a {@link Course} (plus its ordinal and optional model signals) into a Lucene document following the
 * schema in {@link CourseFields}. Absent optional values are left out of the document, never written as 0.
 */
public final class CourseDocuments {
  private CourseDocuments() {}

  /** Builds the document of the course with the given ordinal; {@code signals} may be null. */
  public static Document toDocument(Course c, int ordinal, CourseSignals signals) {
    Document d = new Document();
    d.add(new StringField(CourseFields.ID, c.id(), Field.Store.YES));
    d.add(new NumericDocValuesField(CourseFields.ORDINAL, ordinal));
    d.add(new IntPoint(CourseFields.ORDINAL, ordinal)); // candidate sets as a points query (BKD), not a doc-values scan
    d.add(new StoredField(CourseFields.ORDINAL, ordinal));

    d.add(new Field(CourseFields.TITLE, c.title(), CourseFields.TEXT_WITH_VECTORS));
    if (!c.description().isBlank()) {
      d.add(new Field(CourseFields.DESCRIPTION, c.description(), CourseFields.TEXT_WITH_VECTORS));
    }
    for (String skill : c.skills()) {
      if (skill == null || skill.isBlank()) continue;
      d.add(new Field(CourseFields.SKILLS, skill, CourseFields.TEXT_WITH_VECTORS));
      d.add(new Field(CourseFields.SKILL_EXACT, skill, CourseFields.TEXT_WITH_VECTORS_UNSTORED));
    }
    keyword(d, CourseFields.SUBJECT, c.subject());
    if (!c.subject().isBlank()) {
      d.add(new Field(CourseFields.SUBJECT_TEXT, c.subject(), CourseFields.TEXT_WITH_VECTORS_UNSTORED));
    }
    keyword(d, CourseFields.LEVEL, c.level().code());
    keyword(d, CourseFields.LANGUAGE, c.language());
    keyword(d, CourseFields.ORGANIZATION, c.organization());

    if (c.durationHours() != null) d.add(new DoubleField(CourseFields.DURATION_HOURS, c.durationHours(), Field.Store.YES));
    if (!c.durationText().isBlank()) d.add(new StoredField(CourseFields.DURATION_TEXT, c.durationText()));
    if (c.rating() != null) d.add(new DoubleField(CourseFields.RATING, c.rating(), Field.Store.YES));
    if (c.numRatings() != null) d.add(new LongField(CourseFields.NUM_RATINGS, c.numRatings(), Field.Store.YES));
    if (!c.url().isBlank()) d.add(new StoredField(CourseFields.URL, c.url()));
    for (String p : c.prerequisites()) d.add(new StoredField(CourseFields.PREREQUISITES, p));

    if (signals != null) addSignals(d, ordinal, signals);
    return d;
  }

  private static void keyword(Document d, String field, String value) {
    if (value == null || value.isBlank()) return;
    d.add(new StringField(field, CourseFields.keyword(value), Field.Store.NO));
    d.add(new StoredField(field, value));
  }

  private static void addSignals(Document d, int ordinal, CourseSignals s) {
    float pop = s.popularityPrior(ordinal);
    if (!Float.isNaN(pop)) d.add(new FloatDocValuesField(CourseFields.PRIOR_POPULARITY, pop));
    float rating = s.ratingPrior(ordinal);
    if (!Float.isNaN(rating)) d.add(new FloatDocValuesField(CourseFields.PRIOR_RATING, rating));
    float[] factors = s.itemFactors(ordinal);
    if (factors != null) {
      d.add(new KnnFloatVectorField(CourseFields.MF_ITEM_FACTORS, factors, VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT));
    }
    NeighborListCodec.Neighbors n = s.neighbors(ordinal);
    if (n != null) {
      d.add(new BinaryDocValuesField(CourseFields.CF_ITEM_NEIGHBORS, NeighborListCodec.encode(n.ordinals(), n.similarities())));
    }
  }

  /** Reads the stored display values of a document. */
  public static StoredCourse read(StoredFields stored, int doc) throws IOException {
    Document d = stored.document(doc);
    List<String> skills = new ArrayList<>();
    for (IndexableField f : d.getFields(CourseFields.SKILLS)) skills.add(f.stringValue());
    IndexableField ord = d.getField(CourseFields.ORDINAL);
    return new StoredCourse(d.get(CourseFields.ID), ord == null ? -1 : ord.numericValue().intValue(),
        d.get(CourseFields.TITLE), orEmpty(d.get(CourseFields.LEVEL)), orEmpty(d.get(CourseFields.ORGANIZATION)),
        orEmpty(d.get(CourseFields.SUBJECT)), orEmpty(d.get(CourseFields.LANGUAGE)),
        number(d, CourseFields.DURATION_HOURS), number(d, CourseFields.RATING), List.copyOf(skills));
  }

  private static String orEmpty(String s) { return s == null ? "" : s; }

  private static Double number(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null || f.numericValue() == null ? null : f.numericValue().doubleValue();
  }

  /**
   * The stored values of a course document, for display (keyword values in their original case; level is the
   * level code, {@code unknown} when the catalog did not say; absent numbers are null).
   */
  public record StoredCourse(String id, int ordinal, String title, String level, String organization,
                             String subject, String language, Double durationHours, Double rating, List<String> skills) {}
}
