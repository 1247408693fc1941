package io.courserec.engine;

import io.courserec.catalog.Dataset;
import io.courserec.cf.CourseSide;
import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import io.courserec.progress.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code train.engine=spark}: runs the Spark trainer ({@code io.courserec.spark.SparkTrainer}, the {@code spark}
 * module) as a child process — the Spark driver, in client mode against {@code spark.master} — and reads the
 * course-side artefacts it writes ({@link CourseSide}), which the hybrid then adopts instead of training them
 * ({@code HybridRecommender.train(data, progress, side)}). The child sees only {@code courserec-core} and Spark.
 *
 * <p>It reads what this build reads: the data directory's {@code interactions.csv} (and {@code interactions.parquet}
 * when present) and the feedback store named by {@code store.jdbc_url} up to the same sequence, without the
 * learners on the erasure list (their keyed hashes and the key go to the driver in files readable by the owner
 * only, deleted afterwards with the configuration copy, which may hold the store's password). Its stdout
 * ({@code stage k/n: ...}) becomes progress; its stderr goes to {@value #LOG} in the version directory.
 */
public final class SparkTraining {
  private static final Logger log = LoggerFactory.getLogger(SparkTraining.class);
  public static final String INPROCESS = "inprocess";
  public static final String SPARK = "spark";
  static final String LOG = "spark-trainer.log";
  /** What Spark's own launcher adds on JDK 17+ (JavaModuleOptions); the same list as spark/pom.xml's. */
  static final List<String> JVM_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true", "--enable-native-access=ALL-UNNAMED");

  private SparkTraining() {}

  /** The configured engine; an unknown one is a configuration error. */
  public static String engine(Config config) {
    String e = config.string(ConfigKey.TRAIN_ENGINE).trim().toLowerCase(Locale.ROOT);
    if (!e.equals(INPROCESS) && !e.equals(SPARK)) {
      throw new ConfigException(ConfigKey.TRAIN_ENGINE.key() + " must be " + INPROCESS + " or " + SPARK + ", got '" + e + "'");
    }
    return e;
  }

  /**
   * Trains the course-side artefacts of {@code data} on Spark and reads them back.
   *
   * @param versionDir the version being built: the log stays there, the work files are removed
   * @param storeSequence the store position {@code data} covers; negative: read no store (a benchmark's split)
   * @param erasedFile the erasure list ({@code models.dir/erased-learners}); {@code key} its HMAC key, null when the list is empty
   */
  public static CourseSide run(Config config, Dataset data, long storeSequence, Path erasedFile, byte[] key, Path versionDir,
                        Progress progress) throws IOException {
    Path work = Files.createDirectories(versionDir.resolve("spark-work"));
    try {
      List<String> ids = new ArrayList<>(data.numCourses());
      for (int i = 0; i < data.numCourses(); i++) ids.add(data.course(i).id());
      Path courses = Files.write(work.resolve("courses.txt"), ids, StandardCharsets.UTF_8);
      java.util.Properties props = new java.util.Properties();
      props.putAll(config.asMap());
      java.io.StringWriter text = new java.io.StringWriter();
      props.store(text, "the effective configuration of this build, for the Spark trainer");
      Path conf = ownerOnly(work.resolve("config.properties"), text.toString());
      Path out = work.resolve("out");

      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(JVM_FLAGS);
      for (String o : config.string(ConfigKey.SPARK_JAVA_OPTS).trim().split("\\s+")) if (!o.isEmpty()) cmd.add(o);
      cmd.add("-cp");
      cmd.add(classpath(config));
      cmd.add("io.courserec.spark.SparkTrainer");
      add(cmd, "--master", config.string(ConfigKey.SPARK_MASTER));
      add(cmd, "--config", conf.toString());
      add(cmd, "--courses", courses.toString());
      add(cmd, "--out", out.toString());
      add(cmd, "--partitions", String.valueOf(config.integer(ConfigKey.SPARK_PARTITIONS)));
      Path dataDir = config.path(ConfigKey.DATA_DIR);
      Path csv = dataDir.resolve("interactions.csv");
      if (Files.isRegularFile(csv)) add(cmd, "--interactions", csv.toAbsolutePath().toString());
      Path parquet = dataDir.resolve("interactions.parquet");
      if (Files.exists(parquet)) add(cmd, "--interactions", parquet.toAbsolutePath().toString());
      if (storeSequence >= 0) add(cmd, "--store-seq", String.valueOf(storeSequence));
      if (key != null && Files.exists(erasedFile)) {
        add(cmd, "--erased", erasedFile.toAbsolutePath().toString());
        add(cmd, "--id-key", ownerOnly(work.resolve("id.key"), HexFormat.of().formatHex(key) + "\n").toString());
      }

      Path logFile = versionDir.resolve(LOG);
      log.info("starting the Spark trainer (master {}), its log in {}", config.string(ConfigKey.SPARK_MASTER), logFile);
      Process p = new ProcessBuilder(cmd).redirectError(logFile.toFile()).start();
      p.getOutputStream().close();
      int timeout = config.integer(ConfigKey.SPARK_TIMEOUT);
      java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
      // the watchdog stops the driver (and anything it started) when the time is up; reading its stdout then ends
      Thread watchdog = Thread.ofVirtual().name("spark-trainer-watchdog").start(() -> {
        try {
          if (!p.waitFor(timeout, java.util.concurrent.TimeUnit.SECONDS)) {
            timedOut.set(true);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          log.info("spark: {}", line);
          if (line.startsWith("stage ")) progress.stage("spark " + line);
        }
      }
      int code;
      try {
        code = p.waitFor();
      } catch (InterruptedException e) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the Spark trainer ran", e);
      } finally {
        watchdog.interrupt();
      }
      if (timedOut.get()) {
        throw new IOException("the Spark trainer did not finish within " + ConfigKey.SPARK_TIMEOUT.key() + " = " + timeout
            + " s and was stopped (log: " + logFile + ")");
      }
      if (code != 0) {
        throw new IOException("the Spark trainer failed (exit " + code + "): " + lastLines(logFile, 5) + " (log: " + logFile + ")");
      }
      CourseSide side = CourseSide.read(out, data);
      Files.copy(out.resolve(CourseSide.FILE), versionDir.resolve(CourseSide.FILE));
      if (side.info().events() != data.interactions().size()) {
        log.warn("the Spark trainer used {} events, this build {} (rows the loader cleans differently: {})",
            side.info().events(), data.interactions().size(), side.info().rejected());
      }
      return side;
    } finally {
      ModelStore.deleteTree(work);
    }
  }

  /**
   * The child's classpath: {@code spark.classpath}, else the spark module's jar and the dependency list Maven
   * wrote beside it (under {@code courserec.home}).
   */
  public static String classpath(Config config) throws IOException {
    String configured = config.string(ConfigKey.SPARK_CLASSPATH).trim();
    if (!configured.isEmpty()) return configured;
    Path target = Path.of(System.getProperty("courserec.home", ".")).resolve("spark").resolve("target");
    Path jar = target.resolve("courserec-spark.jar");
    Path deps = target.resolve("spark-classpath.txt");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(deps)) {
      throw new ConfigException("train.engine=spark needs the Spark trainer built: run './mvnw -B -q -pl spark -am package "
          + "-DskipTests' (or set spark.classpath); missing " + (Files.isRegularFile(jar) ? deps : jar));
    }
    return jar.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(deps).trim();
  }

  private static void add(List<String> cmd, String option, String value) {
    cmd.add(option);
    cmd.add(value);
  }

  private static Path ownerOnly(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String lastLines(Path file, int n) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> own = lines.stream().filter(l -> l.startsWith("SparkTrainer")).toList();
      if (!own.isEmpty()) return own.get(own.size() - 1); // the trainer's own one-line reason
      List<String> tail = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("\tat ") && !l.startsWith("WARNING:"))
          .toList();
      return String.join(" | ", tail.subList(Math.max(0, tail.size() - n), tail.size()));
    } catch (IOException e) {
      return "(its log could not be read: " + e.getMessage() + ")";
    }
  }
}
