package io.courserec.cbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.CourseDocuments;
import io.courserec.index.CourseFields;
import io.courserec.index.CourseSignals;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CasePostings} against brute force, in Lucene's test style: seeded random catalogs written into many
 * segments without merging, in shuffled order, 5 % of the documents deleted; random learner profiles. The retrieval
 * score of every document must equal {@code sum_t q_t x v(d, f)[t]} computed from the cached case vectors, the top
 * list must equal sorting every live document, and deleted or disallowed documents never appear; case vectors
 * decoded in bulk from the postings must equal those decoded from each document's term vectors. Then the
 * recommender: when the pool holds the whole catalog both retrievals rank exhaustively, so {@code cosine} and
 * {@code bm25} must return the same courses with the same scores, filters and exclusions included.
 */
class CasePostingsTest {
  private static final String[] WORDS = {"data", "python", "sql", "learning", "machine", "statistics", "web",
      "design", "cloud", "security", "network", "finance", "marketing", "writing", "history", "music", "biology",
      "chemistry", "physics", "algebra", "calculus", "spanish", "french", "project", "management", "leadership"};
  private static final String[] SKILLS = {"Python", "SQL", "Machine Learning", "Statistics", "Web Design",
      "Cloud Computing", "Network Security", "Finance", "Marketing", "Writing", "Project Management", "Spanish"};
  private static final String[] SUBJECTS = {"Computer Science", "Data Science", "Business", "Arts and Humanities"};

  @TempDir Path root;

  private static List<Course> catalog(Random rnd, int n) {
    List<Course> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> skills = new ArrayList<>();
      for (int s = 0, m = 1 + rnd.nextInt(3); s < m; s++) skills.add(SKILLS[rnd.nextInt(SKILLS.length)]);
      Level level = Level.values()[rnd.nextInt(Level.values().length)];
      out.add(new Course("c" + i, words(rnd, 1 + rnd.nextInt(4)), rnd.nextInt(10) == 0 ? "" : words(rnd, 4 + rnd.nextInt(12)),
          skills.stream().distinct().toList(), "", level, SUBJECTS[rnd.nextInt(SUBJECTS.length)],
          rnd.nextBoolean() ? "en" : "es", null, "", null, null, "", List.of()));
    }
    return out;
  }

  private static String words(Random rnd, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
    return sb.toString();
  }

  private static Learner learner(Random rnd, String id) {
    List<String> interests = new ArrayList<>();
    List<String> goals = new ArrayList<>();
    for (int i = 0, m = rnd.nextInt(3); i < m; i++) interests.add(SKILLS[rnd.nextInt(SKILLS.length)]);
    for (int i = 0, m = rnd.nextInt(2); i < m; i++) goals.add(rnd.nextBoolean() ? SKILLS[rnd.nextInt(SKILLS.length)] : words(rnd, 2));
    return new Learner(id, interests, goals, Level.values()[rnd.nextInt(Level.values().length)], "en");
  }

  private static List<Interaction> history(Random rnd, String user, int courses) {
    List<Interaction> out = new ArrayList<>();
    EventType[] events = EventType.values();
    for (int i = 0, m = rnd.nextInt(8); i < m; i++) {
      out.add(Interaction.of(user, "c" + rnd.nextInt(courses), events[rnd.nextInt(events.length)]));
    }
    return out;
  }

  @Test
  void retrievalScoresAndTopListEqualBruteForceOnRandomMultiSegmentIndexes() throws IOException {
    Config config = Config.defaults();
    ContentScorer scorer = new ContentScorer(config);
    ProfileBuilder profiles = new ProfileBuilder(config);
    for (long seed = 1; seed <= 8; seed++) {
      Random rnd = new Random(seed);
      int n = 40 + rnd.nextInt(160);
      List<Course> courses = catalog(rnd, n);
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        Set<String> deleted = new HashSet<>();
        IndexWriterConfig iwc = new IndexWriterConfig(CourseFields.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter w = new IndexWriter(dir, iwc)) {
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < n; i++) order.add(i);
          Collections.shuffle(order, rnd);
          int perSegment = 5 + rnd.nextInt(30);
          int inSegment = 0;
          for (int i : order) {
            w.addDocument(CourseDocuments.toDocument(courses.get(i), i, CourseSignals.none(n)));
            if (++inSegment == perSegment) {
              w.flush();
              inSegment = 0;
            }
          }
          for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < 0.05) {
              deleted.add("c" + i);
              w.deleteDocuments(new Term(CourseFields.ID, "c" + i));
            }
          }
          w.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          assertThat(reader.leaves().size()).as("several segments").isGreaterThan(1);
          CaseBase cases = CaseBase.of(reader);
          CaseBase other = CaseBase.of(reader); // same generation, its own term ids
          CaseBase bulk = CaseBase.of(reader);
          assertThat(bulk.decodeAll()).as("live documents").isEqualTo(n - deleted.size());
          for (int d = 0; d < cases.maxDoc(); d++) {
            if (deleted.contains(cases.courseId(d))) continue;
            for (ContentField f : ContentField.values()) {
              TermVector fromPostings = bulk.course(d).get(f);
              TermVector fromVectors = cases.decodeFromTermVectors(d).get(f);
              assertThat(fromPostings.size()).as("seed " + seed + " doc " + d + " " + f).isEqualTo(fromVectors.size());
              for (int i = 0; i < fromVectors.size(); i++) {
                assertThat(fromPostings.key(i)).isEqualTo(fromVectors.key(i));
                assertThat(fromPostings.weight(i)).as("seed " + seed + " doc " + d + " " + fromVectors.key(i))
                    .isEqualTo(fromVectors.weight(i));
              }
            }
          }
          CasePostings postings = cases.postings();
          for (int trial = 0; trial < 10; trial++) {
            Learner l = learner(rnd, "u" + trial);
            LearnerProfile p = profiles.build(cases, l, history(rnd, l.id(), n), List.of(), null);
            int want = 1 + rnd.nextInt(60);
            List<LearnerProfile.WeightedTerm> terms = p.topTerms(want, scorer.fieldWeights());
            // brute force: every positive profile term, fully sorted, cut at `want`
            List<LearnerProfile.WeightedTerm> all = new ArrayList<>();
            for (ContentField f : ContentField.values()) {
              double w = scorer.fieldWeights().get(f);
              if (w <= 0 || p.norm(f) == 0) continue;
              p.vector(f).forEach((k, v) -> { if (v > 0) all.add(new LearnerProfile.WeightedTerm(f, k, w * v / p.norm(f))); });
            }
            all.sort(Comparator.comparingDouble(LearnerProfile.WeightedTerm::weight).reversed()
                .thenComparing(LearnerProfile.WeightedTerm::field).thenComparing(LearnerProfile.WeightedTerm::key));
            assertThat(terms).as("top terms").isEqualTo(all.subList(0, Math.min(want, all.size())));
            FixedBitSet allowed = null;
            if (rnd.nextBoolean()) {
              allowed = new FixedBitSet(cases.maxDoc());
              for (int d = 0; d < cases.maxDoc(); d++) if (rnd.nextDouble() < 0.7) allowed.set(d);
            }
            check(cases, postings, terms, allowed, deleted, 1 + rnd.nextInt(n + 10), "seed " + seed + " trial " + trial);
            checkCosineByTermIds(cases, other, p, "seed " + seed + " trial " + trial);
          }
        }
      }
    }
  }

  private static void check(CaseBase cases, CasePostings postings, List<LearnerProfile.WeightedTerm> terms,
                            FixedBitSet allowed, Set<String> deleted, int k, String where) {
    List<Integer> expected = new ArrayList<>();
    for (int d = 0; d < cases.maxDoc(); d++) {
      String id = cases.courseId(d);
      double brute = 0;
      for (LearnerProfile.WeightedTerm t : terms) brute += t.weight() * cases.course(d).get(t.field()).get(t.key());
      double r = postings.score(terms, d);
      if (deleted.contains(id)) {
        assertThat(r).as(where + ": deleted " + id + " has no postings").isZero();
        continue;
      }
      // float weights and a float sum over at most 60 products each below 10: 1e-5 is well above the rounding
      assertThat(r).as(where + ": r(" + id + ")").isCloseTo(brute, within(1e-5));
      if (r > 0 && (allowed == null || allowed.get(d))) expected.add(d);
    }
    expected.sort(Comparator.comparingDouble((Integer d) -> postings.score(terms, d)).reversed()
        .thenComparingInt(d -> d));
    int[] top = postings.top(terms, k, allowed);
    assertThat(top).as(where + ": top " + k).containsExactly(
        expected.subList(0, Math.min(k, expected.size())).stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The exact scorer's cosine through term ids ({@link TermWeights}) equals the string-keyed dot product bit for bit
   * (same sums, same order); a course vector from another case base (other ids) takes the string path, same value.
   */
  private static void checkCosineByTermIds(CaseBase cases, CaseBase other, LearnerProfile p, String where) {
    for (int d = 0; d < cases.maxDoc(); d++) {
      for (ContentField f : ContentField.values()) {
        TermVector v = cases.course(d).get(f);
        double byKey = p.norm(f) == 0 || v.isEmpty() ? 0.0 : v.dot(p.vector(f)) / p.norm(f);
        assertThat(p.cosine(f, v)).as(where + ": cos " + f + " of doc " + d).isEqualTo(byKey);
        assertThat(p.cosine(f, other.course(d).get(f))).as(where + ": other ids, doc " + d).isEqualTo(byKey);
      }
    }
  }

  @Test
  void termWeightsEqualAHashMapAcrossGrowth() {
    Random rnd = new Random(7);
    Object space = new Object();
    TermWeights t = new TermWeights(2, space);
    Map<Integer, Double> expected = new java.util.HashMap<>();
    for (int i = 0; i < 5000; i++) {
      int id = rnd.nextInt(3000);
      double w = rnd.nextGaussian();
      t.add(id, w);
      expected.merge(id, w, Double::sum);
    }
    assertThat(t.size()).isEqualTo(expected.size());
    for (int id = 0; id < 3500; id++) assertThat(t.get(id)).as("id " + id).isEqualTo(expected.getOrDefault(id, 0.0));
  }

  @Test
  void cosineAndBm25RetrievalRankAlikeWhenThePoolHoldsTheCatalog() throws IOException {
    Random rnd = new Random(42);
    int n = 120;
    List<Course> courses = catalog(rnd, n);
    List<Learner> learners = new ArrayList<>();
    List<Interaction> events = new ArrayList<>();
    for (int u = 0; u < 12; u++) {
      Learner l = learner(rnd, "u" + u);
      learners.add(l);
      events.addAll(history(rnd, l.id(), n));
    }
    Dataset d = Dataset.of(courses, learners, events);
    new CatalogIndexer(root, Config.defaults()).reindex(d);
    try (CatalogIndex index = CatalogIndex.open(root)) {
      CbrRecommender bm25 = new CbrRecommender(index, Config.load(null, Map.of(), Map.of("cbr.retrieval", "bm25")));
      CbrRecommender cosine = new CbrRecommender(index, Config.load(null, Map.of(), Map.of("cbr.retrieval", "cosine")));
      bm25.train(d);
      cosine.train(d);
      for (Learner l : learners) {
        for (RecommendRequest r : List.of(RecommendRequest.of(l.id(), 30),
            RecommendRequest.of(l.id(), 30).withFilter(new CourseFilter(null, "en", null, null, null)),
            new RecommendRequest(l.id(), 30, 0, CourseFilter.NONE, Set.of("c1", "c2", "c3"), false, false, List.of(), List.of()))) {
          List<Recommendation> a = bm25.recommend(r);
          List<Recommendation> b = cosine.recommend(r);
          // the default pool (cbr.candidates = 300) exceeds the 120 courses: both rank every eligible course
          assertThat(b).extracting(Recommendation::courseId).as(l.id()).isEqualTo(a.stream().map(Recommendation::courseId).toList());
          assertThat(b).extracting(Recommendation::score).as(l.id()).isEqualTo(a.stream().map(Recommendation::score).toList());
        }
      }
    }
  }
}
