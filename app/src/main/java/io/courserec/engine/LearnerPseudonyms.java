package io.courserec.engine;

import io.courserec.catalog.KeyedIds;
import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import io.courserec.store.SqliteInteractionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed pseudonyms of learner ids: {@code HMAC-SHA256(key, purpose || 0x00 || UTF-8 id)}. Logs carry the first 16
 * hex digits ({@link #logId}, 64 bits: stable across restarts, not reversible without the key, and a dictionary of
 * guessable ids such as {@code u1..u1000000} is useless without it, unlike the unsalted SHA-256 used before); the
 * erasure list carries the full 64 ({@link #erasureId}). The purpose label keeps the two unlinkable.
 *
 * <p>The key is {@code server.log_id_key} (UTF-8, at least {@value #MIN_CONFIGURED} characters) or, when that is
 * empty, 32 random bytes generated once into {@value #KEY_FILE} (hex, mode 0600, created atomically so two
 * processes starting together agree) next to the SQLite store file, or in {@code data.dir} for PostgreSQL. Losing
 * or changing the key changes every pseudonym: old log lines no longer match new ones, and the erasure list refuses
 * to load (see {@link ErasedLearners}).
 */
public final class LearnerPseudonyms {
  static final String KEY_FILE = "courserec-id.key";
  static final int MIN_CONFIGURED = 32;
  private static final Logger log = LoggerFactory.getLogger(LearnerPseudonyms.class);

  private final KeyedIds ids;
  private final byte[] key;

  LearnerPseudonyms(byte[] key) {
    this.key = key.clone();
    this.ids = new KeyedIds(key);
  }

  /** The key itself, for a trainer that must recognise erased learners (the Spark driver); handle as a secret. */
  byte[] key() {
    return key.clone();
  }

  /** The pseudonyms under the configured key, generating and storing the key file on first use. */
  public static LearnerPseudonyms open(Config config) {
    String configured = config.string(ConfigKey.LOG_ID_KEY);
    if (!configured.isEmpty()) {
      if (configured.length() < MIN_CONFIGURED) {
        throw new ConfigException(ConfigKey.LOG_ID_KEY.key() + " must be at least " + MIN_CONFIGURED
            + " characters (got " + configured.length() + "); leave it empty to generate a random key");
      }
      return new LearnerPseudonyms(configured.getBytes(StandardCharsets.UTF_8));
    }
    try {
      return new LearnerPseudonyms(readOrCreate(keyFile(config)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the learner id key " + keyFile(config), e);
    }
  }

  /** Where a generated key lives: next to the SQLite store file, else in {@code data.dir}. */
  public static Path keyFile(Config config) {
    String url = config.string(ConfigKey.STORE_URL);
    Path dir = url.startsWith(SqliteInteractionStore.URL_PREFIX)
        ? SqliteInteractionStore.databaseFile(url).getParent() : config.path(ConfigKey.DATA_DIR);
    return dir.resolve(KEY_FILE);
  }

  /** The id as it may appear in logs: 16 hex digits of the keyed hash. */
  public String logId(String userId) {
    return ids.logId(userId);
  }

  /** The id as the erasure list keeps it: the full keyed hash, 64 hex digits. */
  String erasureId(String userId) {
    return ids.erasureId(userId);
  }

  /** Names the key without revealing it (written into the erasure list to detect a changed key). */
  String fingerprint() {
    return ids.fingerprint();
  }

  private static byte[] readOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), KEY_FILE, ".tmp");
      try {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, HexFormat.of().formatHex(fresh) + "\n");
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
          ch.force(true);
        }
        Files.createLink(file, tmp); // fails if another process won the race; then its key is read below
        DirectorySync.sync(file.toAbsolutePath().getParent());
        log.info("generated the learner id key {} (mode 0600); keep it with the store", file);
      } catch (FileAlreadyExistsException raced) {
        log.debug("learner id key {} was created concurrently", file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    String hex = Files.readString(file).trim();
    try {
      byte[] k = HexFormat.of().parseHex(hex);
      if (k.length < 16) throw new IllegalArgumentException("too short");
      return k;
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " does not hold a hex key of at least 16 bytes (" + e.getMessage() + ")");
    }
  }
}
