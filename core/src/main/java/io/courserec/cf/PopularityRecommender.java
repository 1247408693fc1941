package io.courserec.cf;

import io.courserec.catalog.Dataset;
import io.courserec.catalog.InteractionMatrix;
import io.courserec.config.Config;
import io.courserec.rec.Evidence;
import io.courserec.rec.EvidenceSource;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline ({@code pop}): every learner gets the same ranking, by popularity, minus their own exclusions.
 *
 * <p>popularity(i) = |{u : r(u,i) > 0}|, the number of distinct learners whose summed feedback on course i is
 * positive. Learners, not events, are counted so one learner re-viewing a course many times does not make it
 * popular, and a learner who dismissed a course (net weight ≤ 0) does not count for it. Ties go to the lower
 * course ordinal. Courses nobody liked score 0 and still rank (by ordinal) after the others, so the list always
 * fills up to {@code k} when enough courses pass the filters.
 */
public final class PopularityRecommender implements SnapshotModel {
  public static final String NAME = "pop";
  private static final Logger log = LoggerFactory.getLogger(PopularityRecommender.class);
  private static final String FILE = "popularity.bin";

  private final Config config;
  private volatile State state;

  private record State(InteractionSnapshot snapshot, int[] counts, float[] scores, long trainingMillis) {}

  public PopularityRecommender(Config config) {
    this.config = config;
  }

  @Override
  public String name() { return NAME; }

  @Override
  public void train(Dataset data) {
    train(InteractionSnapshot.build(data, config));
  }

  /** Trains on an already built snapshot (shared between algorithms to build the matrix once). */
  public void train(InteractionSnapshot snapshot) {
    long t0 = System.nanoTime();
    InteractionMatrix m = snapshot.matrix();
    int[] counts = new int[m.numCourses()];
    float[] vals = m.colVals();
    for (int i = 0; i < counts.length; i++) {
      int n = 0;
      for (int p = m.colStart(i); p < m.colEnd(i); p++) if (vals[p] > 0) n++;
      counts[i] = n;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    state = new State(snapshot, counts, toScores(counts), ms);
    log.info("pop: counted {} courses over {} interactions in {} ms", counts.length, m.nnz(), ms);
  }

  /** Takes counts computed elsewhere (the Spark trainer's: learners with positive feedback per course ordinal). */
  public void adopt(InteractionSnapshot snapshot, int[] counts, long trainingMillis) {
    if (counts.length != snapshot.numCourses()) {
      throw new IllegalArgumentException("pop: counts for " + counts.length + " courses, snapshot has " + snapshot.numCourses());
    }
    state = new State(snapshot, counts.clone(), toScores(counts), trainingMillis);
  }

  private static float[] toScores(int[] counts) {
    float[] s = new float[counts.length];
    for (int i = 0; i < s.length; i++) s[i] = counts[i];
    return s;
  }

  private State state() {
    State s = state;
    if (s == null) throw new IllegalStateException(NAME + ": not trained or loaded");
    return s;
  }

  /** Number of learners with positive feedback on the course (the prior the hybrid stores in the index). */
  public int popularity(int courseOrdinal) { return state().counts[courseOrdinal]; }

  /** The trained snapshot (learner table, matrix). */
  @Override
  public InteractionSnapshot snapshot() { return state().snapshot; }

  @Override
  public boolean canRecommend(RecommendRequest request) {
    State s = state;
    if (s == null) return false;
    try {
      s.snapshot.resolve(request);
      return true;
    } catch (UnknownEntityException e) {
      return false;
    }
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    State s = state();
    UserHistory h = s.snapshot.resolve(request);
    TopK.Ranked ranked = CandidateRanker.rank(s.scores, h, request, s.snapshot.catalog());
    List<Recommendation> out = new ArrayList<>(ranked.size());
    for (int r = 0; r < ranked.size(); r++) {
      int c = ranked.ids()[r];
      int n = s.counts[c];
      List<Evidence> ev = request.explain()
          ? List.of(new Evidence(EvidenceSource.POP, "popular: " + n + (n == 1 ? " learner" : " learners"), n))
          : List.of();
      out.add(new Recommendation(s.snapshot.catalog().course(c).id(), ranked.scores()[r], Double.NaN, ev));
    }
    return out;
  }

  @Override
  public void saveModel(Path dir) throws IOException {
    State s = state();
    Files.createDirectories(dir);
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve(FILE), "popularity")) {
      w.writeInts(s.counts);
    }
    s.snapshot.manifest(NAME, config, s.trainingMillis, Map.of("count", "learners with positive feedback")).write(dir);
  }

  @Override
  public ComponentManifest readManifest(Path dir, Dataset catalog) throws IOException {
    return ComponentManifest.readLoadable(dir, NAME, catalog, config);
  }

  @Override
  public void loadOnto(Path dir, Dataset catalog, ComponentManifest m, InteractionSnapshot snapshot) throws IOException {
    int[] counts;
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve(FILE), "popularity")) {
      counts = r.readInts(catalog.numCourses());
      r.finish();
    }
    if (counts.length != catalog.numCourses()) throw new IOException(dir + ": popularity has " + counts.length + " courses");
    state = new State(snapshot, counts, toScores(counts), m.trainingMillis());
  }
}
