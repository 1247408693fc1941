package io.courserec.mf;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.cf.Fixtures;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.config.ConfigKey;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planted block structure where collaborative signal exists and popularity cannot see it: 6 topics of 20
 * courses, 100 learners per topic; each learner takes 10 distinct courses, 8 from their own topic (Zipf(1)
 * popularity inside the topic) and 2 anywhere (uniform noise), with a random view/enroll/complete event. Two of
 * each learner's own-topic courses are held out. Hit rate@10 = share of learners with a held-out course in their
 * top 10. Popularity can only recommend the same topic heads to everyone (about 1 in 6 is theirs); every
 * collaborative algorithm must find the learner's topic. Fixed seed, so the numbers are exact for this code;
 * the assertions use wide margins (≥ 0.25 above pop and twice pop) so that harmless numeric changes pass.
 */
class CfMfQualityTest {
  private static final Logger log = LoggerFactory.getLogger(CfMfQualityTest.class);

  @Test
  void collaborativeAlgorithmsClearlyBeatPopularityOnPlantedBlocks() {
    int topics = 6;
    int perTopic = 20;
    List<Course> courses = Fixtures.courses(topics * perTopic);
    SplittableRandom rnd = new SplittableRandom(2024);
    List<Interaction> train = new ArrayList<>();
    Map<String, Set<String>> heldOut = new HashMap<>();
    EventType[] types = {EventType.VIEW, EventType.ENROLL, EventType.COMPLETE};
    double[] zipf = new double[perTopic];
    for (int r = 0; r < perTopic; r++) zipf[r] = 1.0 / (r + 1);
    List<Learner> learners = new ArrayList<>();
    for (int u = 0; u < topics * 100; u++) {
      String id = "l" + u;
      learners.add(Learner.anonymous(id));
      int topic = u % topics;
      LinkedHashMap<Integer, Boolean> chosen = new LinkedHashMap<>();
      while (chosen.size() < 8) chosen.putIfAbsent(topic * perTopic + sample(zipf, rnd), true);
      List<Integer> own = new ArrayList<>(chosen.keySet());
      while (chosen.size() < 10) chosen.putIfAbsent(rnd.nextInt(courses.size()), false);
      int h1 = rnd.nextInt(8);
      int h2 = (h1 + 1 + rnd.nextInt(7)) % 8;
      heldOut.put(id, Set.of(courses.get(own.get(h1)).id(), courses.get(own.get(h2)).id()));
      for (int c : chosen.keySet()) {
        String cid = courses.get(c).id();
        if (!heldOut.get(id).contains(cid)) train.add(Interaction.of(id, cid, types[rnd.nextInt(types.length)]));
      }
    }
    Dataset data = Dataset.of(courses, learners, train);

    Map<String, Recommender> algos = new LinkedHashMap<>();
    algos.put("pop", new PopularityRecommender(Fixtures.config(Map.of())));
    algos.put("itemknn", new ItemKnnRecommender(Fixtures.config(Map.of())));
    algos.put("userknn", new UserKnnRecommender(Fixtures.config(Map.of())));
    algos.put("userknn-pearson", new UserKnnRecommender(Fixtures.config(Map.of(ConfigKey.USERKNN_SIMILARITY, "pearson"))));
    algos.put("mf-als", new MfRecommender(Fixtures.config(Map.of(ConfigKey.MF_RANK, 16, ConfigKey.MF_ITERATIONS, 10))));
    algos.put("mf-puresvd", new MfRecommender(Fixtures.config(Map.of(ConfigKey.MF_METHOD, "puresvd", ConfigKey.MF_RANK, 8))));
    Map<String, Double> hitRate = new LinkedHashMap<>();
    for (Map.Entry<String, Recommender> a : algos.entrySet()) {
      a.getValue().train(data);
      int hits = 0;
      for (Learner l : learners) {
        List<Recommendation> top = a.getValue().recommend(RecommendRequest.of(l.id(), 10));
        if (top.stream().anyMatch(r -> heldOut.get(l.id()).contains(r.courseId()))) hits++;
      }
      hitRate.put(a.getKey(), hits / (double) learners.size());
    }
    log.info("hit rate@10 on planted blocks: {}", hitRate);
    double pop = hitRate.get("pop");
    assertThat(pop).isBetween(0.05, 0.5);
    for (Map.Entry<String, Double> e : hitRate.entrySet()) {
      if (e.getKey().equals("pop")) continue;
      assertThat(e.getValue()).as(e.getKey()).isGreaterThan(pop + 0.25).isGreaterThan(2 * pop);
    }
  }

  private static int sample(double[] weights, SplittableRandom rnd) {
    double total = 0;
    for (double w : weights) total += w;
    double x = rnd.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}
