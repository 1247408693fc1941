package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark.timeout_seconds}: a trainer that never finishes is stopped and the build fails with a message naming
 * the key, and the process is gone. The "trainer" is a class of the trainer's name compiled here that writes its pid
 * and sleeps, put on {@code spark.classpath}, so the test needs no Spark.
 */
class SparkTrainingTimeoutTest {
  private static final Path DATA = Path.of("app/src/test/resources/engine/small");
  @TempDir Path dir;

  @Test
  void aTrainerThatHangsIsStoppedAfterTheTimeout() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/io/courserec/spark"));
    Path pidFile = dir.resolve("pid");
    Files.writeString(src.resolve("SparkTrainer.java"), """
        package io.courserec.spark;
        public final class SparkTrainer {
          public static void main(String[] args) throws Exception {
            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), Long.toString(ProcessHandle.current().pid()));
            System.out.println("stage 1/1: sleeping");
            System.out.flush();
            Thread.sleep(600_000);
          }
        }
        """.formatted(pidFile.toString().replace("\\", "\\\\")));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        src.resolve("SparkTrainer.java").toString());
    assertThat(rc).isZero();

    Config config = Config.load(null, Map.of(), Map.of(ConfigKey.DATA_DIR.key(), DATA.toString(),
        ConfigKey.SPARK_CLASSPATH.key(), classes.toString(), ConfigKey.SPARK_TIMEOUT.key(), "2",
        ConfigKey.SPARK_JAVA_OPTS.key(), "-Xmx64m"));
    Dataset data = CatalogLoader.load(DATA, config).dataset();
    Path version = Files.createDirectories(dir.resolve("version"));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> SparkTraining.run(config, data, -1, dir.resolve("erased"), null, version, Progress.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("spark.timeout_seconds = 2 s");
    double seconds = (System.nanoTime() - t0) / 1e9;
    // not a speed bound: the 600 s sleep must have been cut short, with room for a slow JVM start on a busy machine
    assertThat(seconds).isLessThan(120);
    assertThat(Files.exists(version.resolve("spark-work"))).isFalse();
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the trainer process is gone").isFalse();
  }
}
