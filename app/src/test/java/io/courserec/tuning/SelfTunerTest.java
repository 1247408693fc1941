package io.courserec.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.gen.SyntheticFeedback;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfTunerTest {
  static final Dataset DATA = SyntheticFeedback.generate(240, 60, 5000, 4, 9);
  // a budget far above what this data needs, so the budget never decides and the run is reproducible
  static final Config CONFIG = Config.defaults().with(Map.of(ConfigKey.TUNE_BUDGET, "3600", ConfigKey.MF_ITERATIONS, "4",
      ConfigKey.TUNE_MAX_USERS, "150", ConfigKey.TUNE_BLEND_PRUNE_MIN_Z, "1.645")); // pruning on, so its report is covered

  @Test
  void tuningIsDeterministicPerSeedAndCoversEveryStage() {
    TuningResult a = SelfTuner.tune(CONFIG, DATA, m -> {});
    TuningResult b = SelfTuner.tune(CONFIG, DATA, m -> {});
    assertThat(a.values()).isEqualTo(b.values());
    assertThat(a.split()).isEqualTo("leave-last-out"); // every synthetic event has a timestamp
    assertThat(a.values()).containsKeys("cf.item.neighbors", "cf.item.shrinkage", "mf.rank", "mf.regularization", "mf.alpha");
    assertThat(a.values().keySet()).anyMatch(k -> k.startsWith("hybrid.warm."));
    assertThat(a.report()).contains("## Hyper-parameters").contains("## Blend weights per segment").contains("itemknn chosen")
        .contains("Pruning (`tune.blend_prune_min_z` 1.645, `tune.blend_prune_max_loss` 0.010)");
  }

  @Test
  void offKeepsTheConfigurationAndUntimedDataFallsBackToARandomSplit() {
    TuningResult off = SelfTuner.tune(CONFIG.with(ConfigKey.TUNE_ENABLED, false), DATA, m -> {});
    assertThat(off.values()).isEmpty();
    assertThat(off.apply(CONFIG)).isSameAs(CONFIG);
    List<Interaction> untimed = DATA.interactions().stream()
        .map(e -> new Interaction(e.userId(), e.courseId(), e.event(), e.rating(), null)).toList();
    Dataset plain = Dataset.of(DATA.courses(), DATA.learners(), untimed);
    assertThat(io.courserec.split.SplitKind.timedShare(plain)).isZero();
    assertThat(Validation.of(CONFIG, TuningSettings.from(CONFIG), plain).kind).isEqualTo("random");
  }

  @Test
  void theChoiceRoundTripsThroughTheVersionDirectory(@TempDir Path dir) throws Exception {
    TuningResult r = new TuningResult(Map.of("mf.rank", "32", "hybrid.warm.itemcf", "0.700"), "leave-last-out", 120, 1234, "# Tuning\n");
    r.write(dir);
    TuningResult back = TuningResult.read(dir).orElseThrow();
    assertThat(back).isEqualTo(r);
    Config applied = back.apply(Config.defaults());
    assertThat(applied.integer(ConfigKey.MF_RANK)).isEqualTo(32);
    assertThat(applied.number(ConfigKey.HW_WARM_ITEMCF)).isEqualTo(0.7);
    assertThat(TuningResult.read(dir.resolve("nothing-here"))).isEmpty();
  }
}
