package io.courserec.cbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.TestCatalog;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CbrRecommender#withOwnIndex}: the recommender follows whatever catalog it is trained on. */
class CbrOwnIndexTest {
  @TempDir Path dir;

  private static List<String> ids(List<Recommendation> r) {
    return r.stream().map(Recommendation::courseId).toList();
  }

  @Test
  void buildsAPrivateIndexPerCatalogAndUsesTheServedOneWhenItMatches() throws IOException {
    Config config = Config.defaults().with(ConfigKey.INDEX_DIR, dir.resolve("served"));
    CbrRecommender cbr = CbrRecommender.withOwnIndex(config);
    RecommendRequest sql = RecommendRequest.of("visitor", 3).withInterests(List.of("SQL"));
    assertThatThrownBy(() -> cbr.similar("ml", 3)).isInstanceOf(IllegalStateException.class);

    cbr.train(TestCatalog.dataset()); // no served index: a private one
    assertThat(ids(cbr.recommend(sql)).get(0)).isEqualTo("sql-basics");

    Dataset other = Dataset.of(List.of(
        Course.of("db-1", "Relational Databases and SQL", "", List.of("SQL"), Level.BEGINNER, "Data"),
        Course.of("art-1", "Drawing", "", List.of("Sketching"), Level.BEGINNER, "Art")), List.of(), List.of());
    cbr.train(other); // another catalog: another private index, the first one is dropped
    assertThat(ids(cbr.recommend(sql))).containsExactly("db-1", "art-1");

    new CatalogIndexer(config.path(ConfigKey.INDEX_DIR), config).reindex(TestCatalog.dataset());
    cbr.train(TestCatalog.dataset()); // the served index now holds this catalog
    assertThat(ids(cbr.recommend(sql)).get(0)).isEqualTo("sql-basics");
    assertThat(ids(cbr.similar("sql-basics", 1))).hasSize(1);
  }
}
