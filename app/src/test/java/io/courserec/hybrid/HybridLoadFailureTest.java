package io.courserec.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HybridRecommender#load} opens the Lucene index before it loads the CBR model; when the CBR model is
 * corrupt the load fails, and the index it opened must be closed again. Observed through Linux's
 * {@code /proc/self/maps} and {@code /proc/self/fd}: Lucene memory-maps index files, so an index left open shows as
 * mappings (or descriptors) of files under the index root; a closed one shows none.
 */
class HybridLoadFailureTest {
  @TempDir Path dir;

  @Test
  void aCorruptCbrModelFailsTheLoadAndLeavesNoIndexFileOpen() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux /proc");
    Config config = Config.defaults().with(ConfigKey.MF_RANK, 8);
    Dataset data = HybridFixture.build(11);
    Path index = dir.resolve("index").toAbsolutePath();
    try (HybridRecommender trained = new HybridRecommender(config, index)) {
      trained.train(data);
      trained.save(dir.resolve("hybrid"));
    }
    assertThat(openUnder(index)).as("all closed after training").isEmpty();

    // control: an intact model loads and keeps the index open (so the probe can see an open index)
    try (HybridRecommender ok = new HybridRecommender(config, index)) {
      ok.load(dir.resolve("hybrid"), data);
      assertThat(openUnder(index)).as("an open index is visible to this probe").isNotEmpty();
    }
    assertThat(openUnder(index)).isEmpty();

    Files.writeString(dir.resolve("hybrid/cbr/cbr.json"), "{ this is not a cbr manifest");
    HybridRecommender broken = new HybridRecommender(config, index);
    assertThatThrownBy(() -> broken.load(dir.resolve("hybrid"), data)).isInstanceOf(IOException.class);
    assertThat(openUnder(index)).as("the index opened by the failed load was closed").isEmpty();
    broken.close();
  }

  /** Files under {@code root} this process has mapped or holds a descriptor for. */
  private static List<String> openUnder(Path root) throws IOException {
    String prefix = root.toString();
    List<String> maps = Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .map(l -> l.indexOf('/') >= 0 ? l.substring(l.indexOf('/')) : "").filter(p -> p.startsWith(prefix)).toList();
    List<String> fds;
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      fds = s.map(p -> {
        try {
          return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
          return ""; // the descriptor closed while listing
        }
      }).filter(p -> p.startsWith(prefix)).toList();
    }
    return Stream.concat(maps.stream(), fds.stream()).distinct().toList();
  }
}
