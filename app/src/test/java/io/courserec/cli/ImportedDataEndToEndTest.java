package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.LoadResult;
import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each log import, run through the real command line, writes a data directory that the loader takes without a
 * single rejected, merged or fixed row, and on which {@code train} and {@code recommend} run.
 */
class ImportedDataEndToEndTest {
  private static final Path MOVIELENS = Path.of("core/src/test/resources/catalog/movielens");

  @TempDir
  Path dir;

  /** Imports, loads, trains and recommends for {@code user}; returns the loaded data set. */
  private Dataset importTrainRecommend(String user, String... importArgs) {
    Path data = dir.resolve("data");
    List<String> args = new ArrayList<>(List.of("import"));
    args.addAll(List.of(importArgs));
    args.addAll(List.of("--out", data.toString(), "--report", dir.resolve("report.json").toString()));
    IndexCommandsTest.Run imp = IndexCommandsTest.run(args.toArray(String[]::new));
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("wrote ").contains(" interactions to " + data);

    LoadResult loaded = CatalogLoader.load(data, Config.defaults());
    assertThat(loaded.report().rejectedTotal() + loaded.report().mergedTotal()).isZero();
    assertThat(loaded.report().files()).allSatisfy(f -> assertThat(f.warnings()).isZero());
    Dataset d = loaded.dataset();

    String[] common = {"--data", data.toString(), "--models", dir.resolve("models").toString(), "--index",
        dir.resolve("index").toString(), "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve("feedback.db"),
        "--set", "mf.rank=4", "--set", "mf.iterations=3"};
    IndexCommandsTest.Run train = IndexCommandsTest.run(concat(new String[] {"train"}, common));
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains(d.numCourses() + " courses, " + d.numLearners() + " learners, "
        + d.interactions().size() + " interactions");
    IndexCommandsTest.Run rec = IndexCommandsTest.run(concat(new String[] {"recommend", "--user", user, "--k", "3",
        "--format", "csv"}, common));
    assertThat(rec.exit()).as(rec.err()).isZero();
    List<String> lines = rec.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("user_id,rank,course_id,score");
    assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(l -> {
      assertThat(l).startsWith(user + ",");
      assertThat(d.course(l.split(",")[2])).isPresent();
    });
    return d;
  }

  private static String[] concat(String[] a, String[] b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  @Test
  void movieLensClassic() {
    Dataset d = importTrainRecommend("1", "--format", "movielens", MOVIELENS.resolve("classic").toString());
    assertThat(d.numCourses()).isEqualTo(9);
    assertThat(d.numLearners()).isEqualTo(4);
  }

  @Test
  void movieLensNewer() {
    Dataset d = importTrainRecommend("2", "--format", "MovieLens", MOVIELENS.resolve("newer").toString());
    assertThat(d.interactions()).hasSize(9);
  }

  @Test
  void aHeaderlessTabSeparatedLogWithMilliseconds() throws IOException {
    // 12 learners x 5 courses each out of 15, a shifted window per learner, one minute apart
    StringBuilder log = new StringBuilder();
    long t = 1_700_000_000_000L;
    for (int u = 0; u < 12; u++) {
      for (int k = 0; k < 5; k++) {
        log.append("learner-").append(u).append('\t').append("c").append((u + 2 * k) % 15).append('\t')
            .append(t += 60_000).append('\n');
      }
    }
    Path file = Files.writeString(dir.resolve("log.tsv"), log);
    Path items = Files.writeString(dir.resolve("items.csv"), "item,title,genres\nc0,Intro to Python,Programming|Python\n");
    Dataset d = importTrainRecommend("learner-3", "--format", "interactions", file.toString(), "--no-header",
        "--items", items.toString());
    assertThat(d.numCourses()).isEqualTo(15);
    assertThat(d.interactions()).hasSize(60).allSatisfy(e -> assertThat(e.event().code()).isEqualTo("enroll"));
    assertThat(d.course("c0").orElseThrow().title()).isEqualTo("Intro to Python");
  }

  @Test
  void logOptionsWithAnotherFormatAndUnknownFormatsAreOneLineErrors() {
    IndexCommandsTest.Run r = IndexCommandsTest.run("import", "--format", "movielens", "x", "--out",
        dir.toString(), "--user-col", "2");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("error: --user-col applies to --format interactions only, not movielens");
    IndexCommandsTest.Run bad = IndexCommandsTest.run("import", "--format", "interactions", "x.csv", "--out",
        dir.toString(), "--time-unit", "days");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("error: --time-unit 'days': expected auto, s or ms");
  }
}
