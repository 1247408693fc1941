package io.courserec.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key courserec reads, with its default, legal range and meaning. This enum is the single
 * source of truth; {@code config/courserec.properties} documents the same keys for operators and a test checks
 * that the two agree. Keys marked {@code modelShaping} feed {@link Config#modelHash()} so a model trained under
 * other settings is detected as stale.
 */
public enum ConfigKey {
  // --- paths -------------------------------------------------------------------------------------------------
  DATA_DIR("data.dir", Type.STRING, "data/sample", null, null, false, "Directory with courses.csv, users.csv, interactions.csv"),
  INDEX_DIR("index.dir", Type.STRING, "index", null, null, false, "Root directory of the Lucene index generations"),
  MODELS_DIR("models.dir", Type.STRING, "models", null, null, false, "Root directory of versioned model directories"),
  LOG_FILE("log.file", Type.STRING, "logs/courserec.log", null, null, false, "Log file of the CLI and the server (appended to); --verbose also shows the log on stderr"),

  // --- catalog cleaning ----------------------------------------------------------------------------------------
  ALIASES_FILE("catalog.aliases", Type.STRING, "config/aliases.txt", null, null, true, "Skill / organisation alias file (see its header)"),
  DEFAULT_LANGUAGE("catalog.default_language", Type.STRING, "", null, null, false, "Language code given to courses whose language is missing; empty leaves it unknown"),
  HOURS_PER_WEEK("catalog.duration.hours_per_week", Type.DOUBLE, "5", 0.5, 80.0, false, "Study hours per week assumed when a duration in weeks or months states no weekly effort"),
  REPORT_EXAMPLES("catalog.report.max_examples", Type.INT, "20", 0.0, 100000.0, false, "Example rows per file in the quality report (the first of each reason is always kept)"),

  // --- event weights (implicit feedback strength per event type) -----------------------------------------------
  WEIGHT_VIEW("events.weight.view", Type.DOUBLE, "1.0", -10.0, 10.0, true, "Weight of a view event"),
  WEIGHT_BOOKMARK("events.weight.bookmark", Type.DOUBLE, "2.0", -10.0, 10.0, true, "Weight of a bookmark event"),
  WEIGHT_ENROLL("events.weight.enroll", Type.DOUBLE, "3.0", -10.0, 10.0, true, "Weight of an enroll event"),
  WEIGHT_COMPLETE("events.weight.complete", Type.DOUBLE, "5.0", -10.0, 10.0, true, "Weight of a complete event"),
  WEIGHT_RATE("events.weight.rate", Type.DOUBLE, "1.5", 0.0, 10.0, true, "A rate event weighs (rating - events.rating_neutral) x this"),
  RATING_NEUTRAL("events.rating_neutral", Type.DOUBLE, "2.5", 1.0, 5.0, true, "Rating that counts as neither like nor dislike"),
  WEIGHT_DISMISS("events.weight.dismiss", Type.DOUBLE, "-5.0", -10.0, 0.0, true, "Weight of a dismiss event (negative)"),
  HALF_LIFE_DAYS("events.half_life_days", Type.DOUBLE, "0", 0.0, 36500.0, true, "Recency half-life for event weights in days; 0 turns decay off"),
  EXCLUDE_EVENTS("recommend.exclude_events", Type.STRING, "enroll,complete,rate", null, null, true, "Event types that mark a course as taken, so it is never recommended again (comma-separated codes of view, bookmark, enroll, complete, rate; a dismissed course is always excluded)"),

  // --- content-based (CBR) ------------------------------------------------------------------------------------
  CBR_W_SKILLS("cbr.weight.skills", Type.DOUBLE, "3.0", 0.0, 100.0, true, "Field weight of skills in the content profile score"),
  CBR_W_TITLE("cbr.weight.title", Type.DOUBLE, "2.0", 0.0, 100.0, true, "Field weight of the title"),
  CBR_W_DESCRIPTION("cbr.weight.description", Type.DOUBLE, "1.0", 0.0, 100.0, true, "Field weight of the description"),
  CBR_W_SUBJECT("cbr.weight.subject", Type.DOUBLE, "1.0", 0.0, 100.0, true, "Field weight of the subject"),
  CBR_W_LEVEL("cbr.weight.level_match", Type.DOUBLE, "0.5", 0.0, 100.0, true, "Bonus weight when the course level suits the learner"),
  CBR_PROFILE_TERMS("cbr.profile_terms", Type.INT, "40", 1.0, 1024.0, true, "Top terms of a learner profile used in the retrieval query"),
  CBR_W_GOAL("cbr.weight.goal", Type.DOUBLE, "4.0", 0.0, 100.0, true, "Profile weight of one declared goal skill (a completed course weighs events.weight.complete)"),
  CBR_W_INTEREST("cbr.weight.interest", Type.DOUBLE, "2.0", 0.0, 100.0, true, "Profile weight of one declared interest"),
  CBR_CANDIDATES("cbr.candidates", Type.INT, "300", 10.0, 100000.0, false, "Courses retrieved through Lucene and re-scored exactly per request (at least k + offset)"),
  CBR_RETRIEVAL("cbr.retrieval", Type.STRING, "cosine", null, null, false, "How the profile's top terms retrieve the courses that are then scored exactly: bm25 (a Lucene BM25 query) | cosine (the top terms' share of the exact content score, from in-memory postings of the case vectors)"),

  // --- collaborative filtering --------------------------------------------------------------------------------
  ITEMKNN_NEIGHBORS("cf.item.neighbors", Type.INT, "50", 1.0, 1000.0, true, "Neighbours kept per course (item-kNN)"),
  ITEMKNN_SHRINK("cf.item.shrinkage", Type.DOUBLE, "10", 0.0, 10000.0, true, "Shrinkage: sim x n/(n+shrinkage), n = co-raters"),
  ITEMKNN_SIMILARITY("cf.item.similarity", Type.STRING, "cosine", null, null, true, "cosine | adjusted_cosine"),
  USERKNN_NEIGHBORS("cf.user.neighbors", Type.INT, "50", 1.0, 1000.0, true, "Neighbours per user (user-kNN)"),
  USERKNN_SHRINK("cf.user.shrinkage", Type.DOUBLE, "10", 0.0, 10000.0, true, "Shrinkage for user similarities"),
  USERKNN_MAX_POSTINGS("cf.user.max_postings", Type.INT, "50000", 0.0, 1.0e9, false, "user-kNN neighbour search budget: the learner's courses are walked rarest first until this many co-rater entries were visited (0 = every course; see docs/cf-mf.md)"),
  USERKNN_SIMILARITY("cf.user.similarity", Type.STRING, "cosine", null, null, true, "cosine | pearson"),
  EASE_LAMBDA("cf.ease.lambda", Type.DOUBLE, "100", 0.001, 1.0E7, true, "EASE L2 penalty lambda in P = (X'X + lambda I)^-1 (X binary); a starting value, fitted per data set by tuning"),
  EASE_NEIGHBORS("cf.ease.neighbors", Type.INT, "100", 1.0, 1000.0, true, "EASE: largest positive weights B(j,i) kept per course"),
  EASE_INPUT("cf.ease.input", Type.STRING, "binary", null, null, true, "EASE matrix X: binary (1 for positive feedback, as in the paper) | weighted (the summed event weight where positive)"),
  EASE_MAX_COURSES("cf.ease.max_courses", Type.INT, "5000", 0.0, 40000.0, true, "EASE is dense O(n^3) in the course count: above this many courses it is off (logged)"),
  SEQ_WINDOW("cf.seq.window", Type.INT, "3", 1.0, 100.0, true, "Sequence signal: a course counts as a successor of the w courses before it, weighted 1/distance"),
  SEQ_NEIGHBORS("cf.seq.neighbors", Type.INT, "50", 1.0, 1000.0, true, "Sequence signal: strongest successors kept per course"),
  SEQ_SHRINKAGE("cf.seq.shrinkage", Type.DOUBLE, "5", 0.0, 10000.0, true, "Sequence signal: s(X->Y) = C(X->Y) / (C(X) + shrinkage)"),
  SEQ_DECAY("cf.seq.decay", Type.DOUBLE, "0.5", 0.0, 1.0, false, "Sequence signal: weight decay^r of the r-th most recent positive course (r = 0 most recent)"),
  RECENT_MODE("cf.recent.mode", Type.STRING, "position", null, null, false, "itemknn-recent: position (decay^steps back) | time (half-life from the learner's newest event)"),
  RECENT_DECAY("cf.recent.decay", Type.DOUBLE, "0.7", 0.0, 1.0, false, "itemknn-recent, position mode: weight decay^r of the r-th most recent history course"),
  RECENT_HALF_LIFE_DAYS("cf.recent.half_life_days", Type.DOUBLE, "30", 0.001, 36500.0, false, "itemknn-recent, time mode: half-life in days, measured back from the learner's newest event"),

  // --- matrix factorisation -----------------------------------------------------------------------------------
  MF_METHOD("mf.method", Type.STRING, "als", null, null, true, "als (implicit ALS, Hu et al. 2008) | puresvd"),
  MF_RANK("mf.rank", Type.INT, "16", 1.0, 1024.0, true, "Number of latent factors"),
  MF_ITERATIONS("mf.iterations", Type.INT, "15", 1.0, 200.0, true, "ALS sweeps"),
  MF_REG("mf.regularization", Type.DOUBLE, "1", 0.0, 1000.0, true, "L2 regularisation lambda"),
  MF_ALPHA("mf.alpha", Type.DOUBLE, "2", 0.0, 10000.0, true, "ALS confidence scale: c = 1 + alpha x |weight|"),
  MF_THREADS("mf.threads", Type.INT, "0", 0.0, 256.0, false, "Training threads (item-kNN, ALS, PureSVD); 0 = all cores"),
  MF_SVD_OVERSAMPLING("mf.svd.oversampling", Type.INT, "10", 0.0, 1000.0, true, "PureSVD: extra random directions beyond mf.rank in the randomized SVD"),
  MF_SVD_POWER("mf.svd.power_iterations", Type.INT, "3", 0.0, 50.0, true, "PureSVD: subspace (power) iterations of the randomized SVD"),
  MF_REG_SCALING("mf.regularization_scaling", Type.STRING, "none", null, null, true, "ALS: none (lambda for every row) | count (ALS-WR: lambda x the row's nonzero count, as Spark MLlib)"),
  MF_SOLVER("mf.solver", Type.STRING, "cholesky", null, null, true, "ALS row solves: cholesky (exact) | cg (warm-started conjugate gradient where cheaper, Takacs et al. 2011)"),
  MF_CG_STEPS("mf.cg_steps", Type.INT, "3", 1.0, 100.0, true, "ALS with mf.solver=cg: conjugate-gradient steps per row solve"),

  // --- randomness ---------------------------------------------------------------------------------------------
  SEED("seed", Type.LONG, "42", 0.0, 9.0E18, true, "Seed for every random choice (training, splits, generator)"),

  // --- hybrid -------------------------------------------------------------------------------------------------
  HYBRID_MODE("hybrid.mode", Type.STRING, "blend", null, null, true, "blend (weighted signals) | switch (one algorithm chosen by rules)"),
  HYBRID_WARM_MIN("hybrid.segment.warm_min_events", Type.INT, "3", 1.0, 1000.0, true, "Fewest positive courses for the warm segment; below it a learner is cold (0 to 2 courses by default: tuned on learners cut to their first courses)"),
  HYBRID_RICH_MIN("hybrid.segment.rich_min_events", Type.INT, "8", 1.0, 10000.0, true, "Fewest positive events for the rich segment"),
  HYBRID_PRIOR_RATING("hybrid.prior.rating_share", Type.DOUBLE, "0.3", 0.0, 1.0, true, "Share of the rating prior in the prior signal (the rest is popularity); 0 makes the prior rank exactly as the pop algorithm"),
  HW_COLD_CONTENT("hybrid.cold.content", Type.DOUBLE, "0.300", 0.0, 10.0, true, "Cold segment weight of the content signal"),
  HW_COLD_PRIOR("hybrid.cold.prior", Type.DOUBLE, "0.500", 0.0, 10.0, true, "Cold segment weight of the popularity/rating prior"),
  HW_COLD_ITEMCF("hybrid.cold.itemcf", Type.DOUBLE, "0.200", 0.0, 10.0, true, "Cold segment weight of item-CF (learners below hybrid.segment.warm_min_events positive courses)"),
  HW_COLD_MF("hybrid.cold.mf", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Cold segment weight of MF (fold-in)"),
  HW_COLD_USERCF("hybrid.cold.usercf", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Cold segment weight of user-CF"),
  HW_COLD_RECENT("hybrid.cold.recent", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Cold segment weight of recency-weighted item-CF (itemknn-recent)"),
  HW_COLD_SEQ("hybrid.cold.seq", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Cold segment weight of the sequence signal (seq)"),
  HW_COLD_EASE("hybrid.cold.ease", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Cold segment weight of EASE"),
  HW_WARM_CONTENT("hybrid.warm.content", Type.DOUBLE, "0.273", 0.0, 10.0, true, "Warm segment weight of content"),
  HW_WARM_ITEMCF("hybrid.warm.itemcf", Type.DOUBLE, "0.152", 0.0, 10.0, true, "Warm segment weight of item-CF"),
  HW_WARM_USERCF("hybrid.warm.usercf", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Warm segment weight of user-CF"),
  HW_WARM_MF("hybrid.warm.mf", Type.DOUBLE, "0.027", 0.0, 10.0, true, "Warm segment weight of MF (fold-in)"),
  HW_WARM_PRIOR("hybrid.warm.prior", Type.DOUBLE, "0.548", 0.0, 10.0, true, "Warm segment weight of the prior"),
  HW_WARM_RECENT("hybrid.warm.recent", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Warm segment weight of recency-weighted item-CF (itemknn-recent)"),
  HW_WARM_SEQ("hybrid.warm.seq", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Warm segment weight of the sequence signal (seq)"),
  HW_WARM_EASE("hybrid.warm.ease", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Warm segment weight of EASE"),
  HW_RICH_CONTENT("hybrid.rich.content", Type.DOUBLE, "0.227", 0.0, 10.0, true, "Rich segment weight of content"),
  HW_RICH_ITEMCF("hybrid.rich.itemcf", Type.DOUBLE, "0.273", 0.0, 10.0, true, "Rich segment weight of item-CF"),
  HW_RICH_USERCF("hybrid.rich.usercf", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Rich segment weight of user-CF"),
  HW_RICH_MF("hybrid.rich.mf", Type.DOUBLE, "0.045", 0.0, 10.0, true, "Rich segment weight of MF"),
  HW_RICH_PRIOR("hybrid.rich.prior", Type.DOUBLE, "0.455", 0.0, 10.0, true, "Rich segment weight of the prior"),
  HW_RICH_RECENT("hybrid.rich.recent", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Rich segment weight of recency-weighted item-CF (itemknn-recent)"),
  HW_RICH_SEQ("hybrid.rich.seq", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Rich segment weight of the sequence signal (seq)"),
  HW_RICH_EASE("hybrid.rich.ease", Type.DOUBLE, "0.000", 0.0, 10.0, true, "Rich segment weight of EASE"),
  HYBRID_CONTENT_POOL("hybrid.content_pool", Type.INT, "200", 10.0, 100000.0, false, "Best profile matches scored exactly for the content signal per request; others score 0"),
  HYBRID_CANDIDATES("hybrid.candidates_per_signal", Type.INT, "300", 0.0, 1000000.0, false, "Candidates taken from each signal before scoring: its best this many eligible courses (MF, item-CF, the neighbour-list signals, user-CF) and as many top popular ones, plus the content pool; 0 scores every course"),
  HYBRID_MF_EXACT_MAX("hybrid.mf.exact_max_courses", Type.INT, "20000", 0.0, 1.0E9, false, "Up to this many courses the MF candidates are found by an exact dot product per course; above it by the HNSW vector search (approximate)"),
  HYBRID_SEARCH_PERSONAL("hybrid.search.personal_weight", Type.DOUBLE, "0.3", 0.0, 10.0, false, "Share of personal signals blended into catalog search"),
  MMR_LAMBDA("hybrid.mmr.lambda", Type.DOUBLE, "1.0", 0.0, 1.0, false, "MMR trade-off: 1 = pure relevance, 0 = pure diversity"),
  OVERSAMPLE("hybrid.oversample", Type.INT, "3", 1.0, 50.0, false, "Candidates fetched per requested item before re-ranking"),

  // --- evaluation ---------------------------------------------------------------------------------------------
  EVAL_K("eval.k", Type.INT, "10", 1.0, 1000.0, false, "Cut-off K for ranking metrics"),
  EVAL_HOLDOUT("eval.holdout_fraction", Type.DOUBLE, "0.2", 0.01, 0.9, false, "Share of each user's positive events held out (random split)"),
  EVAL_MIN_EVENTS("eval.min_user_events", Type.INT, "3", 1.0, 1000.0, false, "Users with fewer positive events are not evaluated"),
  EVAL_MAX_USERS("eval.max_users", Type.INT, "5000", 0.0, 10000000.0, false, "Evaluate at most this many test users (sampled with the seed); 0 = all"),
  EVAL_TEMPORAL_FRACTION("eval.temporal_test_fraction", Type.DOUBLE, "0.2", 0.01, 0.9, false, "Share of timed events after the global cut-off (temporal split)"),
  EVAL_LAST_N("eval.last_n", Type.INT, "2", 1.0, 100.0, false, "Latest positive courses held out per learner (user-temporal split)"),
  EVAL_COLD_FRACTION("eval.cold_start_fraction", Type.DOUBLE, "0.1", 0.001, 1.0, false, "Share of eligible learners whose history is hidden (cold-start split)"),
  EVAL_COLD_MAX_KEPT("eval.cold_start_max_kept", Type.INT, "2", 0.0, 10.0, false, "A cold-start learner keeps 0..this many of their earliest positive events"),
  EVAL_PERSONALISATION_USERS("eval.personalisation_users", Type.INT, "500", 2.0, 100000.0, false, "Learners sampled for the pairwise personalisation metric"),
  EVAL_CALIBRATION_BINS("eval.calibration_bins", Type.INT, "10", 1.0, 100.0, false, "Equal-width confidence bins of the reliability table"),
  EVAL_THREADS("eval.threads", Type.INT, "0", 0.0, 256.0, false, "Threads ranking test learners; 0 = all cores"),
  EVAL_PROGRESS_SECONDS("eval.progress_seconds", Type.INT, "5", 1.0, 3600.0, false, "Seconds between progress lines on stderr when it is not a terminal (every long command, not only evaluate)"),

  // --- server -------------------------------------------------------------------------------------------------
  SERVER_HOST("server.host", Type.STRING, "127.0.0.1", null, null, false, "Interface the HTTP server binds"),
  SERVER_PORT("server.port", Type.INT, "8080", 0.0, 65535.0, false, "HTTP port; 0 picks a free port"),
  SERVER_MAX_K("server.max_k", Type.INT, "100", 1.0, 10000.0, false, "Cap on k + offset per request"),
  SERVER_MAX_BODY("server.max_body_bytes", Type.INT, "1048576", 1024.0, 1.0E9, false, "Largest accepted request body (413 above)"),
  SERVER_MAX_BATCH("server.max_feedback_batch", Type.INT, "1000", 1.0, 1000000.0, false, "Most events in one POST /feedback"),
  ADMIN_TOKEN("server.admin_token", Type.STRING, "", null, null, false, "Bearer token for /admin; empty disables admin endpoints (403)"),
  CACHE_SIZE("server.cache.max_entries", Type.INT, "100000", 0.0, 1.0E8, false, "Deprecated: the cache is bounded by server.cache.max_bytes; only 0 still means something (caching off)"),
  CACHE_TTL("server.cache.ttl_seconds", Type.INT, "300", 1.0, 86400.0, false, "Lifetime of a cached response"),
  CACHE_BYTES("server.cache.max_bytes", Type.LONG, "67108864", 0.0, 1.0E12, false, "Recommendation cache bound in estimated bytes of the cached answers; 0 turns caching off"),
  FEEDBACK_RATE("server.feedback.rate_per_minute", Type.INT, "600", 0.0, 1.0E7, false, "Feedback events one learner may send per minute on average (token bucket); 0 = no limit"),
  FEEDBACK_BURST("server.feedback.burst", Type.INT, "1000", 1.0, 1.0E7, false, "Feedback events one learner may send at once before the rate applies (bucket size; at least one batch)"),
  STATUS_DEADLINE("server.status_deadline_ms", Type.INT, "5000", 100.0, 600000.0, false, "A store check older than this (hung or failing) makes /ready report the store down"),

  // --- feedback store and model lifecycle ---------------------------------------------------------------------
  STORE_URL("store.jdbc_url", Type.STRING, "jdbc:sqlite:data/feedback.db", null, null, false, "jdbc:sqlite:FILE (embedded) or jdbc:postgresql://host/db"),
  KEEP_VERSIONS("models.keep_versions", Type.INT, "5", 1.0, 1000.0, false, "Model versions kept on disk"),
  RETRAIN_INTERVAL("models.retrain_interval_minutes", Type.INT, "0", 0.0, 100000.0, false, "Periodic retraining in the server; 0 = off"),
  PROMOTE_MARGIN("models.promote_max_ndcg_drop", Type.DOUBLE, "0.02", 0.0, 1.0, false, "A new model whose holdout NDCG@10 is lower than the current by more than this is not promoted"),
  STORE_POOL_SIZE("store.pool_size", Type.INT, "8", 1.0, 1000.0, false, "Most reader connections to the feedback store (HikariCP pool; the writer has one more)"),
  STORE_CONNECT_TIMEOUT("store.connect_timeout_ms", Type.INT, "5000", 250.0, 600000.0, false, "Longest wait for a new store connection or a free pooled one"),
  STORE_STATEMENT_TIMEOUT("store.statement_timeout_ms", Type.INT, "30000", 1.0, 3600000.0, false, "Longest a PostgreSQL statement may run (statement_timeout; socket timeout 5 s above it)"),
  STORE_LOCK_TIMEOUT("store.lock_timeout_ms", Type.INT, "10000", 1.0, 3600000.0, false, "Longest wait for a lock (PostgreSQL lock_timeout, SQLite busy_timeout); then 503"),
  STORE_NOTIFY("store.notify_changes", Type.BOOLEAN, "true", null, null, false, "PostgreSQL: each append and erasure sends NOTIFY naming its learners, so every replica on the store drops their cached answers within milliseconds; false only for a lone server or to measure its cost"),
  MODELS_POLL("models.poll_interval_ms", Type.INT, "2000", 0.0, 3600000.0, false, "How often a server reads models.dir/CURRENT and swaps in a version another replica or the CLI promoted; 0 = never (a lone server)"),

  // --- index --------------------------------------------------------------------------------------------------
  INDEX_KEEP_GENERATIONS("index.keep_generations", Type.INT, "3", 1.0, 100.0, false, "Complete index generations kept on disk (the current one always stays)"),
  SEARCH_W_TITLE("index.search.weight.title", Type.DOUBLE, "3.0", 0.0, 100.0, false, "BM25 boost of the title in catalog search"),
  SEARCH_W_SKILLS("index.search.weight.skills", Type.DOUBLE, "2.0", 0.0, 100.0, false, "BM25 boost of the skill words in catalog search"),
  SEARCH_W_SKILL_EXACT("index.search.weight.skill_exact", Type.DOUBLE, "2.0", 0.0, 100.0, false, "Boost when the whole query equals one of the course's skills"),
  SEARCH_W_DESCRIPTION("index.search.weight.description", Type.DOUBLE, "1.0", 0.0, 100.0, false, "BM25 boost of the description in catalog search"),
  SEARCH_W_SUBJECT("index.search.weight.subject", Type.DOUBLE, "1.0", 0.0, 100.0, false, "BM25 boost of the subject in catalog search"),

  // --- api ----------------------------------------------------------------------------------------------------
  SERVER_STATUS_REFRESH("server.status_refresh_ms", Type.INT, "1000", 50.0, 600000.0, false, "How often the server re-reads the engine status (model version for the cache, gauges)"),
  API_TOKEN("server.api_token", Type.STRING, "", null, null, false, "Bearer token the learner endpoints require (401/403 without it); empty leaves them open to whoever reaches the port. /health, /ready, /metrics, /openapi.json stay open; /admin keeps server.admin_token"),
  CORS_ORIGINS("server.cors.allowed_origins", Type.STRING, "", null, null, false, "Comma-separated origins (https://app.example.org) whose browser pages may call the API, or * for any; empty: no CORS headers, cross-origin pages are refused"),
  LOG_ID_KEY("server.log_id_key", Type.STRING, "", null, null, false, "Secret (at least 32 characters) keying the HMAC-SHA256 that stands for learner ids in logs and in the erasure list; empty: a random key generated once into courserec-id.key next to the SQLite store (or in data.dir for PostgreSQL), mode 0600"),

  // --- engine -------------------------------------------------------------------------------------------------
  TRAIN_ON_START("models.train_on_start", Type.BOOLEAN, "true", null, null, false, "When no usable model exists at server start-up, train one in the background (the server answers 503 until it is ready)"),
  TRAIN_ENGINE("train.engine", Type.STRING, "inprocess", null, null, false, "Who trains the course-side artefacts (popularity, item-kNN and sequence lists, ALS item factors): inprocess | spark (the spark module, docs/spark.md); the version written is the same"),
  TRAIN_COURSE_SIDE("train.course_side_dir", Type.STRING, "", null, null, false, "Adopt course-side artefacts computed elsewhere (a spark-submit run of the Spark trainer writing courseside.json and its files there) instead of training them; empty = train them (train.engine)"),
  SPARK_MASTER("spark.master", Type.STRING, "local[*]", null, null, false, "train.engine=spark: the Spark master (local[N], local[*], spark://host:7077, yarn); the trainer runs as the driver in a child process"),
  SPARK_CLASSPATH("spark.classpath", Type.STRING, "", null, null, false, "train.engine=spark: the trainer's classpath; empty = spark/target/courserec-spark.jar plus spark/target/spark-classpath.txt under the installation (built by ./mvnw -pl spark -am package)"),
  SPARK_PARTITIONS("spark.partitions", Type.INT, "8", 1.0, 100000.0, false, "train.engine=spark: shuffle partitions and ALS blocks"),
  SPARK_TIMEOUT("spark.timeout_seconds", Type.INT, "21600", 1.0, 2592000.0, false, "train.engine=spark: the trainer process is stopped after this many seconds and the build fails (a hung job must not hold the retrain lock for ever)"),
  SPARK_JAVA_OPTS("spark.java_opts", Type.STRING, "-Xmx4g", null, null, false, "train.engine=spark: JVM options of the driver process (space-separated)"),
  TUNE_ENABLED("tune.enabled", Type.BOOLEAN, "true", null, null, false, "Whether train and retrain fit hyper-parameters and blend weights to the data on an inner validation split (train --no-tune keeps the configured values)"),
  TUNE_BUDGET("tune.budget_seconds", Type.INT, "600", 10.0, 86400.0, false, "Time budget of tuning in seconds: a stage starts only while time remains, the blend weights are always fitted"),
  TUNE_SPLIT("tune.split", Type.STRING, "auto", null, null, false, "Inner validation split: auto (leave-last-out by time when most events have timestamps, else random) | leave-last-out | random"),
  TUNE_MAX_USERS("tune.max_users", Type.INT, "2000", 50.0, 1000000.0, false, "Validation learners scored per trial (sampled with the seed)"),
  TUNE_CANDIDATES("tune.candidates_per_signal", Type.INT, "50", 10.0, 1000.0, false, "Best courses of each signal kept per validation learner when the blend weights are searched in memory"),
  TUNE_BLEND_MIN_Z("tune.blend_min_z", Type.DOUBLE, "1.645", 0.0, 10.0, false, "A tuned blend replaces the best of its start points (the configured blend and each signal alone) only when its per-learner validation gain has at least this z statistic (mean / standard error; 1.645 = one-sided 5 %; 0 = always take the best blend)"),
  TUNE_BLEND_PRUNE_MIN_Z("tune.blend_prune_min_z", Type.DOUBLE, "0", 0.0, 10.0, false, "After the blend guard, a signal (other than the prior) stays in a segment's tuned blend only while dropping it costs at least this z statistic of per-learner validation score (backward elimination, weakest first); every signal in a blend is computed on every request of the segment (0 = keep every weight the search found)"),
  TUNE_BLEND_PRUNE_MAX_LOSS("tune.blend_prune_max_loss", Type.DOUBLE, "0.01", 0.0, 1.0, false, "Pruning stops before the drops together would take a segment's tuned blend more than this share of its validation score below what it was before pruning (0.01 = 1 %; 1 = no bound)"),
  TUNE_W_DIVERSITY("tune.weight.diversity", Type.DOUBLE, "0", 0.0, 10.0, false, "Objective of tuning: NDCG@10 + this x intra-list diversity (0 = accuracy only)"),
  TUNE_W_NOVELTY("tune.weight.novelty", Type.DOUBLE, "0", 0.0, 10.0, false, "Objective of tuning: + this x novelty in bits / 10 (0 = accuracy only)"),
  MAX_RECENT_EVENTS("recommend.max_recent_events", Type.INT, "500", 1.0, 1000000.0, false, "Most recent stored events per learner read for one recommendation (exclusions still use every taken or dismissed course)"),
  MAX_CONCURRENT("recommend.max_concurrent", Type.INT, "0", 0.0, 4096.0, false, "Most answers computed at once (recommend, search, explain, similar, paths); further requests wait in arrival order (0 = the number of processors)"),

  // --- learning paths (skills, prerequisite graph, paths) -------------------------------------------------------
  LEARN_CREDIT_ENROLLED("learning.credit.enrolled", Type.DOUBLE, "0.5", 0.0, 1.0, false, "Skill credit a learner gets from a course they enrolled in but have not completed (a completed course gives 1)"),
  LEARN_CREDIT_RATED("learning.credit.rated", Type.DOUBLE, "1.0", 0.0, 1.0, false, "Skill credit from a course the learner rated but did not complete (a rating means the course was taken)"),
  LEARN_EARNED_AT("learning.skill.earned_at", Type.DOUBLE, "1.0", 0.01, 1.0, false, "Credit at which a skill counts as earned; a goal skill below it is in the learner's gap"),
  LEARN_GRAPH_SOURCE("learning.graph.source", Type.STRING, "auto", null, null, true, "Prerequisite edges: auto (the catalog's prerequisites column when any course has one, else inferred) | given | inferred"),
  LEARN_INFER_MIN_CONFIDENCE("learning.infer.min_confidence", Type.DOUBLE, "0.65", 0.0, 1.0, true, "Content-only prerequisite edges (levels, skills, provider) below this score are dropped"),
  LEARN_INFER_MIN_SUPPORT("learning.infer.min_support", Type.INT, "2", 1.0, 1000000.0, true, "Learners who completed a course before taking another needed before the pair is tested as a prerequisite edge"),
  LEARN_INFER_FDR("learning.infer.fdr", Type.DOUBLE, "0.01", 1.0E-9, 0.5, true, "False discovery rate of the log's prerequisite test (Benjamini-Hochberg over every tested course pair)"),
  LEARN_INFER_CONTENT_AGREEMENT("learning.infer.content_agreement", Type.DOUBLE, "0.8", 0.0, 1.0, true, "Content-only prerequisite edges are added only at a margin where content agrees with the log's edges at least this often"),
  LEARN_PATH_MAX_COURSES("learning.path.max_courses", Type.INT, "8", 1.0, 100.0, false, "Default number of steps of a learning path when the request sets no max_courses"),
  LEARN_PATH_RANKED("learning.path.ranked", Type.INT, "100", 10.0, 100000.0, false, "Best hybrid-ranked courses a path planner reads for the learner's preferences and confidences (others count as unranked)"),
  LEARN_PREREQ_PENALTY("learning.prerequisite_penalty", Type.DOUBLE, "0.1", 0.0, 1.0, false, "Share of the blended score a course loses when the learner has not taken its prerequisites (0 = marked only, 1 = score 0; default chosen by validation, docs/learning.md)");

  /** Value types; each has its own parser and range check. */
  public enum Type { STRING, INT, LONG, DOUBLE, BOOLEAN }

  private final String key;
  private final Type type;
  private final String defaultValue;
  private final Double min;
  private final Double max;
  private final boolean modelShaping;
  private final String doc;

  ConfigKey(String key, Type type, String defaultValue, Double min, Double max, boolean modelShaping, String doc) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.modelShaping = modelShaping;
    this.doc = doc;
  }

  public String key() { return key; }
  public Type type() { return type; }
  public String defaultValue() { return defaultValue; }
  public Double min() { return min; }
  public Double max() { return max; }
  public boolean modelShaping() { return modelShaping; }
  public String doc() { return doc; }

  /** Environment variable overriding this key: {@code COURSEREC_} + key upper-cased with dots as underscores. */
  public String envName() { return "COURSEREC_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'); }

  public static Optional<ConfigKey> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  public static List<ConfigKey> all() { return List.of(values()); }
}
