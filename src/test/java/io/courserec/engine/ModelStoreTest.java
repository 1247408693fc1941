package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
  private static ModelManifest manifest(boolean promoted) {
    return new ModelManifest(null, Instant.parse("2026-01-01T00:00:00Z"), "d", "c", 42, Map.of("ndcg@10", 0.3),
        Map.of("train", 10L), promoted, "", 3, 4, 5, Map.of(), 0, 0, 0, 0);
  }

  private static String write(ModelStore store, boolean promoted, String content) throws IOException {
    Path dir = store.newVersionDir();
    Files.createDirectories(dir.resolve("mf"));
    Files.writeString(dir.resolve("mf/factors.bin"), content);
    return store.seal(dir, manifest(promoted)).version();
  }

  @Test
  void currentPointerAndVerification(@TempDir Path root) throws IOException {
    ModelStore store = new ModelStore(root);
    String v1 = write(store, true, "one");
    String v2 = write(store, true, "two");
    assertThat(store.versions()).containsExactly(v1, v2);
    store.promote(v2);
    assertThat(store.current()).contains(v2);
    assertThat(store.verify(v2)).isTrue();
    assertThat(store.latestGood()).contains(v2);
  }

  @Test
  void corruptOrPartialVersionsAreSkipped(@TempDir Path root) throws IOException {
    ModelStore store = new ModelStore(root);
    String v1 = write(store, true, "one");
    String v2 = write(store, true, "two");
    store.promote(v2);
    Files.writeString(root.resolve(v2).resolve("mf/factors.bin"), "tw0"); // same size, other bytes
    assertThat(store.verify(v2)).isFalse();
    assertThat(store.latestGood()).contains(v1);
    Path partial = store.newVersionDir(); // no manifest: a crash during training
    Files.writeString(partial.resolve("x"), "half");
    assertThat(store.verify(partial.getFileName().toString())).isFalse();
    assertThat(store.latestGood()).contains(v1);
  }

  @Test
  void unpromotedVersionsAreNotLoadedAndPruneKeepsCurrent(@TempDir Path root) throws IOException {
    ModelStore store = new ModelStore(root);
    String v1 = write(store, true, "one");
    store.promote(v1);
    String v2 = write(store, false, "two");
    String v3 = write(store, true, "three");
    assertThat(store.latestGood()).contains(v1); // CURRENT wins
    Files.delete(root.resolve("CURRENT"));
    assertThat(store.latestGood()).contains(v3);
    store.promote(v1);
    assertThat(store.prune(1, Set.of())).containsExactly(v2, v3);
    assertThat(store.versions()).containsExactly(v1);
    assertThat(store.mark(v1, true, "ok").note()).isEqualTo("ok");
  }
}
