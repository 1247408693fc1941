package io.courserec.cbr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CatalogFingerprint;
import io.courserec.index.CatalogIndex;
import io.courserec.index.IndexHandle;
import io.courserec.rec.Evidence;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-based / case-based recommender ({@code cbr}): a course is a case in the Lucene index, a learner is a
 * profile of weighted cases and declared goals ({@link ProfileBuilder}), and the score is the weighted cosine of
 * {@link ContentScorer}. Per request:
 *
 * <ol>
 *   <li>pin the current index generation and build the profile (data-set history + request events + declared
 *       and requested interests);
 *   <li>retrieve candidates ({@link CaseRetriever}) with the profile's top {@code cbr.profile_terms} terms, by
 *       their share of the exact score ({@code cbr.retrieval=cosine}) or a BM25 query ({@code bm25}), filters and
 *       exclusions applied, top {@code cbr.candidates};
 *   <li>re-score every candidate exactly and rank by score, ties by course ordinal.
 * </ol>
 *
 * <p>Wiring: construct with the served {@link CatalogIndex} and the configuration (serving), or with
 * {@link #withOwnIndex} (evaluation: the index is found or built for each training catalog, see
 * {@link IndexBinding}). The model has no learned parameters, so {@link #train} binds the data set (learners,
 * events, the recency reference time) and its index, and {@link #save}/{@link #load} write and read a small
 * manifest; requests read whatever generation the index serves at that moment. Works for learners without history (declared interests or goals),
 * for unknown learners with request interests or events, and for new courses (they are just text). Thread-safe.
 */
public final class CbrRecommender implements Recommender {
  private static final Logger log = LoggerFactory.getLogger(CbrRecommender.class);
  /** Registry name. */
  public static final String NAME = "cbr";
  static final String MANIFEST = "cbr.json";
  private static final int MAX_EVIDENCE = 4;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final IndexBinding index;
  private final Config config;
  private final ContentScorer scorer;
  private final ProfileBuilder profiles;
  private final CaseRetriever retriever;
  private final CaseRetriever.Retrieval retrieval;
  private final AtomicReference<CaseBase> caseBase = new AtomicReference<>();
  private volatile Dataset data;
  private volatile Instant referenceTime;

  /** A recommender reading the given served index (its current generation at each request). */
  public CbrRecommender(CatalogIndex index, Config config) {
    this(IndexBinding.fixed(index, config), config);
  }

  /**
   * A recommender that finds its own index for each catalog it is trained on or loaded with: the index under
   * {@code index.dir} when it was built from that catalog, else a private temporary one. For evaluation and the
   * registry, where the data directory may be any.
   */
  public static CbrRecommender withOwnIndex(Config config) {
    return new CbrRecommender(IndexBinding.matching(config), config);
  }

  private CbrRecommender(IndexBinding index, Config config) {
    this.index = index;
    this.config = config;
    this.scorer = new ContentScorer(config);
    this.profiles = new ProfileBuilder(config);
    this.retrieval = CaseRetriever.Retrieval.of(config.string(ConfigKey.CBR_RETRIEVAL));
    this.retriever = new CaseRetriever(scorer, config.integer(ConfigKey.CBR_PROFILE_TERMS), config.integer(ConfigKey.CBR_CANDIDATES), retrieval);
  }

  @Override
  public String name() { return NAME; }

  /** Binds the data set; recency decay is measured from its latest event time. */
  @Override
  public void train(Dataset d) {
    Instant latest = null;
    for (Interaction e : d.interactions()) {
      if (e.timestamp() != null && (latest == null || e.timestamp().isAfter(latest))) latest = e.timestamp();
    }
    try {
      index.bind(d);
      bind(d, latest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the catalog for " + NAME, e);
    }
  }

  private void bind(Dataset d, Instant reference) throws IOException {
    this.referenceTime = reference;
    this.data = d;
    // the case vectors (and, for cosine retrieval, their postings) belong to the generation: decode them now
    // rather than in the first requests; a generation swapped in later is decoded by its first requests
    try (IndexHandle h = index.current().acquire()) {
      long t0 = System.nanoTime();
      CaseBase cases = caseBase(h);
      int decoded = cases.decodeAll();
      if (retrieval == CaseRetriever.Retrieval.COSINE) cases.postings();
      log.info("content cases of index generation {}: {} decoded in {} ms", h.generation(), decoded,
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  @Override
  public boolean canRecommend(RecommendRequest request) {
    Dataset d = requireData();
    Learner l = d.learner(request.userId()).orElse(null);
    if (l != null && (!l.goals().isEmpty() || !l.interests().isEmpty())) return true;
    if (request.interests().stream().anyMatch(s -> !s.isBlank())) return true;
    List<Interaction> history = history(d, request);
    return history.stream().anyMatch(e -> e.event() != EventType.DISMISS);
  }

  /**
   * Ranks courses by content score.
   *
   * @throws UnknownEntityException when the learner is not in the data set and the request has neither interests
   *     nor events; a known learner with nothing to build a profile from gets an empty list
   */
  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    Dataset d = requireData();
    Learner learner = d.learner(request.userId()).orElse(null);
    List<Interaction> history = history(d, request);
    if (learner == null && history.isEmpty() && request.interests().stream().allMatch(String::isBlank)) {
      throw new UnknownEntityException("user", request.userId());
    }
    try (IndexHandle h = index.current().acquire()) {
      CaseBase cases = caseBase(h);
      LearnerProfile profile = profiles.build(cases, learner, history, request.interests(), now(request));
      if (profile.isEmpty()) return List.of();
      Set<String> excluded = exclusions(history, request, profiles.eventWeights());
      List<CaseRetriever.Scored> ranked = retriever.rank(h, cases, profile, request.filter(), excluded, request.depth());
      List<Recommendation> out = new ArrayList<>(request.k());
      for (int i = request.offset(); i < ranked.size(); i++) {
        CaseRetriever.Scored s = ranked.get(i);
        List<Evidence> ev = request.explain()
            ? scorer.explain(profile, cases.course(s.doc()), cases.level(s.doc()), MAX_EVIDENCE) : List.of();
        out.add(new Recommendation(cases.courseId(s.doc()), s.score(), Double.NaN, ev));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code k} courses most similar to a course (MoreLikeThis retrieval, exact weighted-cosine ranking), with
   * evidence naming the shared skills; the course itself is never returned.
   *
   * @throws UnknownEntityException when the index has no such course
   */
  public List<Recommendation> similar(String courseId, int k) {
    if (k <= 0) throw new IllegalArgumentException("k must be positive, got " + k);
    try (IndexHandle h = index.current().acquire()) {
      return new SimilarCourses(scorer, config.integer(ConfigKey.CBR_PROFILE_TERMS), config.integer(ConfigKey.CBR_CANDIDATES))
          .similar(h, caseBase(h), courseId, k);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The content side of a hybrid request: the learner's profile and the exact content score of the best
   * {@code pool} courses (same retrieval and scoring as {@link #recommend}), per course
   * ordinal, divided by the best of them so the top content match scores 1. Courses outside that pool score 0.
   * Returns {@link ContentScores#EMPTY} when nothing is known to build a profile from.
   */
  public ContentScores contentScores(IndexHandle h, RecommendRequest request, Set<String> excluded, int pool)
      throws IOException {
    Dataset d = requireData();
    Learner learner = d.learner(request.userId()).orElse(null);
    List<Interaction> history = history(d, request);
    CaseBase cases = caseBase(h);
    LearnerProfile profile = profiles.build(cases, learner, history, request.interests(), now(request));
    if (profile.isEmpty()) return ContentScores.EMPTY;
    List<CaseRetriever.Scored> ranked = new CaseRetriever(scorer, config.integer(ConfigKey.CBR_PROFILE_TERMS), pool, retrieval)
        .rank(h, cases, profile, request.filter(), excluded, pool);
    float[] byOrdinal = new float[d.numCourses()];
    double max = ranked.isEmpty() ? 0 : ranked.get(0).score();
    if (max > 0) {
      for (CaseRetriever.Scored s : ranked) {
        if (s.ordinal() >= 0 && s.ordinal() < byOrdinal.length) byOrdinal[s.ordinal()] = (float) (s.score() / max);
      }
    }
    return new ContentScores(profile, max > 0 ? byOrdinal : null, max, profile.sources().size());
  }

  /** Why a course matches a profile: the features with the largest contribution (matched skills, similar courses). */
  public List<Evidence> explainContent(IndexHandle h, LearnerProfile profile, int doc, int max) throws IOException {
    CaseBase cases = caseBase(h);
    return scorer.explain(profile, cases.course(doc), cases.level(doc), max);
  }

  /** Content similarity in [0,1] of two indexed courses (weighted cosine over their term vectors), for MMR. */
  public double similarity(IndexHandle h, int docA, int docB) throws IOException {
    CaseBase cases = caseBase(h);
    return scorer.similarity(cases.course(docA), cases.course(docB));
  }

  /**
   * Result of {@link #contentScores}.
   *
   * @param profile the learner profile (null when empty)
   * @param byOrdinal normalised content score per course ordinal, or null when no course matched
   * @param max the best exact content score before normalisation
   * @param sources number of profile sources (goals, interests, history courses)
   */
  public record ContentScores(LearnerProfile profile, float[] byOrdinal, double max, int sources) {
    public static final ContentScores EMPTY = new ContentScores(null, null, 0, 0);
  }

  /** Writes {@value #MANIFEST}: algorithm, config hash, reference time and the data it was bound to. */
  @Override
  public void save(Path dir) throws IOException {
    Dataset d = requireData();
    Files.createDirectories(dir);
    CbrManifest m = new CbrManifest(NAME, CbrManifest.FORMAT, config.modelHash(), referenceTime,
        CatalogFingerprint.of(d.courses()), d.numCourses(), d.numLearners(), index.current().generation());
    JSON.writeValue(dir.resolve(MANIFEST).toFile(), m);
  }

  /** Reads the manifest, binds {@code catalog} with the saved reference time, and refreshes (or finds) the index. */
  @Override
  public void load(Path dir, Dataset catalog) throws IOException {
    Path f = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(f)) throw new IOException("no " + NAME + " model in " + dir + " (" + MANIFEST + " missing)");
    CbrManifest m = JSON.readValue(f.toFile(), CbrManifest.class);
    if (!NAME.equals(m.algorithm()) || m.format() != CbrManifest.FORMAT) {
      throw new IOException(f + " holds " + m.algorithm() + " format " + m.format() + ", expected " + NAME + " format " + CbrManifest.FORMAT);
    }
    if (!m.configHash().equals(config.modelHash())) {
      log.warn("{} was saved under another configuration (hash {} vs {})", f, m.configHash(), config.modelHash());
    }
    if (!m.dataHash().equals(CatalogFingerprint.of(catalog.courses()))) {
      log.warn("{} was saved for another catalog (data {}); serving the given one", f, m.dataHash());
    }
    index.bind(catalog);
    bind(catalog, m.referenceTime());
  }

  /** What {@link #save} writes. */
  record CbrManifest(String algorithm, int format, String configHash, Instant referenceTime, String dataHash,
                     int courses, int learners, long indexGeneration) {
    static final int FORMAT = 1;
  }

  private CaseBase caseBase(IndexHandle h) throws IOException {
    CaseBase c = caseBase.get();
    if (c != null && c.isFor(h)) return c;
    CaseBase fresh = CaseBase.of(h);
    caseBase.set(fresh);
    return fresh;
  }

  private Dataset requireData() {
    Dataset d = data;
    if (d == null) throw new IllegalStateException(NAME + " is neither trained nor loaded");
    return d;
  }

  private static List<Interaction> history(Dataset d, RecommendRequest r) {
    List<Interaction> known = d.eventsOf(r.userId());
    if (r.recentEvents().isEmpty()) return known;
    List<Interaction> all = new ArrayList<>(known.size() + r.recentEvents().size());
    all.addAll(known);
    for (Interaction e : r.recentEvents()) if (e.userId().equals(r.userId())) all.add(e);
    return all;
  }

  private Instant now(RecommendRequest r) {
    Instant t = referenceTime;
    for (Interaction e : r.recentEvents()) {
      if (e.timestamp() != null && (t == null || e.timestamp().isAfter(t))) t = e.timestamp();
    }
    return t;
  }

  private static Set<String> exclusions(List<Interaction> history, RecommendRequest r, EventWeights w) {
    Set<String> out = new HashSet<>(r.exclude());
    for (Interaction e : history) {
      if (e.event() == EventType.DISMISS || (!r.includeTaken() && w.marksTaken(e.event()))) out.add(e.courseId());
    }
    return out;
  }
}
