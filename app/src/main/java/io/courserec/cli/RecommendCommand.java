package io.courserec.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.engine.DefaultEngine;
import io.courserec.engine.Engines;
import io.courserec.engine.RecommendQuery;
import io.courserec.progress.Counter;
import io.courserec.engine.RecommendResult;
import io.courserec.rec.UnknownEntityException;
import io.courserec.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courserec recommend --user ID | --users FILE [--algorithm NAME] [--k 10] [--offset 0] [--explain]
 * [--interests A|B] [--format table|json|csv] [--out FILE] [--threads N]}: answers from the saved model (the version
 * {@code models/CURRENT} names, or the newest good one), through the same engine the server uses, including
 * feedback stored since training. No model: a one-line error telling to run {@code train}.
 *
 * <p>{@code --users FILE}: one id per line (blank lines and {@code #} comments skipped), or a CSV whose header has
 * a {@code user_id} column (e.g. {@code users.csv}). Learners are ranked in parallel ({@code --threads}, default
 * all cores) and written in input order. An unknown learner (not in the training data, no stored feedback, no
 * {@code --interests}) is a one-line error for {@code --user}; for {@code --users} it is reported on stderr and
 * skipped, and the exit code is 1 if any learner failed.
 *
 * <p>Formats: {@code table} (readable; with {@code --explain} the evidence under each course), {@code csv}
 * ({@code user_id,rank,course_id,score}), {@code json} (the API's answer; one object per line for {@code --users}).
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Recommend courses for one learner or a file of learners from the saved model.")
public final class RecommendCommand implements Callable<Integer> {
  private static final int BLOCK = 1024;

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one of {@code --user} and {@code --users}. */
  static final class Target {
    @Option(names = "--user", paramLabel = "ID", description = "One learner id") String user;
    @Option(names = "--users", paramLabel = "FILE", description = "File of learner ids (one per line, or CSV with user_id)") Path users;
  }

  @Option(names = "--algorithm", defaultValue = "hybrid", description = "hybrid, pop, cbr, itemknn, userknn, mf (default ${DEFAULT-VALUE})")
  String algorithm;

  @Option(names = "--k", defaultValue = "10", description = "Courses per learner (default ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--offset", defaultValue = "0", description = "Courses skipped first (default ${DEFAULT-VALUE})")
  int offset;

  @Option(names = "--explain", description = "Include the evidence behind each course")
  boolean explain;

  @Option(names = "--interests", paramLabel = "A|B", description = "Declared interests (pipe-separated) for learners the model does not know")
  String interests;

  @Option(names = "--format", defaultValue = "table", description = "table | json | csv (default ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output")
  Path out;

  @Option(names = "--threads", defaultValue = "0", description = "Parallel learners for --users; 0 = all cores (default ${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() throws IOException {
    if (k < 1) throw new UserError("--k must be at least 1, got " + k);
    if (offset < 0) throw new UserError("--offset must be >= 0, got " + offset);
    if (!List.of("table", "json", "csv").contains(format)) throw new UserError("--format must be table, json or csv, got '" + format + "'");
    if (threads < 0) throw new UserError("--threads must be >= 0, got " + threads);
    List<String> ids = target.user != null ? List.of(target.user) : readUsers(target.users);
    Config config = common.config();
    try (DefaultEngine engine = openEngine(config);
         PrintWriter w = out == null ? spec.commandLine().getOut()
             : new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      RecommendationWriter writer = new RecommendationWriter(format, explain, target.users != null, w);
      if (target.user != null) {
        writer.write(answer(engine, target.user));
        writer.finish();
        return 0;
      }
      int failed;
      try (CliProgress progress = common.progress(config, "recommend: ", spec.commandLine().getErr());
           Counter done = progress.count("learners", ids.size())) {
        failed = answerAll(engine, ids, writer, done);
      }
      writer.finish();
      if (failed > 0) spec.commandLine().getErr().printf("%d of %d learners failed%n", failed, ids.size());
      return failed == 0 ? 0 : 1;
    } catch (StoreException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /** The engine over the saved model; a one-line error when there is none. */
  static DefaultEngine openEngine(Config config) {
    DefaultEngine engine = Engines.openForQueries(config);
    if (!engine.ready()) {
      engine.close();
      throw new UserError("no trained model in " + config.string(ConfigKey.MODELS_DIR) + "/: run ./courserec train");
    }
    return engine;
  }

  private RecommendResult answer(DefaultEngine engine, String user) {
    List<String> declared = interests == null ? List.of()
        : Arrays.stream(interests.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (declared.isEmpty()) engine.history(user); // unknown learner: UnknownEntityException, not a popular list
    try {
      return engine.recommend(new RecommendQuery(user, k, offset, null, algorithm, explain, declared));
    } catch (io.courserec.engine.InvalidInputException e) {
      throw new UserError("--" + e.field() + ": " + e.getMessage(), e);
    }
  }

  /** Ranks in parallel, block by block, and writes each block in input order; returns the number that failed. */
  private int answerAll(DefaultEngine engine, List<String> ids, RecommendationWriter writer, Counter done) {
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      for (int from = 0; from < ids.size(); from += BLOCK) {
        List<Future<RecommendResult>> block = new ArrayList<>();
        for (String id : ids.subList(from, Math.min(ids.size(), from + BLOCK))) {
          block.add(pool.submit(() -> answer(engine, id)));
        }
        for (int i = 0; i < block.size(); i++) {
          try {
            writer.write(block.get(i).get());
            done.advance();
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof UnknownEntityException || cause instanceof UserError)) throw new IllegalStateException(cause);
            err.println("error: learner '" + ids.get(from + i) + "': " + cause.getMessage());
            failed++;
            done.advance();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted");
    } finally {
      pool.shutdownNow();
    }
    err.flush();
    return failed;
  }

  /** Learner ids from a file: a CSV with a {@code user_id} header column, or one id per line. */
  static List<String> readUsers(Path file) {
    try {
      if (!Files.isRegularFile(file)) throw new UserError("users file not found: " + file);
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String header = lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "").trim();
      if (Arrays.stream(header.split(",")).map(String::trim).anyMatch("user_id"::equals)) {
        List<String> ids = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
          while (it.hasNext()) {
            String id = it.next().get("user_id");
            if (id != null && !id.isBlank()) ids.add(id.trim());
          }
        }
        return ids;
      }
      return lines.stream().map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
