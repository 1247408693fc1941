package io.courserec.cli;

import io.courserec.catalog.DataException;
import io.courserec.config.Config;
import io.courserec.engine.DefaultEngine;
import io.courserec.engine.Engines;
import io.courserec.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courserec forget --user ID}: the server's {@code DELETE /users/{id}} without a server, run to completion
 * before it returns: the learner goes on the erasure list ({@code models/erased-learners}), their stored feedback
 * is deleted, and, when the current model version holds them, a version without them is built and promoted (no
 * quality gate), after which every version still holding them is deleted. Prints what was done.
 *
 * <p>A server running at the same time keeps serving from its loaded version until it restarts; erase through
 * {@code DELETE /users/{id}} instead while it runs.
 */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Erase a learner: stored feedback, and every model version that holds them (rebuilt without them).")
public final class ForgetCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "The learner id to erase")
  String user;

  @Override
  public Integer call() {
    Config config = common.config();
    long t0 = System.nanoTime();
    String summary;
    try (DefaultEngine engine = Engines.openForTraining(config)) {
      summary = engine.forgetNow(user, s -> { });
    } catch (DataException | StoreException | IllegalStateException | io.courserec.engine.InvalidInputException e) {
      throw new UserError("erasure incomplete: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "erased one learner in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
        summary);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
