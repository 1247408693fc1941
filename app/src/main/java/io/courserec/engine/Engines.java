package io.courserec.engine;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.store.InteractionStore;
import io.courserec.store.InteractionStores;

/**
 * Opens the {@link DefaultEngine} over the configured feedback store ({@code store.jdbc_url}), model root
 * ({@code models.dir}) and data directory ({@code data.dir}, read only when a model is built), in one of three ways:
 * <ul>
 *   <li>{@link #open}: the server. Returns at once; the latest good model version loads in the background (the
 *       engine answers {@link NotReadyException} until it is in), the first model is trained when there is none
 *       and {@code models.train_on_start} is true, and {@code models.retrain_interval_minutes} schedules retrains;
 *       it follows other replicas: their feedback and erasures through the store ({@link Engine#onStaleAnswers}),
 *       their promoted versions through {@code models.poll_interval_ms}.
 *   <li>{@link #openForQueries}: the CLI's {@code recommend} and {@code explain}. Loads the latest good version
 *       before returning, starts nothing in the background; {@link DefaultEngine#ready()} says whether a model was
 *       found.
 *   <li>{@link #openForTraining}: the CLI's {@code train} and {@code retrain}. Loads nothing; builds with
 *       {@link DefaultEngine#retrainNow} (the promotion gate compares with the version {@code models/CURRENT}
 *       names), and serves the new version afterwards if it was promoted.
 * </ul>
 */
public final class Engines {
  private Engines() {}

  /** The server's engine; see the class comment. */
  public static Engine open(Config config) {
    DefaultEngine e = create(config);
    e.followOtherProcesses();
    e.lifecycle().startInBackground();
    return e;
  }

  /** An engine serving the latest saved model, without background work. */
  public static DefaultEngine openForQueries(Config config) {
    DefaultEngine e = create(config);
    try {
      e.lifecycle().loadLatest();
      return e;
    } catch (RuntimeException ex) {
      e.close();
      throw ex;
    }
  }

  /** An engine for synchronous builds ({@link DefaultEngine#retrainNow}); loads nothing until a build is done. */
  public static DefaultEngine openForTraining(Config config) {
    return create(config);
  }

  private static DefaultEngine create(Config config) {
    InteractionStore store = InteractionStores.open(config);
    try {
      return new DefaultEngine(config, store, new ModelStore(config.path(ConfigKey.MODELS_DIR)),
          ErasedLearners.open(config));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
