package io.courserec.gen;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Course;
import io.courserec.catalog.CsvWriter;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a realistic, deterministic data set: {@code courses.csv}, {@code users.csv} and {@code interactions.csv}
 * in the canonical format, written by the catalog package's {@link CsvWriter} (so {@link CatalogLoader} reads them back).
 *
 * <p>The model, in short (docs/generator.md has the full account): a catalog of subjects, tracks and
 * beginner -> advanced chains ({@link CourseSynthesizer}) or a given catalog ({@link CatalogAdapter}); learners with
 * latent tastes and a noisy declared profile ({@link LearnerSynthesizer}); and a behaviour simulation that draws
 * courses with probability proportional to {@code popularity^a x exp(fit)} under readiness gates and turns each pick
 * into a view -> bookmark -> enroll -> complete -> rate funnel, or a dismissal ({@link BehaviourSimulator}). The
 * settings' {@link GeneratorRegime}s change that model (weaker popularity, follow-up sequences, enrolment-only or
 * ratings-only logs); the log's shape ({@link LogStatistics}) is measured while the learners are written; without
 * the prerequisite column the true edges go to {@value #PREREQUISITES_TRUTH}.
 *
 * <p>Same settings, same bytes: learner i draws only from its own random stream (seed, i), blocks of learners are
 * simulated in parallel and written in learner order. Interactions are streamed: memory holds the catalog and a few
 * blocks of learners, never the whole event log. Files are written under temporary names and renamed at the end,
 * so a failed run leaves no half-written data set behind. {@code interactions.csv} is grouped by learner (in
 * {@code users.csv} order) and chronological within a learner.
 */
public final class DataGenerator {
  private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);
  private static final int BLOCK = 1000;
  /** File names of the learner and event files. */
  public static final String USERS = "users.csv";
  public static final String INTERACTIONS = "interactions.csv";
  /** File of the true prerequisite edges, written instead of the column when the settings drop it. */
  public static final String PREREQUISITES_TRUTH = "prerequisites-truth.csv";

  private final GeneratorSettings settings;
  private final BehaviourModel model;

  /** A generator of the settings' regimes ({@link GeneratorRegime#model}; the standard model when none). */
  public DataGenerator(GeneratorSettings settings) {
    this(settings, GeneratorRegime.model(settings.regimes()));
  }

  public DataGenerator(GeneratorSettings settings, BehaviourModel model) {
    this.settings = settings;
    this.model = model;
  }

  /** Generates a synthetic catalog of {@code settings.numCourses()} courses and its learners into {@code out}. */
  public GenerationSummary generate(Path out, ProgressListener progress) throws IOException {
    SyntheticCatalog catalog = CourseSynthesizer.synthesize(Vocabulary.standard(), settings.numCourses(),
        settings.seed(), settings.windowStart(), settings.windowEnd());
    return write(catalog, out, progress);
  }

  /**
   * Generates learners and interactions for a given (cleaned) catalog, written back to {@code out/courses.csv} in
   * canonical form.
   */
  public GenerationSummary generate(List<Course> courses, Path out, ProgressListener progress) throws IOException {
    SyntheticCatalog catalog = CatalogAdapter.adopt(courses, settings.seed(), settings.windowStart(), settings.windowEnd());
    return write(catalog, out, progress);
  }

  /** The synthetic catalog the given settings produce, without writing anything (for tests and tools). */
  public SyntheticCatalog synthesizeCatalog() {
    return CourseSynthesizer.synthesize(Vocabulary.standard(), settings.numCourses(), settings.seed(),
        settings.windowStart(), settings.windowEnd());
  }

  private GenerationSummary write(SyntheticCatalog catalog, Path out, ProgressListener progress) throws IOException {
    long t0 = System.nanoTime();
    Files.createDirectories(out);
    Path coursesTmp = out.resolve(CatalogLoader.COURSES + ".tmp");
    Path usersTmp = out.resolve(USERS + ".tmp");
    Path eventsTmp = out.resolve(INTERACTIONS + ".tmp");
    Path truthTmp = out.resolve(PREREQUISITES_TRUTH + ".tmp");
    try {
      if (settings.prerequisiteColumn()) {
        CsvWriter.writeCourses(coursesTmp, catalog.courses());
      } else {
        Map<String, String> titles = new HashMap<>();
        for (Course c : catalog.courses()) titles.put(c.id(), c.title());
        CsvWriter.writeCourses(coursesTmp, catalog.courses().stream().map(c -> withoutPrerequisites(c, titles)).toList());
        PrerequisiteTruth.write(truthTmp, catalog.courses());
      }
      long[] totals = new long[EventType.values().length + 2]; // per type, then interactions, cold-start users
      LogStatistics.Accumulator stats = new LogStatistics.Accumulator(catalog.numCourses());
      try (CsvWriter users = CsvWriter.openUsers(usersTmp); CsvWriter events = CsvWriter.openInteractions(eventsTmp)) {
        writeLearners(catalog, users, events, totals, stats, progress);
      }
      Files.move(coursesTmp, out.resolve(CatalogLoader.COURSES), StandardCopyOption.REPLACE_EXISTING);
      Files.move(usersTmp, out.resolve(USERS), StandardCopyOption.REPLACE_EXISTING);
      Files.move(eventsTmp, out.resolve(INTERACTIONS), StandardCopyOption.REPLACE_EXISTING);
      if (settings.prerequisiteColumn()) {
        Files.deleteIfExists(out.resolve(PREREQUISITES_TRUTH)); // a stale truth file would contradict the column
      } else {
        Files.move(truthTmp, out.resolve(PREREQUISITES_TRUTH), StandardCopyOption.REPLACE_EXISTING);
      }
      Map<EventType, Long> byType = new EnumMap<>(EventType.class);
      for (EventType t : EventType.values()) byType.put(t, totals[t.ordinal()]);
      int n = EventType.values().length;
      GenerationSummary summary = new GenerationSummary(catalog.numCourses(), settings.numUsers(), (int) totals[n + 1],
          totals[n], byType, (System.nanoTime() - t0) / 1_000_000, stats.result());
      log.info("generated {} into {}", summary.describe(), out);
      return summary;
    } finally {
      Files.deleteIfExists(coursesTmp);
      Files.deleteIfExists(usersTmp);
      Files.deleteIfExists(eventsTmp);
      Files.deleteIfExists(truthTmp);
    }
  }

  /**
   * The course without its prerequisites, and without the description's sentence that names the first one ("It
   * continues where T left off.", see {@link CourseTextWriter}), which would give the hidden edge away.
   */
  private static Course withoutPrerequisites(Course c, Map<String, String> titles) {
    String description = c.description();
    if (!c.prerequisites().isEmpty() && titles.containsKey(c.prerequisites().get(0))) {
      description = description.replace(" It continues where " + titles.get(c.prerequisites().get(0)) + " left off.", "");
    }
    return new Course(c.id(), c.title(), description, c.skills(), c.organization(), c.level(), c.subject(),
        c.language(), c.durationHours(), c.durationText(), c.rating(), c.numRatings(), c.url(), List.of());
  }

  /**
   * One block of learners with their events (in learner order, chronological per learner), counts, and per learner
   * the course ordinals and types of its events (for the statistics).
   */
  private record Block(List<Learner> learners, List<Interaction> interactions, long[] counts, int[][] courses,
                       EventType[][] types) {}

  private void writeLearners(SyntheticCatalog catalog, CsvWriter users, CsvWriter events, long[] totals,
                             LogStatistics.Accumulator stats, ProgressListener progress) throws IOException {
    int total = settings.numUsers();
    int blocks = (total + BLOCK - 1) / BLOCK;
    int width = Math.max(5, String.valueOf(total).length());
    LearnerSynthesizer learners = new LearnerSynthesizer(catalog, model, settings.eventsPerUser());
    FollowUps followUps = model.sequenceShare() > 0 ? FollowUps.build(catalog, settings.seed()) : null;
    PopularityPrior popularity = PopularityPrior.of(catalog, model.popularitySpread());
    ThreadLocal<BehaviourSimulator> simulators = ThreadLocal.withInitial(() -> new BehaviourSimulator(catalog, model,
        popularity, followUps, settings.windowStart().getEpochSecond(), settings.windowEnd().getEpochSecond()));
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "generator");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<Block>> inFlight = new ArrayDeque<>();
      int next = 0;
      int done = 0;
      while (done < blocks) {
        while (next < blocks && inFlight.size() < 2 * settings.threads()) {
          int b = next++;
          inFlight.add(pool.submit(() -> simulateBlock(b, width, catalog, learners, simulators.get())));
        }
        Block block = await(inFlight.removeFirst());
        for (Learner l : block.learners()) users.write(l);
        for (Interaction e : block.interactions()) events.write(e);
        for (int i = 0; i < totals.length; i++) totals[i] += block.counts()[i];
        for (int i = 0; i < block.courses().length; i++) stats.addLearner(block.courses()[i], block.types()[i]);
        done++;
        progress.progress(Math.min(total, done * BLOCK), total, totals[EventType.values().length]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Block await(Future<Block> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("generation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  private Block simulateBlock(int block, int width, SyntheticCatalog catalog, LearnerSynthesizer synthesizer,
                              BehaviourSimulator simulator) {
    int n = EventType.values().length;
    long[] counts = new long[n + 2];
    int from = block * BLOCK;
    int to = Math.min(settings.numUsers(), from + BLOCK);
    List<Learner> learners = new ArrayList<>(to - from);
    List<Interaction> interactions = new ArrayList<>((int) ((to - from) * settings.eventsPerUser()));
    int[][] courses = new int[to - from][];
    EventType[][] types = new EventType[to - from][];
    for (int i = from; i < to; i++) {
      SplittableRandom rng = SeedStreams.stream(settings.seed(), SeedStreams.LEARNER, i);
      boolean cold = Draws.chance(rng, settings.coldStartShare());
      String id = "U" + "0".repeat(width - String.valueOf(i + 1).length()) + (i + 1);
      LearnerSynthesizer.SyntheticLearner learner = synthesizer.draw(id, cold, rng);
      learners.add(learner.learner());
      List<BehaviourSimulator.SimulatedEvent> evs = simulator.simulate(learner.taste(), rng);
      courses[i - from] = new int[evs.size()];
      types[i - from] = new EventType[evs.size()];
      for (int k = 0; k < evs.size(); k++) {
        courses[i - from][k] = evs.get(k).course();
        types[i - from][k] = evs.get(k).type();
      }
      for (BehaviourSimulator.SimulatedEvent e : evs) {
        interactions.add(new Interaction(id, catalog.courses().get(e.course()).id(), e.type(),
            e.type() == EventType.RATE ? Double.valueOf(e.rating()) : null, Instant.ofEpochSecond(e.epochSecond())));
        counts[e.type().ordinal()]++;
      }
      counts[n] += evs.size();
      if (evs.size() <= 2) counts[n + 1]++;
    }
    return new Block(learners, interactions, counts, courses, types);
  }
}
