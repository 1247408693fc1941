package io.courserec.cbr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.courserec.catalog.Level;
import io.courserec.index.CourseFields;
import io.courserec.index.IndexHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * One index generation seen as a case base: every course document is a case whose parts
 * ({@link ContentField}) are TF-IDF vectors built from the index's term vectors.
 *
 * <pre>
 *   w(t, d, f) = (1 + ln tf(t, d.f)) x idf(t, f)          tf from the term vector of field f of document d
 *   idf(t, f)  = 1 + ln((N + 1) / (df(t, f) + 1))         N = documents, df = documents whose field f has t
 *   v(d, f)    = w(., d, f) / |w(., d, f)|                unit length; skills joins skill words and whole skills
 * </pre>
 *
 * Terms that no course has ({@code df = 0}) get weight 0: they cannot match, and would only shrink a profile's
 * other weights. Free text (goals, interests) is analysed with the index analysers and weighted the same way
 * with its own term counts. Case vectors are cached (by doc id, bounded above
 * {@value #CASE_CACHE} documents), as are free-text vectors and term statistics; the class is thread-safe and must only be used
 * while a handle on its generation is held.
 */
public final class CaseBase {
  private static final int CASE_CACHE = 200_000;
  private static final int TERM_CACHE = 200_000;
  private static final int TEXT_CACHE = 20_000;

  private final DirectoryReader reader;
  private final long generation;
  private final int numDocs;
  private final String[] idByDoc;
  private final String[] titleByDoc;
  private final int[] ordinalByDoc;
  private final Level[] levelByDoc;
  private final Map<String, Integer> docById;
  private final ConcurrentHashMap<Term, Double> idf = new ConcurrentHashMap<>();
  /** Case vectors by doc id when the generation holds at most {@value #CASE_CACHE} documents (no eviction needed). */
  private final AtomicReferenceArray<EnumMap<ContentField, TermVector>> caseArray;
  /** Case vectors of larger generations, bounded. */
  private final Cache<Integer, EnumMap<ContentField, TermVector>> cases;
  /** Vectors of free text (goals, interests), which repeat across learners. */
  private final Cache<String, EnumMap<ContentField, TermVector>> texts =
      Caffeine.newBuilder().maximumSize(TEXT_CACHE).build();
  private final Cache<Term, TermStates> termStates = Caffeine.newBuilder().maximumSize(TERM_CACHE).build();
  private final IndexSearcher statsSearcher;
  private volatile CasePostings postings;
  /** Term ids per part, assigned on first sight (ids are only compared within one part of one generation). */
  private final EnumMap<ContentField, ConcurrentHashMap<String, Integer>> termIds = new EnumMap<>(ContentField.class);
  private final EnumMap<ContentField, java.util.concurrent.atomic.AtomicInteger> nextTermId = new EnumMap<>(ContentField.class);

  private CaseBase(IndexHandle h) throws IOException {
    this(h.reader(), h.generation());
  }

  private CaseBase(DirectoryReader reader, long generation) throws IOException {
    this.reader = reader;
    this.generation = generation;
    this.numDocs = reader.numDocs();
    this.statsSearcher = new IndexSearcher(reader);
    for (ContentField f : ContentField.values()) {
      termIds.put(f, new ConcurrentHashMap<>());
      nextTermId.put(f, new java.util.concurrent.atomic.AtomicInteger());
    }
    int max = reader.maxDoc();
    this.caseArray = max <= CASE_CACHE ? new AtomicReferenceArray<>(max) : null;
    this.cases = max <= CASE_CACHE ? null : Caffeine.newBuilder().maximumSize(CASE_CACHE).build();
    this.idByDoc = new String[max];
    this.titleByDoc = new String[max];
    this.ordinalByDoc = new int[max];
    this.levelByDoc = new Level[max];
    Arrays.fill(ordinalByDoc, -1);
    Arrays.fill(levelByDoc, Level.UNKNOWN);
    this.docById = new HashMap<>(max * 2);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      NumericDocValues ord = r.getNumericDocValues(CourseFields.ORDINAL);
      if (ord != null) {
        for (int d = ord.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ord.nextDoc()) {
          ordinalByDoc[leaf.docBase + d] = (int) ord.longValue();
        }
      }
      forEachPosting(leaf, CourseFields.ID, (term, doc) -> {
        idByDoc[doc] = term;
        docById.put(term, doc);
      });
      forEachPosting(leaf, CourseFields.LEVEL, (term, doc) ->
          levelByDoc[doc] = Level.fromCode(term).orElse(Level.UNKNOWN));
    }
  }

  /** The case base of the generation a handle pins. */
  public static CaseBase of(IndexHandle h) throws IOException {
    return new CaseBase(h);
  }

  /** The case base of a reader opened outside a {@link io.courserec.index.CatalogIndex} (tests: multi-segment indexes). */
  static CaseBase of(DirectoryReader reader) throws IOException {
    return new CaseBase(reader, 0);
  }

  /** Whether this case base was built from the generation {@code h} pins (same reader). */
  public boolean isFor(IndexHandle h) { return h.reader() == reader; }

  public long generation() { return generation; }
  public DirectoryReader reader() { return reader; }
  public int numDocs() { return numDocs; }
  public int maxDoc() { return idByDoc.length; }

  /** Doc id of a course, -1 when the generation has no such course. */
  public int docId(String courseId) {
    Integer d = docById.get(courseId);
    return d == null ? -1 : d;
  }

  public String courseId(int doc) { return idByDoc[doc]; }
  public int ordinal(int doc) { return ordinalByDoc[doc]; }
  public Level level(int doc) { return levelByDoc[doc]; }

  /**
   * Title of a course, read from the stored fields once and then kept (profiles name every history course, so
   * reading and decompressing a stored document per history course per request was 5 % of a request's CPU at
   * 10,000 courses). A benign race: two threads may both read a title; both write the same string.
   */
  public String title(int doc) {
    String cached = titleByDoc[doc];
    if (cached != null) return cached;
    try {
      String t = reader.storedFields().document(doc, java.util.Set.of(CourseFields.TITLE)).get(CourseFields.TITLE);
      String title = t == null ? idByDoc[doc] : t;
      titleByDoc[doc] = title;
      return title;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** idf(t, f) as in the class comment; 0 for a term no course has. */
  public double idf(Term t) {
    return idf.computeIfAbsent(t, term -> {
      try {
        int df = reader.docFreq(term);
        return df == 0 ? 0.0 : 1.0 + Math.log((numDocs + 1.0) / (df + 1.0));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * A term query over this generation whose term statistics (per-segment term states, document frequency) are
   * looked up once per generation and then shared: a {@link TermStates} built with statistics is fully loaded and
   * only read afterwards, so concurrent queries may share it. The query scores exactly as {@code new TermQuery(t)}.
   */
  public TermQuery termQuery(Term t) throws IOException {
    TermStates s = termStates.getIfPresent(t);
    if (s == null) {
      s = TermStates.build(statsSearcher, t, true);
      termStates.put(t, s);
    }
    return new TermQuery(t, s);
  }

  /**
   * Decodes and caches the case vectors (and titles) of every live document when they all fit the cache (at most
   * {@value #CASE_CACHE} documents); returns how many were decoded (0 for larger generations, which decode on use).
   * Reads the postings (term by term, with frequencies) instead of each document's term vectors: the same terms,
   * the same tf and idf, so the same vectors as {@link #course} decodes one by one (tested), at a fraction of the
   * cost (decoding a document's term vectors decompresses its whole chunk).
   */
  int decodeAll() {
    if (caseArray == null) return 0;
    int max = maxDoc();
    List<EnumMap<ContentField, Map<String, Double>>> raw = new java.util.ArrayList<>(max);
    for (int d = 0; d < max; d++) raw.add(null);
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        for (ContentField f : ContentField.values()) {
          addPostings(leaf, live, f, f.indexField(), "", raw);
          if (f == ContentField.SKILLS) addPostings(leaf, live, f, CourseFields.SKILL_EXACT, ContentField.EXACT_PREFIX, raw);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the postings of generation " + generation, e);
    }
    org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
    int n = 0;
    for (int d = 0; d < max; d++) {
      if (live != null && !live.get(d)) continue;
      EnumMap<ContentField, Map<String, Double>> byField = raw.get(d);
      EnumMap<ContentField, TermVector> out = new EnumMap<>(ContentField.class);
      for (ContentField f : ContentField.values()) {
        Map<String, Double> r = byField == null ? null : byField.get(f);
        out.put(f, identified(f, r == null ? TermVector.EMPTY : TermVector.unit(r)));
      }
      caseArray.compareAndSet(d, null, out);
      title(d); // profiles name their history courses: read the stored titles now too, in doc order
      n++;
    }
    return n;
  }

  private void addPostings(LeafReaderContext leaf, org.apache.lucene.util.Bits live, ContentField f, String field,
                           String prefix, List<EnumMap<ContentField, Map<String, Double>>> raw) throws IOException {
    forEachPosting(leaf, field, live, term -> {
      double idfT = idf(new Term(field, term));
      String key = prefix + term;
      return (doc, freq) -> {
        EnumMap<ContentField, Map<String, Double>> byField = raw.get(doc);
        if (byField == null) {
          byField = new EnumMap<>(ContentField.class);
          raw.set(doc, byField);
        }
        byField.computeIfAbsent(f, k -> new HashMap<>()).put(key, (1.0 + Math.log(freq)) * idfT);
      };
    });
  }

  /** Case vectors decoded one document at a time from the term vectors, bypassing the cache (tests). */
  EnumMap<ContentField, TermVector> decodeFromTermVectors(int doc) {
    return readCase(doc);
  }

  /** The generation's case postings for {@code cbr.retrieval=cosine}, built on first use (reads every live case). */
  CasePostings postings() {
    CasePostings p = postings;
    if (p != null) return p;
    synchronized (this) {
      if (postings == null) postings = CasePostings.of(this);
      return postings;
    }
  }

  /** The unit TF-IDF vectors of a course document, by part (empty vectors for parts the course lacks). */
  public EnumMap<ContentField, TermVector> course(int doc) {
    if (caseArray == null) return cases.get(doc, this::readCase);
    EnumMap<ContentField, TermVector> c = caseArray.get(doc);
    if (c == null) { // a benign race: two threads may both decode a case; both store equal vectors
      c = readCase(doc);
      caseArray.set(doc, c);
    }
    return c;
  }

  /**
   * Unit TF-IDF vectors of free text, as if it were a course with this text in every part; computed once per text
   * and generation (goals and interests are mostly drawn from the catalog's skills, so they repeat across learners).
   * Callers must not modify the returned map.
   */
  public EnumMap<ContentField, TermVector> text(String text) {
    return texts.get(text, this::analyseText);
  }

  private EnumMap<ContentField, TermVector> analyseText(String text) {
    EnumMap<ContentField, TermVector> out = new EnumMap<>(ContentField.class);
    for (ContentField f : ContentField.values()) {
      Map<String, Integer> tf = new HashMap<>();
      for (String t : CourseFields.analyze(f.indexField(), text)) tf.merge(t, 1, Integer::sum);
      if (f == ContentField.SKILLS) {
        String phrase = CourseFields.skillTerm(text);
        if (!phrase.isEmpty()) tf.merge(ContentField.EXACT_PREFIX + phrase, 1, Integer::sum);
      }
      Map<String, Double> raw = new HashMap<>();
      tf.forEach((k, n) -> raw.put(k, (1.0 + Math.log(n)) * idf(f.term(k))));
      out.put(f, identified(f, TermVector.unit(raw)));
    }
    return out;
  }

  /** The vector with this generation's term ids of part f. */
  private TermVector identified(ContentField f, TermVector v) {
    ConcurrentHashMap<String, Integer> ids = termIds.get(f);
    java.util.concurrent.atomic.AtomicInteger next = nextTermId.get(f);
    int[] out = new int[v.size()];
    for (int i = 0; i < out.length; i++) {
      Integer id = ids.get(v.key(i));
      out[i] = id != null ? id : ids.computeIfAbsent(v.key(i), k -> next.getAndIncrement());
    }
    return v.withIds(out, ids);
  }

  private EnumMap<ContentField, TermVector> readCase(int doc) {
    try {
      TermVectors tv = reader.termVectors();
      EnumMap<ContentField, TermVector> out = new EnumMap<>(ContentField.class);
      for (ContentField f : ContentField.values()) {
        Map<String, Double> raw = new HashMap<>();
        addTerms(tv.get(doc, f.indexField()), f.indexField(), "", raw);
        if (f == ContentField.SKILLS) addTerms(tv.get(doc, CourseFields.SKILL_EXACT), CourseFields.SKILL_EXACT, ContentField.EXACT_PREFIX, raw);
        out.put(f, identified(f, TermVector.unit(raw)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("reading term vectors of doc " + doc, e);
    }
  }

  private void addTerms(Terms terms, String field, String prefix, Map<String, Double> raw) throws IOException {
    if (terms == null) return;
    TermsEnum te = terms.iterator();
    for (BytesRef b = te.next(); b != null; b = te.next()) {
      String term = b.utf8ToString();
      long tf = te.totalTermFreq();
      raw.put(prefix + term, (1.0 + Math.log(tf)) * idf(new Term(field, term)));
    }
  }

  private interface PostingVisitor {
    void visit(String term, int globalDoc);
  }

  /** What to do with one term's postings: given the term, a visitor of (global doc, frequency). */
  private interface TermPostings {
    DocFreq of(String term);
  }

  private interface DocFreq {
    void visit(int globalDoc, int freq);
  }

  private static void forEachPosting(LeafReaderContext leaf, String field, PostingVisitor v) throws IOException {
    forEachPosting(leaf, field, null, term -> (doc, freq) -> v.visit(term, doc));
  }

  /**
   * Every posting of {@code field} in one segment, term by term (the visitor is asked once per term, so per-term work
   * such as the idf is done once), skipping documents {@code live} marks deleted (null: none skipped).
   */
  private static void forEachPosting(LeafReaderContext leaf, String field, org.apache.lucene.util.Bits live,
                                     TermPostings visitor) throws IOException {
    Terms terms = leaf.reader().terms(field);
    if (terms == null) return;
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    for (BytesRef b = te.next(); b != null; b = te.next()) {
      DocFreq v = visitor.of(b.utf8ToString());
      pe = te.postings(pe, PostingsEnum.FREQS);
      for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
        if (live == null || live.get(d)) v.visit(leaf.docBase + d, pe.freq());
      }
    }
  }

  /** Doc ids of the given course ids that this generation holds (unknown ids are skipped). */
  public int[] docIds(List<String> courseIds) {
    return courseIds.stream().mapToInt(this::docId).filter(d -> d >= 0).toArray();
  }
}
