package io.courserec.eval;

import io.courserec.catalog.EventWeights;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test popularity recommender: score = distinct learners with any event on the course; excludes the learner's
 * taken and dismissed courses (the default contract); ties by ordinal. Serves unknown learners too.
 */
public final class CountingPopularityRecommender implements Recommender {
  private Dataset data;
  private int[] order;
  private int[] count;

  @Override public String name() { return "testpop"; }

  @Override
  public void train(Dataset d) {
    data = d;
    count = new int[d.numCourses()];
    for (int u = 0; u < d.numLearners(); u++) {
      Set<String> seen = new HashSet<>();
      for (Interaction e : d.eventsOf(u)) if (seen.add(e.courseId())) count[d.courseOrdinal(e.courseId())]++;
    }
    order = java.util.stream.IntStream.range(0, d.numCourses()).boxed()
        .sorted((a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue).toArray();
  }

  @Override public boolean canRecommend(RecommendRequest request) { return true; }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    Set<String> excluded = new HashSet<>();
    for (Interaction e : data.eventsOf(request.userId())) {
      if (EventWeights.defaults().excludes(e)) excluded.add(e.courseId());
    }
    List<Recommendation> out = new ArrayList<>();
    for (int i = 0; i < order.length && out.size() < request.k(); i++) {
      String id = data.course(order[i]).id();
      if (!excluded.contains(id)) out.add(Recommendation.of(id, count[order[i]]));
    }
    return out;
  }

  @Override public void save(Path dir) { throw new UnsupportedOperationException("test recommender"); }

  @Override public void load(Path dir, Dataset catalog) { throw new UnsupportedOperationException("test recommender"); }
}
