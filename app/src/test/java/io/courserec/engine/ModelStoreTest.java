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
        Map.of("train", 10L), promoted, "", 3, 4, 5, Map.of(), 0, 0, 0, Map.of(), 0);
  }

  private static String write(ModelStore store, boolean promoted, String content) throws IOException {
    Path dir = store.newVersionDir();
    Files.createDirectories(dir.resolve("mf"));
    Files.writeString(dir.resolve("mf/factors.bin"), content);
    return store.seal(dir, manifest(promoted)).version();
  }

  /**
   * Stray entries: a directory {@code v-foo} (once broke the ordering: "foo" is not a number), a regular file and a
   * directory named like versions but not well-formed or not directories, a leftover {@code CURRENT.tmp}; plus a
   * half-written version (well-formed name, no manifest). Ordering, start-up choice, pruning and the listing see
   * only the versions; {@link ModelStore#strays()} names the rest; pruning leaves strays alone.
   */
  @Test
  void strayEntriesAreIgnoredAndReported(@TempDir Path root) throws IOException {
    ModelStore store = new ModelStore(root);
    String v1 = write(store, true, "one");
    String v2 = write(store, true, "two");
    store.promote(v1);
    Files.createDirectories(root.resolve("v-foo"));
    Files.copy(root.resolve(v2).resolve(ModelStore.MANIFEST), root.resolve("v-foo").resolve(ModelStore.MANIFEST));
    Files.writeString(root.resolve("v-20991231T235959-1"), "a file named like the newest version");
    Files.createDirectories(root.resolve("v-20991231T235959-x"));
    Files.writeString(root.resolve("CURRENT.tmp"), "v-foo\n");
    Path half = store.newVersionDir(); // a build that crashed before sealing
    Files.writeString(half.resolve("dataset.bin"), "partial");
    String h = half.getFileName().toString();

    assertThat(store.versions()).containsExactly(v1, v2, h);
    assertThat(store.strays()).containsExactly("CURRENT.tmp", "v-20991231T235959-1", "v-20991231T235959-x", "v-foo");
    assertThat(store.latestGood()).contains(v1);
    assertThat(store.goodVersions().toList()).containsExactly(v1, v2);

    // keep 1: v2 (oldest after the kept current v1) and the half-written h go; current v1 and every stray stay
    assertThat(store.prune(1, java.util.Set.of())).containsExactly(v2, h);
    assertThat(store.versions()).containsExactly(v1);
    assertThat(root.resolve("v-foo")).isDirectory();
    assertThat(root.resolve("v-20991231T235959-1")).isRegularFile();

    // CURRENT naming a stray or a path is no version at all; start-up falls back to the newest promoted one
    Files.writeString(root.resolve("CURRENT"), "../../etc\n");
    assertThat(store.current()).isEmpty();
    Files.writeString(root.resolve("CURRENT"), "v-foo\n");
    assertThat(store.current()).isEmpty();
    assertThat(store.latestGood()).contains(v1);
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
  /**
   * A version another replica leased within the TTL survives a prune; an expired lease does not protect it and one
   * ten TTLs old is removed; a released lease protects nothing; the lease directory is neither a version nor a stray.
   */
  @Test
  void servingLeasesKeepAnotherReplicasVersion(@TempDir Path root) throws IOException {
    ModelStore store = new ModelStore(root);
    String v1 = write(store, true, "one");
    String v2 = write(store, true, "two");
    String v3 = write(store, true, "three");
    store.promote(v3);
    store.lease("replica-b", v1);
    java.time.Duration ttl = java.time.Duration.ofSeconds(30);
    assertThat(store.leased(ttl)).containsExactly(v1);
    assertThat(store.strays()).isEmpty();
    assertThat(store.versions()).containsExactly(v1, v2, v3);
    assertThat(store.prune(1, store.leased(ttl))).containsExactly(v2);
    assertThat(store.versions()).containsExactly(v1, v3);

    Path lease = root.resolve(ModelStore.SERVING).resolve("replica-b");
    Files.setLastModifiedTime(lease, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    assertThat(store.leased(ttl)).as("expired: replica-b stopped renewing").isEmpty();
    assertThat(Files.exists(lease)).as("kept until ten TTLs old").isTrue();
    Files.setLastModifiedTime(lease, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 400_000));
    assertThat(store.leased(ttl)).isEmpty();
    assertThat(Files.exists(lease)).isFalse();

    store.lease("replica-c", v1);
    store.release("replica-c");
    assertThat(store.prune(1, store.leased(ttl))).containsExactly(v1);
  }
}
