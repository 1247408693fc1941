package io.courserec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.cf.ComponentManifest;
import io.courserec.cf.CourseSide;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.SequenceRecommender;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.mf.MfRecommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --course-side DIR}: a version built from course-side artefacts computed elsewhere (what a
 * {@code spark-submit} run of the Spark trainer writes) instead of training them. The artefacts here are the
 * in-process trainers' own, so the adopted version must rank exactly like one trained from scratch; artefacts of
 * another catalog are refused and leave no version behind.
 */
class CourseSideAdoptionTest {
  private static final Path DATA = Path.of("app/src/test/resources/engine/small");
  @TempDir Path dir;

  private IndexCommandsTest.Run run(Path models, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", DATA.toString(), "--models", models.toString(),
        "--set", "store.jdbc_url=jdbc:sqlite:" + dir.resolve(models.getFileName() + ".db"), "--set", "mf.rank=8",
        "--set", "mf.iterations=5", "--set", "tune.enabled=false"));
    return IndexCommandsTest.run(all.toArray(String[]::new));
  }

  private static CourseSide computedHere(Dataset data, Config config, String fingerprint) {
    InteractionSnapshot snap = InteractionSnapshot.build(data, config);
    PopularityRecommender pop = new PopularityRecommender(config);
    pop.train(snap);
    ItemKnnRecommender knn = new ItemKnnRecommender(config);
    knn.train(snap);
    SequenceRecommender seq = new SequenceRecommender(config);
    seq.train(snap);
    MfRecommender mf = new MfRecommender(config);
    mf.train(snap);
    int n = data.numCourses();
    int rank = mf.rank();
    int[] counts = new int[n];
    float[] y = new float[n * rank];
    for (int c = 0; c < n; c++) {
      counts[c] = pop.popularity(c);
      System.arraycopy(mf.model().itemFactors(c), 0, y, c * rank, rank);
    }
    CourseSide.Info info = new CourseSide.Info(CourseSide.FORMAT, CourseSide.FORMAT_VERSION, "test-external", "none",
        n, fingerprint, List.of("engine fixture"), data.interactions().size(), Map.of(), data.numLearners(), 0, 0,
        null, rank, config.number(ConfigKey.MF_ALPHA), config.number(ConfigKey.MF_REG), "none",
        config.integer(ConfigKey.MF_ITERATIONS), Map.of("itemknn", Map.of("neighbors", 50)), Map.of("total", 1L));
    return new CourseSide(info, counts, knn.model(), seq.model(), y);
  }

  private static Path onlyVersion(Path models) throws IOException {
    try (Stream<Path> s = Files.list(models)) {
      return s.filter(p -> p.getFileName().toString().startsWith("v-")).findFirst().orElseThrow();
    }
  }

  @Test
  void adoptedArtefactsRankLikeTrainingThemHere() throws IOException {
    Config config = Config.defaults().with(ConfigKey.MF_RANK, 8).with(ConfigKey.MF_ITERATIONS, 5);
    Dataset data = CatalogLoader.load(DATA, config).dataset();
    Path side = dir.resolve("side");
    computedHere(data, config, ComponentManifest.fingerprint(data)).write(side);

    IndexCommandsTest.Run adopted = run(dir.resolve("adopted"), "train", "--course-side", side.toString());
    assertThat(adopted.exit()).as(adopted.err()).isZero();
    assertThat(adopted.out()).contains(" course_side ");
    IndexCommandsTest.Run local = run(dir.resolve("local"), "train");
    assertThat(local.exit()).as(local.err()).isZero();

    Path version = onlyVersion(dir.resolve("adopted"));
    assertThat(Files.exists(version.resolve(CourseSide.FILE))).isTrue();
    JsonNode knn = new ObjectMapper().readTree(version.resolve("hybrid/itemknn/manifest.json").toFile());
    assertThat(knn.get("params").get("engine").asText()).isEqualTo("test-external");
    JsonNode seq = new ObjectMapper().readTree(version.resolve("hybrid/seq/manifest.json").toFile());
    assertThat(seq.get("params").get("engine").asText()).isEqualTo("test-external");

    for (String algorithm : List.of("itemknn", "seq", "pop")) {
      for (String user : List.of("u01", "u07", "u33")) {
        IndexCommandsTest.Run a = run(dir.resolve("adopted"), "recommend", "--user", user, "--algorithm", algorithm,
            "--k", "5", "--format", "csv");
        IndexCommandsTest.Run b = run(dir.resolve("local"), "recommend", "--user", user, "--algorithm", algorithm,
            "--k", "5", "--format", "csv");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).as("%s for %s", algorithm, user).isEqualTo(b.out());
      }
    }
    // MF: the same item factors; learner factors from one exact user step instead of the last ALS sweep's, so the
    // adopted ranking is the ALS fixed point's, checked as "answers, five courses"
    IndexCommandsTest.Run mf = run(dir.resolve("adopted"), "recommend", "--user", "u01", "--algorithm", "mf", "--k", "5",
        "--format", "csv");
    assertThat(mf.exit()).as(mf.err()).isZero();
    assertThat(mf.out().lines().count()).isEqualTo(6);
  }

  @Test
  void artefactsOfAnotherCatalogAreRefusedAndNoVersionIsLeft() throws IOException {
    Config config = Config.defaults().with(ConfigKey.MF_RANK, 8).with(ConfigKey.MF_ITERATIONS, 5);
    Dataset data = CatalogLoader.load(DATA, config).dataset();
    Path side = dir.resolve("side");
    computedHere(data, config, "0123456789abcdef").write(side);
    IndexCommandsTest.Run r = run(dir.resolve("models"), "train", "--course-side", side.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("another course catalog");
    try (Stream<Path> s = Files.list(dir.resolve("models"))) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("v-")).toList()).isEmpty();
    }
  }
}
