package io.courserec.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * Every field name of a course document and the analysers that produce its terms, in one place.
 *
 * <table>
 *   <caption>Course document schema</caption>
 *   <tr><th>field</th><th>kind</th><th>purpose</th></tr>
 *   <tr><td>{@value #ID}</td><td>StringField, stored</td><td>course id; exclusions and look-ups</td></tr>
 *   <tr><td>{@value #ORDINAL}</td><td>NumericDocValues + IntPoint + stored</td><td>{@code Dataset.courseOrdinal}, shared with CF/MF</td></tr>
 *   <tr><td>{@value #TITLE}, {@value #DESCRIPTION}, {@value #SKILLS}, {@value #SUBJECT_TEXT}</td>
 *       <td>English text, term vectors with positions</td><td>BM25 search, content vectors, MoreLikeThis</td></tr>
 *   <tr><td>{@value #SKILL_EXACT}</td><td>one whole-skill keyword term per skill, term vectors</td>
 *       <td>"the query/goal is exactly this skill"</td></tr>
 *   <tr><td>{@value #LEVEL}, {@value #LANGUAGE}, {@value #ORGANIZATION}, {@value #SUBJECT}</td>
 *       <td>lower-cased keyword (filters) + original value stored</td><td>FILTER clauses, display</td></tr>
 *   <tr><td>{@value #DURATION_HOURS}, {@value #RATING}</td><td>DoubleField (points + doc values), stored</td>
 *       <td>max-duration filter, display</td></tr>
 *   <tr><td>{@value #NUM_RATINGS}</td><td>LongField (points + doc values), stored</td><td>display</td></tr>
 *   <tr><td>{@value #DURATION_TEXT}, {@value #URL}, {@value #PREREQUISITES}</td><td>stored only</td><td>display</td></tr>
 *   <tr><td>{@value #PRIOR_POPULARITY}, {@value #PRIOR_RATING}, {@value #MF_ITEM_FACTORS},
 *       {@value #CF_ITEM_NEIGHBORS}</td><td>model signals, see {@link CourseSignals}</td><td>hybrid scoring</td></tr>
 * </table>
 *
 * <p>English analysis ({@link #englishAnalyzer()}): programming-language names that the standard tokenizer would
 * destroy are first mapped to words ({@code C++} to {@code cplusplus}, {@code C#} to {@code csharp}, {@code F#},
 * {@code .NET}); then standard tokenisation, possessive removal, lower-casing, ASCII folding, English stop words
 * and the Porter stemmer (which leaves the mapped names alone). The same analyser runs at index and query time, so "C++" never matches plain "C".
 * Skills are indexed twice: as words in {@link #SKILLS} (so "machine" finds "Machine Learning") and as one
 * normalised term per skill in {@link #SKILL_EXACT} (lower case, folded, single spaces: {@code "machine learning"}).
 */
public final class CourseFields {
  public static final String ID = "id";
  public static final String ORDINAL = "ordinal";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String SKILLS = "skills";
  public static final String SKILL_EXACT = "skill_exact";
  /** Analysed subject words (content); {@link #SUBJECT} is the keyword used by filters. */
  public static final String SUBJECT_TEXT = "subject_text";
  public static final String SUBJECT = "subject";
  public static final String LEVEL = "level";
  public static final String LANGUAGE = "language";
  public static final String ORGANIZATION = "organization";
  public static final String DURATION_HOURS = "duration_hours";
  public static final String DURATION_TEXT = "duration_text";
  public static final String RATING = "rating";
  public static final String NUM_RATINGS = "num_ratings";
  public static final String URL = "url";
  public static final String PREREQUISITES = "prerequisites";

  /** Popularity prior written by retraining; float doc value (see {@link CourseSignals}). */
  public static final String PRIOR_POPULARITY = "prior_popularity";
  /** Rating prior written by retraining; float doc value. */
  public static final String PRIOR_RATING = "prior_rating";
  /** MF item factors, KnnFloatVectorField with MAXIMUM_INNER_PRODUCT. */
  public static final String MF_ITEM_FACTORS = "mf_item_factors";
  /** Item-kNN neighbour list, BinaryDocValues in {@link NeighborListCodec} format. */
  public static final String CF_ITEM_NEIGHBORS = "cf_item_neighbors";

  /** The analysed text fields that carry term vectors: the content model's vector space. */
  public static final List<String> CONTENT_FIELDS = List.of(TITLE, DESCRIPTION, SKILLS, SKILL_EXACT, SUBJECT_TEXT);

  /** Gap between the values of a multi-valued text field, so phrases never span two skills. */
  static final int POSITION_GAP = 100;

  /** Analysed text with term vectors (positions, no offsets), stored for display. */
  public static final FieldType TEXT_WITH_VECTORS = textWithVectors(true);
  /** Analysed text with term vectors, not stored (the stored copy is kept once elsewhere). */
  public static final FieldType TEXT_WITH_VECTORS_UNSTORED = textWithVectors(false);

  private static final Analyzer ENGLISH = new EnglishTextAnalyzer();
  private static final Analyzer SKILL_KEYWORD = new SkillKeywordAnalyzer();
  private static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(ENGLISH, Map.of(SKILL_EXACT, SKILL_KEYWORD));

  private CourseFields() {}

  private static FieldType textWithVectors(boolean stored) {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setStored(stored);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.setStoreTermVectors(true);
    t.setStoreTermVectorPositions(true);
    t.freeze();
    return t;
  }

  /** The analyser for every field of the index (index and query time). Thread-safe, never close it. */
  public static Analyzer analyzer() { return PER_FIELD; }

  /** English analysis of title, description, skill words and subject words. */
  public static Analyzer englishAnalyzer() { return ENGLISH; }

  /** Whole-skill analysis for {@link #SKILL_EXACT}: one lower-cased, folded, space-normalised term. */
  public static Analyzer skillKeywordAnalyzer() { return SKILL_KEYWORD; }

  /**
   * The terms the index holds for {@code text} in {@code field}, in order, duplicates kept (empty for null or
   * blank text, or text of stop words only). Used to build queries from user text without a query parser.
   */
  public static List<String> analyze(String field, String text) {
    if (text == null || text.isBlank()) return List.of();
    List<String> out = new ArrayList<>();
    try (TokenStream ts = PER_FIELD.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() > 0) out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return out;
  }

  /** The {@link #SKILL_EXACT} term of a skill or goal text, or empty when the text is blank. */
  public static String skillTerm(String skill) {
    List<String> t = analyze(SKILL_EXACT, skill);
    return t.isEmpty() ? "" : t.get(0);
  }

  /** Lower-cases a keyword filter value the same way the indexer does ({@link #LEVEL}, {@link #LANGUAGE} ...). */
  public static String keyword(String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
  }

  private static NormalizeCharMap programmingNames() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    for (String c : List.of("c", "C")) {
      b.add(c + "++", " cplusplus ");
      b.add(c + "#", " csharp ");
    }
    b.add("f#", " fsharp ");
    b.add("F#", " fsharp ");
    b.add(".NET", " dotnet ");
    b.add(".net", " dotnet ");
    b.add(".Net", " dotnet ");
    return b.build();
  }

  /** Standard tokens, English stop words and Porter stemming, with programming names preserved. */
  private static final class EnglishTextAnalyzer extends Analyzer {
    private static final NormalizeCharMap NAMES = programmingNames();
    private static final CharArraySet PROTECTED =
        CharArraySet.unmodifiableSet(new CharArraySet(List.of("cplusplus", "csharp", "fsharp", "dotnet"), false));

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new MappingCharFilter(NAMES, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return new MappingCharFilter(NAMES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream t = new EnglishPossessiveFilter(source);
      t = new LowerCaseFilter(t);
      t = new ASCIIFoldingFilter(t);
      t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      t = new SetKeywordMarkerFilter(t, PROTECTED); // the stemmer would turn cplusplus into cplusplu
      t = new PorterStemFilter(t);
      return new TokenStreamComponents(source, t);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) { return POSITION_GAP; }
  }

  /** The whole value as one term: lower case, ASCII folding, runs of white space collapsed, trimmed. */
  private static final class SkillKeywordAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new PatternReplaceCharFilter(java.util.regex.Pattern.compile("\\s+"), " ", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new KeywordTokenizer();
      TokenStream t = new LowerCaseFilter(source);
      t = new ASCIIFoldingFilter(t);
      t = new TrimFilter(t);
      return new TokenStreamComponents(source, t);
    }
  }
}
