package io.courserec.engine;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.CleaningRules;
import io.courserec.catalog.LoadResult;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The learners who asked to be forgotten, kept as {@code models.dir/}{@value #FILE}, so that the operator's
 * {@code data/} files (which courserec never rewrites) cannot bring them back: every data load and every training
 * drops their rows ({@link #loadData}; the quality report counts them as {@code erased learner}).
 *
 * <p>The file holds no id: one line per learner with {@link LearnerPseudonyms#erasureId} (a keyed HMAC), oldest
 * first, after a header line {@code key <fingerprint>} naming the key it was written under. Loading it under
 * another key fails (an {@link IllegalStateException} that says so), rather than silently letting erased learners
 * back into training: restore the key ({@code courserec-id.key} or {@code server.log_id_key}). Appends are fsynced
 * before {@link #add} returns. A learner's position in the list orders erasures: a model built from data loaded
 * when the list had {@code n} entries honours the first {@code n} ({@link ModelManifest#erasuresHonoured()}).
 *
 * <p>Thread-safe. Another process's appends (the CLI's {@code forget} while a server runs) are seen at the next
 * {@link #refresh} (every data load calls it).
 */
public final class ErasedLearners {
  static final String FILE = "erased-learners";
  private static final String HEADER = "# courserec erased learners: keyed HMAC-SHA256 of each erased learner id, oldest first; do not edit";

  private final Path file;
  private final Supplier<LearnerPseudonyms> keyed;
  private LearnerPseudonyms ids;
  private final List<String> entries = new ArrayList<>();
  private final Map<String, Integer> positions = new HashMap<>();
  private long readBytes = -1;

  /** @param keyed the pseudonyms; asked for only when the list exists or grows (no key file for an empty list) */
  ErasedLearners(Path file, Supplier<LearnerPseudonyms> keyed) {
    this.file = file;
    this.keyed = keyed;
    refresh();
  }

  /** The list's file (it may not exist yet). */
  Path file() {
    return file;
  }

  /** The list of the configured models directory under the configured id key. */
  public static ErasedLearners open(Config config) {
    return new ErasedLearners(config.path(ConfigKey.MODELS_DIR).resolve(FILE), () -> LearnerPseudonyms.open(config));
  }

  private LearnerPseudonyms ids() {
    if (ids == null) ids = keyed.get();
    return ids;
  }

  /** The data directory ({@code data.dir}) loaded and cleaned without the erased learners' rows. */
  public LoadResult loadData(Config config) {
    return loadData(config.path(ConfigKey.DATA_DIR), config);
  }

  /** A data directory loaded and cleaned without the erased learners' rows. */
  public LoadResult loadData(Path dataDir, Config config) {
    refresh();
    return CatalogLoader.load(dataDir, CleaningRules.from(config), this::contains);
  }

  public synchronized boolean contains(String userId) {
    return position(userId) >= 0;
  }

  /** The learner's place in the list (0 = erased first), or -1. */
  synchronized int position(String userId) {
    if (entries.isEmpty()) return -1;
    return positions.getOrDefault(ids().erasureId(userId), -1);
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Adds a learner (durably); false when already listed. */
  synchronized boolean add(String userId) throws IOException {
    refresh();
    String id = ids().erasureId(userId);
    if (positions.containsKey(id)) return false;
    boolean fresh = !Files.exists(file);
    if (fresh) Files.createDirectories(file.toAbsolutePath().getParent());
    String text = (fresh ? HEADER + "\nkey " + ids().fingerprint() + "\n" : "") + id + "\n";
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
      ch.force(true);
    }
    if (fresh) DirectorySync.sync(file.toAbsolutePath().getParent());
    positions.put(id, entries.size());
    entries.add(id);
    readBytes = Files.size(file);
    return true;
  }

  /** Re-reads the file when its size changed since the last read (another process appended). */
  synchronized void refresh() {
    try {
      long size = Files.exists(file) ? Files.size(file) : 0;
      if (size == readBytes) return;
      entries.clear();
      positions.clear();
      if (size > 0) parse(Files.readAllLines(file, StandardCharsets.US_ASCII));
      readBytes = size;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the erasure list " + file, e);
    }
  }

  private void parse(List<String> lines) {
    boolean keyChecked = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("key ")) {
        if (!line.substring(4).trim().equals(ids().fingerprint())) {
          throw new IllegalStateException(file + " was written under another learner id key (fingerprint "
              + line.substring(4).trim() + ", the configured key has " + ids().fingerprint() + "): erased learners "
              + "cannot be recognised, so nothing is loaded or trained; restore the key (courserec-id.key or "
              + "server.log_id_key) it was written under");
        }
        keyChecked = true;
      } else if (line.matches("[0-9a-f]{64}") && keyChecked) {
        positions.putIfAbsent(line, entries.size());
        if (positions.get(line) == entries.size()) entries.add(line);
      } else {
        throw new IllegalStateException(file + ":" + (i + 1) + ": expected 'key <fingerprint>' first, then one "
            + "64-hex-digit entry per line");
      }
    }
  }
}
