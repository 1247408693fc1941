package io.courserec.eval;

import io.courserec.catalog.Dataset;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import io.courserec.rec.UnknownEntityException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test recommender answering a fixed list per learner; learners without a list are unknown. */
public class FixedListRecommender implements Recommender {
  private final Map<String, List<Recommendation>> lists;
  volatile Dataset trainedOn;

  public FixedListRecommender(Map<String, List<Recommendation>> lists) {
    this.lists = lists;
  }

  @Override public String name() { return "fixed"; }

  @Override public void train(Dataset data) { trainedOn = data; }

  @Override public boolean canRecommend(RecommendRequest request) { return lists.containsKey(request.userId()); }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    List<Recommendation> l = lists.get(request.userId());
    if (l == null) throw new UnknownEntityException("learner", request.userId());
    return l.subList(0, Math.min(l.size(), request.k()));
  }

  @Override public void save(Path dir) { throw new UnsupportedOperationException("test recommender"); }

  @Override public void load(Path dir, Dataset catalog) { throw new UnsupportedOperationException("test recommender"); }
}
