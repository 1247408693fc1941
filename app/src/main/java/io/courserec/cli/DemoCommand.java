package io.courserec.cli;

import io.courserec.api.CourseRecServer;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.DefaultEngine;
import io.courserec.engine.Engines;
import io.courserec.engine.ErasedLearners;
import io.courserec.engine.ModelManifest;
import io.courserec.engine.ModelStore;
import io.courserec.engine.RankedCourse;
import io.courserec.engine.RecommendQuery;
import io.courserec.engine.RecommendResult;
import io.courserec.engine.SearchQuery;
import io.courserec.engine.SearchResult;
import io.courserec.rec.CourseFilter;
import io.courserec.rec.Evidence;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the main job on the bundled sample. Loads and validates the data, trains (or reuses a model trained
 * under the same configuration on the same catalog), shows recommendations with explanations for a learner with a
 * rich history, one with a short history and a cold-start learner, a personalised search and similar courses,
 * then serves the HTTP API on {@code server.port} until Ctrl-C ({@code --no-serve} exits instead).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Validate, train and show recommendations on the bundled sample, then serve the API.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--no-serve", description = "Exit after printing instead of serving the API")
  boolean noServe;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default server.port)")
  Integer port;

  @Option(names = "--retrain", description = "Train a new model even when a matching one exists")
  boolean retrain;

  /**
   * Plain progress lines while training (output not a terminal): at least this many seconds apart and at most
   * {@link #STAGE_LINES} of them, so the whole demo fits on two screens however slow the machine.
   */
  private static final double STAGE_LINE_SECONDS = 30;
  private static final int STAGE_LINES = 5;
  /** Reasons shown per course. */
  private static final int REASONS = 2;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Config config = common.config();
    if (port != null) config = config.with(ConfigKey.SERVER_PORT, port);
    long t0 = System.nanoTime();
    var loaded = ErasedLearners.open(config).loadData(config);
    Dataset data = loaded.dataset();
    out.printf(Locale.ROOT, "== data %s: %d courses, %d learners, %d interactions (%d rows rejected, %d merged)%n",
        config.path(ConfigKey.DATA_DIR), data.numCourses(), data.numLearners(), data.interactions().size(),
        loaded.report().rejectedTotal(), loaded.report().mergedTotal());

    DefaultEngine engine = open(config, data);
    try {
      out.printf(Locale.ROOT, "== model %s ready after %.1f s%n", engine.status().modelVersion(), (System.nanoTime() - t0) / 1e9);
      printMetrics(engine.status().metrics());
      showcase(engine, data);
      if (noServe) return 0;
      CourseRecServer server = CourseRecServer.start(engine, config);
      out.println();
      out.println("== serving " + server.url() + "  (Ctrl-C to stop; log in " + common.logPath() + ")");
      String any = pickRich(data).orElse("u1");
      out.println("   curl '" + server.url() + "/recommend?user=" + any + "&k=5&explain=true'");
      out.println("   curl '" + server.url() + "/search?q=python&user=" + any + "'");
      out.println("   curl -X POST " + server.url() + "/feedback -H 'Content-Type: application/json' -d '{\"user_id\":\""
          + any + "\",\"course_id\":\"" + data.course(0).id() + "\",\"event\":\"enroll\"}'");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.stop();
        engine.close();
        stopped.countDown();
      }, "courserec-demo-shutdown"));
      stopped.await();
      return 0;
    } finally {
      if (noServe) engine.close();
    }
  }

  /** Reuses the latest good model when it was trained under this configuration on a catalog of this size. */
  private DefaultEngine open(Config config, Dataset data) {
    ModelStore models = new ModelStore(config.path(ConfigKey.MODELS_DIR));
    Optional<String> latest = models.latestGood();
    if (!retrain && latest.isPresent()) {
      Optional<ModelManifest> m = models.readManifest(models.root().resolve(latest.get()));
      if (m.isPresent() && m.get().configHash().equals(config.modelHash()) && m.get().courses() == data.numCourses()) {
        out.println("== reusing model " + latest.get() + " (same configuration; --retrain to train afresh)");
        return Engines.openForQueries(config);
      }
    }
    out.println("== training (pop, itemknn, userknn, mf, cbr, hybrid; holdout evaluation, index with signals) ...");
    DefaultEngine e = Engines.openForTraining(config);
    ModelManifest m;
    try (CliProgress progress = common.progress(config, "   ", new PrintWriter(System.err, true), STAGE_LINE_SECONDS,
        STAGE_LINES)) {
      m = e.retrainNow(false, progress);
    } catch (RuntimeException ex) {
      e.close();
      throw ex;
    }
    Map<String, Long> ms = m.timingsMs();
    out.printf(Locale.ROOT, "   trained %s in %.1f s (tune %.1f s, holdout evaluation %.1f s, training %.1f s)%n",
        m.version(), seconds(ms, "total"), seconds(ms, "tune"), seconds(ms, "evaluate"), seconds(ms, "train"));
    return e;
  }

  private void showcase(DefaultEngine engine, Dataset data) {
    pickRich(data).ifPresent(u -> show(engine, data, u, "a learner with a rich history"));
    data.learners().stream().filter(l -> { int n = data.eventsOf(l.id()).size(); return n >= 2 && n <= 4; })
        .findFirst().ifPresent(l -> show(engine, data, l.id(), "a learner with a short history"));
    data.learners().stream().filter(l -> !l.interests().isEmpty()).findFirst().ifPresent(l ->
        show(engine, data, "newcomer", l.interests(), "a new learner who only declared interests " + l.interests()));
    String u = pickRich(data).orElse(null);
    String text = data.course(0).skills().isEmpty() ? "data" : data.course(0).skills().get(0);
    SearchResult s = engine.search(new SearchQuery(text, u, CourseFilter.NONE, 5, 0));
    out.printf(Locale.ROOT, "%n== search \"%s\" for %s (%s, %d matches)%n", text, u, s.personalised() ? "personalised" : "BM25",
        s.totalHits());
    for (RankedCourse c : s.items()) out.printf(Locale.ROOT, "   %2d. %-10s %.3f  %s%n", c.rank(), c.courseId(), c.score(), c.title());
    String course = data.course(0).id();
    out.printf(Locale.ROOT, "%n== courses similar to %s (%s)%n", course, data.course(0).title());
    for (RankedCourse c : engine.similar(course, 5)) {
      out.printf(Locale.ROOT, "   %2d. %-10s %.3f  %s%n", c.rank(), c.courseId(), c.score(), c.title());
    }
  }

  /** The holdout metrics, five to a line. */
  private void printMetrics(Map<String, Double> metrics) {
    List<Map.Entry<String, Double>> sorted = metrics.entrySet().stream().filter(e -> !e.getKey().equals("test_users"))
        .sorted(Map.Entry.comparingByKey()).toList();
    for (int i = 0; i < sorted.size(); i += 5) {
      StringBuilder line = new StringBuilder(i == 0 ? "   holdout" : "          ");
      for (Map.Entry<String, Double> e : sorted.subList(i, Math.min(sorted.size(), i + 5))) {
        line.append(String.format(Locale.ROOT, "  %-12s %.4f", e.getKey(), e.getValue()));
      }
      out.println(line);
    }
  }

  private static double seconds(Map<String, Long> timingsMs, String stage) {
    return timingsMs.getOrDefault(stage, 0L) / 1000.0;
  }

  private static Optional<String> pickRich(Dataset data) {
    return data.learners().stream().max(Comparator.comparingInt((Learner l) -> data.eventsOf(l.id()).size())
        .thenComparing(Learner::id, Comparator.reverseOrder())).map(Learner::id);
  }

  private void show(DefaultEngine engine, Dataset data, String user, String who) {
    show(engine, data, user, List.of(), who);
  }

  private void show(DefaultEngine engine, Dataset data, String user, List<String> interests, String who) {
    List<Interaction> h = data.eventsOf(user);
    RecommendResult r = engine.recommend(new RecommendQuery(user, 5, 0, CourseFilter.NONE, "hybrid", true, interests));
    out.printf(Locale.ROOT, "%n== %s: %s, %d events, segment %s, strategy %s%n", who, user, h.size(), r.segment(), r.strategy());
    for (RankedCourse c : r.items()) {
      out.printf(Locale.ROOT, "   %2d. %-10s score %.3f  confidence %.2f  %s%n", c.rank(), c.courseId(), c.score(),
          c.confidence(), c.title());
      StringBuilder shares = new StringBuilder();
      c.signals().entrySet().stream().filter(e -> e.getValue() >= 0.005)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(e -> shares.append(String.format(Locale.ROOT, " %s %.0f%%", e.getKey(), 100 * e.getValue())));
      out.println("       signals:" + shares);
      for (Evidence e : c.evidence().stream().limit(REASONS).toList()) out.println("       - " + e.text() + " [" + e.signal() + "]");
    }
  }
}
