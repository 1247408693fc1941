package io.courserec.cli;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code courserec retrain}: the server's {@code POST /admin/retrain} without a server. Reads the catalog and every
 * stored feedback event, evaluates on a holdout, writes a new model version and promotes it unless its NDCG@10 is
 * lower than the current version's by more than {@code models.promote_max_ndcg_drop}; a version held back is kept
 * on disk with the reason in its manifest. A running server picks a promoted version up on its next start (or
 * run the retrain through the server to swap at once).
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
    description = "Retrain from the catalog and all stored feedback; promote only if the holdout NDCG@10 does not drop.")
public final class RetrainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @picocli.CommandLine.Option(names = "--no-tune", description = "Keep the configured hyper-parameters and blend weights (tune.enabled=false)")
  boolean noTune;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Config config = common.config();
    return TrainCommand.build(noTune ? config.with(ConfigKey.TUNE_ENABLED, false) : config, true,
        spec.commandLine().getOut(), common.progress(config, "retrain: ", spec.commandLine().getErr()));
  }
}
