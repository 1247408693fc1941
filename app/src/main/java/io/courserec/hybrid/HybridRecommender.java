package io.courserec.hybrid;

import io.courserec.catalog.Dataset;
import io.courserec.cbr.CbrRecommender;
import io.courserec.cf.CourseSide;
import io.courserec.cf.EaseRecommender;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.NeighborListRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.RecentItemKnnRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.cf.SnapshotModel;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.config.Config;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.CatalogSearch;
import io.courserec.index.IndexHandle;
import io.courserec.mf.MfRecommender;
import io.courserec.progress.Counter;
import io.courserec.progress.Progress;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hybrid recommender ("hybrid"): trains popularity, item-kNN, user-kNN and MF on one interaction snapshot,
 * writes their per-course signals into a new generation of the Lucene index (under {@code indexRoot}), binds the
 * content-based recommender to that index, and answers every request with one {@link HybridQuery} scored inside
 * Lucene ({@link HybridRanker}). Confidence is calibrated on an inner validation split ({@link CalibrationFit}).
 *
 * <p>Thread-safe after training or loading; a retrain builds a new {@link HybridModels} and publishes it in one
 * step, so a request sees either the old or the new generation, never a mix (the index handle it holds keeps its
 * generation open).
 */
public final class HybridRecommender implements Recommender, Closeable {
  public static final String NAME = "hybrid";
  private static final Logger log = LoggerFactory.getLogger(HybridRecommender.class);

  private final Config config;
  private final Path indexRoot;
  private final boolean ownsIndexRoot;
  private final boolean calibrate;
  private final HybridRanker ranker;
  private volatile HybridModels models;

  /**
   * @param indexRoot where index generations are written and read; null for a private temporary directory
   *     (evaluation), deleted on {@link #close}
   */
  public HybridRecommender(Config config, Path indexRoot) {
    this(config, indexRoot, true);
  }

  /**
   * @param calibrate false skips fitting the confidence calibrator (two inner trainings); confidence then stays the
   *     raw evidence strength. For benchmarks and the inner models of tuning and calibration.
   */
  public HybridRecommender(Config config, Path indexRoot, boolean calibrate) {
    this.config = config;
    try {
      this.ownsIndexRoot = indexRoot == null;
      this.indexRoot = indexRoot == null ? Files.createTempDirectory("courserec-hybrid-") : indexRoot;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.calibrate = calibrate;
    this.ranker = new HybridRanker(config);
  }

  @Override
  public String name() { return NAME; }

  @Override
  public void train(Dataset data) {
    train(data, Progress.NONE);
  }

  /**
   * Trains every component and writes the index; {@code progress} counts the components ("training components":
   * the snapshot, seven signal models, the calibration when on, the index) so a display shows the rate and time
   * left. The units are unequal (ALS or the index may dominate), so the time left is a rough guide.
   */
  public void train(Dataset data, Progress progress) {
    train(data, progress, null);
  }

  /**
   * Trains like {@link #train(Dataset, Progress)}, but with {@code side} non-null adopts the course-side artefacts an
   * outside trainer computed (the Spark module's, {@link CourseSide}) instead of training popularity, item-kNN (and
   * its recency-weighted twin, which shares the lists), the sequence lists and the ALS item factors here; learner
   * factors then come from one exact user step on this snapshot. User-kNN, EASE, content and calibration train here
   * as always, and the index and the saved version are the same as a local training's.
   */
  public void train(Dataset data, Progress progress, CourseSide side) {
    long t0 = System.nanoTime();
    PopularityRecommender pop = new PopularityRecommender(config);
    ItemKnnRecommender itemKnn = new ItemKnnRecommender(config);
    UserKnnRecommender userKnn = new UserKnnRecommender(config);
    MfRecommender mf = new MfRecommender(config);
    RecentItemKnnRecommender recent = new RecentItemKnnRecommender(config);
    SequenceRecommender seq = new SequenceRecommender(config);
    EaseRecommender ease = new EaseRecommender(config);
    List<Consumer<InteractionSnapshot>> trainers = side == null
        ? List.of(pop::train, itemKnn::train, userKnn::train, mf::train, recent::train, seq::train, ease::train)
        : List.of(snap -> adopt(side, snap, pop, itemKnn, recent, seq, mf), userKnn::train, ease::train);
    try (Counter components = progress.count("training components", 1 + trainers.size() + (calibrate ? 1 : 0) + 1)) {
      InteractionSnapshot snapshot = InteractionSnapshot.build(data, config);
      components.advance();
      for (Consumer<InteractionSnapshot> trainer : trainers) {
        trainer.accept(snapshot);
        components.advance();
      }
      String version = "hybrid-" + config.modelHash() + "-" + Long.toString(System.currentTimeMillis(), 36);
      CalibrationFit.Fitted calibration = CalibrationFit.Fitted.none();
      if (calibrate) {
        calibration = CalibrationFit.fit(config, data);
        components.advance();
      }
      publish(data, snapshot, pop, itemKnn, userKnn, mf, HybridModels.lists(recent, seq, ease), calibration, version);
      components.advance();
    }
    log.info("hybrid trained on {} interactions in {} ms", data.interactions().size(), (System.nanoTime() - t0) / 1_000_000);
  }

  private void adopt(CourseSide side, InteractionSnapshot snap, PopularityRecommender pop, ItemKnnRecommender itemKnn,
                     RecentItemKnnRecommender recent, SequenceRecommender seq, MfRecommender mf) {
    CourseSide.Info info = side.info();
    long ms = info.timingsMs().getOrDefault("total", 0L);
    Map<String, Object> knnParams = new java.util.TreeMap<>(info.params().getOrDefault("itemknn", Map.of()));
    knnParams.put("engine", info.engine());
    pop.adopt(snap, side.popularity(), ms);
    itemKnn.adopt(snap, side.itemKnn(), knnParams, ms);
    Map<String, Object> recentParams = new java.util.TreeMap<>(knnParams);
    recentParams.putAll(recent.recencyParams());
    recent.adopt(snap, side.itemKnn(), recentParams, ms);
    Map<String, Object> seqParams = new java.util.TreeMap<>(info.params().getOrDefault("seq", Map.of()));
    seqParams.put("decay", config.number(io.courserec.config.ConfigKey.SEQ_DECAY));
    seqParams.put("engine", info.engine());
    seq.adopt(snap, side.sequence(), seqParams, ms);
    Map<String, Object> mfParams = new java.util.TreeMap<>(Map.of("method", "als", "rank", info.rank(),
        "iterations", info.iterations(), "regularization", info.lambda(), "alpha", info.alpha(),
        "regularization_scaling", info.scaling(), "seed", config.longValue(io.courserec.config.ConfigKey.SEED),
        "engine", info.engine()));
    mf.adopt(snap, info.rank(), side.itemFactors(), info.alpha(), info.lambda(),
        io.courserec.mf.RegularizationScaling.parse(info.scaling()), mfParams, ms);
  }

  private void publish(Dataset data, InteractionSnapshot snapshot, PopularityRecommender pop, ItemKnnRecommender itemKnn,
                       UserKnnRecommender userKnn, MfRecommender mf, Map<Signal, NeighborListRecommender> lists,
                       CalibrationFit.Fitted calibration, String version) {
    try {
      new CatalogIndexer(indexRoot, config).reindex(data,
          CourseSignalsFactory.build(version, data, pop, itemKnn.model(), mf.model()));
      HybridModels old = models;
      CatalogIndex index = old != null ? old.index() : CatalogIndex.open(indexRoot);
      index.refresh();
      CbrRecommender cbr = new CbrRecommender(index, config);
      cbr.train(data);
      models = new HybridModels(data, snapshot, pop, itemKnn, userKnn, mf, cbr, index,
          calibration.ensemble(), calibration.signals(), version, HybridModels.popularOrder(pop, data.numCourses()),
          HybridModels.itemFactors(mf, data.numCourses()), lists);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HybridModels models() {
    HybridModels m = models;
    if (m == null) throw new IllegalStateException(NAME + " is neither trained nor loaded");
    return m;
  }

  @Override
  public boolean canRecommend(RecommendRequest request) {
    HybridModels m = models();
    return m.snapshot().learnerOrdinal(request.userId()) >= 0 || m.data().learner(request.userId()).isPresent()
        || !request.recentEvents().isEmpty() || request.interests().stream().anyMatch(s -> !s.isBlank());
  }

  /** The full hybrid answer (segment, strategy, weights, per-signal values, confidence, evidence). */
  public HybridRanking rank(RecommendRequest request) {
    HybridModels m = models();
    try (IndexHandle h = m.index().acquire()) {
      return ranker.rank(m, h, request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The learner's signal values on their candidates (every available signal's best {@code perSignal} eligible
   * courses), for weight tuning in memory; see {@link SignalTable}.
   *
   * @throws io.courserec.rec.UnknownEntityException when the learner is unknown and brings no signal
   */
  public SignalTable signalTable(RecommendRequest request, int perSignal) {
    HybridModels m = models();
    try (IndexHandle h = m.index().acquire()) {
      return ranker.table(m, h, request, perSignal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A single algorithm's list ({@code recs}, answered to {@code request}) with each course's confidence set to the
   * algorithm's calibrated one ({@link SignalCalibration}): the signal's normalised value for the course, read from
   * the learner's {@link #signalTable} (a signal alone ranks as its algorithm, so the list's courses are among the
   * signal's best {@code k + offset}). Returned unchanged for {@code hybrid}, an algorithm without a calibrated
   * signal, or a model saved before per-signal calibration; a course the table lacks keeps its NaN confidence.
   */
  public List<Recommendation> withSignalConfidence(String algorithm, RecommendRequest request, List<Recommendation> recs) {
    Signal s = Signal.ofAlgorithm(algorithm);
    HybridModels m = models();
    if (s == null || recs.isEmpty() || !m.signalCalibration().has(s)) return recs;
    SignalTable t;
    try (IndexHandle h = m.index().acquire()) {
      t = ranker.table(m, h, request, request.k() + request.offset(), s); // that signal alone, not all eight
    } catch (UnknownEntityException e) {
      return recs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Double> value = new java.util.HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      Double v = t.values().get(i).get(s);
      if (v != null) value.put(t.courseIds().get(i), v);
    }
    List<Recommendation> out = new ArrayList<>(recs.size());
    for (Recommendation r : recs) {
      Double v = value.get(r.courseId());
      double p = v == null ? Double.NaN : m.signalCalibration().probability(s, v, t.segment(), t.positiveCourses());
      out.add(new Recommendation(r.courseId(), r.score(), p, r.evidence()));
    }
    return out;
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    HybridRanking r = rank(request);
    List<Recommendation> out = new ArrayList<>(r.items().size());
    for (HybridItem i : r.items()) out.add(new Recommendation(i.courseId(), i.score(), i.confidence(), i.evidence()));
    return out;
  }

  /** "you already completed it", "you already rated it (4)": the reason a taken course is not recommended. */
  static String alreadyTook(String action) {
    return action.startsWith("rated ") ? "you already rated it (" + action.substring(6) + ")" : "you already " + action + " it";
  }

  /**
   * Writes every component into {@code dir}: the training snapshot they share once ({@link SnapshotModel#SHARED_DIR}),
   * each component's own model beside it, the content model and the calibration.
   */
  @Override
  public void save(Path dir) throws IOException {
    HybridModels m = models();
    Files.createDirectories(dir);
    m.snapshot().save(Files.createDirectories(dir.resolve(SnapshotModel.SHARED_DIR)));
    for (SnapshotModel c : List.<SnapshotModel>of(m.pop(), m.itemKnn(), m.userKnn(), m.mf())) c.saveModel(dir.resolve(c.name()));
    m.cbr().save(dir.resolve("cbr"));
    for (NeighborListRecommender r : m.lists().values()) r.saveModel(dir.resolve(r.name()));
    HybridFiles.writeCalibrator(dir, m.calibrator(), m.signalCalibration(), m.modelVersion());
  }

  @Override
  public void load(Path dir, Dataset catalog) throws IOException {
    PopularityRecommender pop = new PopularityRecommender(config);
    ItemKnnRecommender itemKnn = new ItemKnnRecommender(config);
    UserKnnRecommender userKnn = new UserKnnRecommender(config);
    MfRecommender mf = new MfRecommender(config);
    RecentItemKnnRecommender recent = new RecentItemKnnRecommender(config);
    SequenceRecommender seq = new SequenceRecommender(config);
    EaseRecommender ease = new EaseRecommender(config);
    // the snapshot is read once (from the shared directory, or from item-kNN's own files in a version written before
    // it was shared) and every other component is loaded onto it
    itemKnn.load(dir.resolve(itemKnn.name()), catalog);
    InteractionSnapshot snapshot = itemKnn.snapshot();
    for (SnapshotModel c : List.<SnapshotModel>of(pop, userKnn, mf, recent, seq, ease)) {
      c.load(dir.resolve(c.name()), catalog, snapshot);
    }
    HybridFiles.Saved saved = HybridFiles.readCalibrator(dir);
    CatalogIndex index = CatalogIndex.open(indexRoot);
    CbrRecommender cbr;
    try {
      cbr = new CbrRecommender(index, config);
      cbr.load(dir.resolve("cbr"), catalog);
    } catch (IOException | RuntimeException | Error e) {
      index.close(); // opened here and not yet handed to anyone: a failed load must not leak it
      throw e;
    }
    HybridModels old = models;
    models = new HybridModels(catalog, itemKnn.snapshot(), pop, itemKnn, userKnn, mf, cbr, index,
        saved.calibrator(), saved.signals(), saved.modelVersion(),
        HybridModels.popularOrder(pop, catalog.numCourses()), HybridModels.itemFactors(mf, catalog.numCourses()),
        HybridModels.lists(recent, seq, ease));
    if (old != null) old.index().close();
  }

  /** The training snapshot every component shares (for loading a single algorithm of the same version onto it). */
  public InteractionSnapshot snapshot() {
    return models().snapshot();
  }

  /** Catalog search, personalised when {@code userId} is not null (see {@link HybridSearch}). */
  public HybridRanking search(String text, String userId, CourseFilter filter, int k, int offset) {
    HybridModels m = models();
    try (IndexHandle h = m.index().acquire()) {
      return new HybridSearch(config, ranker, new CatalogSearch(m.index(), config)).search(m, h, text, userId, filter, k, offset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Explains any course for a learner: its rank among every eligible course, each signal's value, weight and
   * contribution, confidence and evidence; or why it is excluded.
   *
   * @throws UnknownEntityException for an unknown course, or a learner with no signal at all
   */
  public HybridExplanation explain(RecommendRequest request, String courseId) {
    HybridModels m = models();
    int ord = m.data().courseOrdinal(courseId);
    if (ord < 0) throw new UnknownEntityException("course", courseId);
    String title = m.data().course(ord).title();
    try (IndexHandle h = m.index().acquire()) {
      HybridRanker.Built b = ranker.build(m, h, request.withExplain(true), false);
      if (b.ctx().excludedIds().contains(courseId)) {
        String why = request.exclude().contains(courseId) ? "excluded by the request"
            : b.ctx().history() != null && b.ctx().history().dismissed(ord) ? "you dismissed it"
            : alreadyTook(b.ctx().history().action(courseId, ord));
        return new HybridExplanation(request.userId(), courseId, title, -1, 0, b.ctx().segment(), b.weights(), null, why, null);
      }
      if (!request.filter().test(m.data().course(ord))) {
        return new HybridExplanation(request.userId(), courseId, title, -1, 0, b.ctx().segment(), b.weights(), null,
            "it does not pass the request's filters", null);
      }
      int doc = h.docId(courseId);
      if (doc < 0) throw new UnknownEntityException("course", courseId);
      org.apache.lucene.search.TopDocs all = h.searcher().search(b.query(), Math.max(1, h.reader().maxDoc()));
      int rank = -1;
      double score = 0;
      for (int i = 0; i < all.scoreDocs.length; i++) {
        if (all.scoreDocs[i].doc == doc) {
          rank = i + 1;
          score = all.scoreDocs[i].score;
          break;
        }
      }
      double[][] values = HybridRanker.readValues(h.searcher(), b.query().blend(), new int[] {doc});
      HybridItem item = ranker.item(m, h, b, doc, score, values[0], Math.max(rank, 1), true);
      String lucene = h.searcher().explain(b.query(), doc).toString();
      return new HybridExplanation(request.userId(), courseId, title, rank, all.totalHits.value(), b.ctx().segment(),
          b.weights(), item, null, lucene);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Courses similar to a course (content similarity through MoreLikeThis). */
  public List<Recommendation> similar(String courseId, int k) {
    return models().cbr().similar(courseId, k);
  }

  /** Where this recommender's ranking requests spent their time, per stage. */
  public StageTimes stageTimes() { return ranker.times(); }

  /** The tuner's access to the trained parts (same package only). */
  HybridRanker ranker() { return ranker; }

  /** Installs a per-request factor per course, applied inside the scoring query (see {@link CourseFactors}). */
  public void courseFactors(CourseFactors f) { ranker.courseFactors(f); }

  public String modelVersion() { return models().modelVersion(); }
  public Dataset data() { return models().data(); }
  public CatalogIndex index() { return models().index(); }
  public CbrRecommender contentRecommender() { return models().cbr(); }
  public PopularityRecommender popularity() { return models().pop(); }

  /**
   * The hybrid's own trained or loaded component for a single algorithm's registry name ({@code pop}, {@code cbr},
   * {@code itemknn}, {@code userknn}, {@code mf}, {@code itemknn-recent}, {@code seq}, {@code ease}), or null for
   * another name. A server answers {@code algorithm=X} with it: the same files on the same snapshot as loading X
   * alone, without a second copy of its model in memory.
   */
  public Recommender component(String name) {
    HybridModels m = models();
    return switch (name) {
      case "pop" -> m.pop();
      case "cbr" -> m.cbr();
      case "itemknn" -> m.itemKnn();
      case "userknn" -> m.userKnn();
      case "mf" -> m.mf();
      case "itemknn-recent" -> m.lists().get(Signal.RECENT);
      case "seq" -> m.lists().get(Signal.SEQ);
      case "ease" -> m.lists().get(Signal.EASE);
      default -> null;
    };
  }

  @Override
  public void close() {
    HybridModels m = models;
    models = null;
    try {
      if (m != null) m.index().close();
      if (ownsIndexRoot) HybridFiles.deleteTree(indexRoot);
    } catch (IOException e) {
      log.warn("closing hybrid index {}: {}", indexRoot, e.getMessage());
    }
  }
}
