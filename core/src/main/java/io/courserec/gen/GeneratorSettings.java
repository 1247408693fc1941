package io.courserec.gen;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;

/**
 * What to generate. {@code numCourses} is ignored when a catalog is given. {@code eventsPerUser} is the target
 * mean number of events of a non-cold-start learner (the realised mean is reported, usually within a few percent).
 * Timestamps fall in [{@code windowStart}, {@code windowEnd}); the default window is the 18 months from July 2023.
 * {@code threads} changes speed only: output is byte-identical for any thread count. {@code regimes} are the
 * {@link GeneratorRegime}s applied to the behaviour model (empty: the default). With {@code prerequisiteColumn}
 * false the behaviour still follows the prerequisite chains, but {@code courses.csv} leaves the column empty and the
 * true chains go to {@code prerequisites-truth.csv}.
 */
public record GeneratorSettings(int numCourses, int numUsers, long seed, double eventsPerUser, double coldStartShare,
                                Instant windowStart, Instant windowEnd, int threads, Set<GeneratorRegime> regimes,
                                boolean prerequisiteColumn) {

  public static final Instant DEFAULT_START = Instant.parse("2023-07-01T00:00:00Z");
  public static final Instant DEFAULT_END = Instant.parse("2025-01-01T00:00:00Z");

  public GeneratorSettings {
    if (numCourses < 10 || numCourses > 1_000_000) {
      throw new IllegalArgumentException("courses must be in [10, 1000000], got " + numCourses);
    }
    if (numUsers < 1 || numUsers > 50_000_000) {
      throw new IllegalArgumentException("users must be in [1, 50000000], got " + numUsers);
    }
    if (!(eventsPerUser >= 3 && eventsPerUser <= 1000)) {
      throw new IllegalArgumentException("events per user must be in [3, 1000], got " + eventsPerUser);
    }
    if (!(coldStartShare >= 0 && coldStartShare <= 1)) {
      throw new IllegalArgumentException("cold-start share must be in [0, 1], got " + coldStartShare);
    }
    if (!windowStart.isBefore(windowEnd.minusSeconds(180L * 86400))) {
      throw new IllegalArgumentException("time window must span at least 180 days, got " + windowStart + " .. " + windowEnd);
    }
    if (threads < 1 || threads > 256) throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
    regimes = Collections.unmodifiableSet(GeneratorRegime.combine(regimes)); // enum order, whatever the input
  }

  /** Settings of the default regime, with the prerequisite column written. */
  public GeneratorSettings(int numCourses, int numUsers, long seed, double eventsPerUser, double coldStartShare,
                           Instant windowStart, Instant windowEnd, int threads) {
    this(numCourses, numUsers, seed, eventsPerUser, coldStartShare, windowStart, windowEnd, threads, Set.of(), true);
  }

  /** Defaults: 2,000 courses, 10,000 users, 22 events per warm user (about 19.5 per user overall), 12% cold-start users. */
  public static GeneratorSettings defaults(long seed) {
    return new GeneratorSettings(2000, 10_000, seed, 22, 0.12, DEFAULT_START, DEFAULT_END,
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), Set.of(), true);
  }

  public GeneratorSettings withCourses(int n) {
    return new GeneratorSettings(n, numUsers, seed, eventsPerUser, coldStartShare, windowStart, windowEnd, threads, regimes,
        prerequisiteColumn);
  }

  public GeneratorSettings withUsers(int n) {
    return new GeneratorSettings(numCourses, n, seed, eventsPerUser, coldStartShare, windowStart, windowEnd, threads, regimes,
        prerequisiteColumn);
  }

  public GeneratorSettings withEventsPerUser(double e) {
    return new GeneratorSettings(numCourses, numUsers, seed, e, coldStartShare, windowStart, windowEnd, threads, regimes,
        prerequisiteColumn);
  }

  public GeneratorSettings withColdStartShare(double s) {
    return new GeneratorSettings(numCourses, numUsers, seed, eventsPerUser, s, windowStart, windowEnd, threads, regimes,
        prerequisiteColumn);
  }

  public GeneratorSettings withThreads(int t) {
    return new GeneratorSettings(numCourses, numUsers, seed, eventsPerUser, coldStartShare, windowStart, windowEnd, t, regimes,
        prerequisiteColumn);
  }

  /**
   * These settings with the given regimes (checked by {@link GeneratorRegime#combine}) and the regimes' own events
   * per user and cold-start share where they set one; override those afterwards with the other withers.
   */
  public GeneratorSettings withRegimes(Collection<GeneratorRegime> r) {
    Set<GeneratorRegime> set = GeneratorRegime.combine(r);
    double events = eventsPerUser;
    double cold = coldStartShare;
    for (GeneratorRegime g : set) {
      if (!Double.isNaN(g.eventsPerUser())) events = g.eventsPerUser();
      if (!Double.isNaN(g.coldStartShare())) cold = g.coldStartShare();
    }
    return new GeneratorSettings(numCourses, numUsers, seed, events, cold, windowStart, windowEnd, threads,
        set, prerequisiteColumn);
  }

  /** These settings with the prerequisite column written ({@code true}) or left empty with a truth file. */
  public GeneratorSettings withPrerequisiteColumn(boolean write) {
    return new GeneratorSettings(numCourses, numUsers, seed, eventsPerUser, coldStartShare, windowStart, windowEnd,
        threads, regimes, write);
  }
}
