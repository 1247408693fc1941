package io.courserec.catalog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of learner ids (HMAC-SHA256 over a purpose label, a zero byte and the id), so logs and the erasure
 * list never hold an id: {@link #logId} (16 hex digits) for logs, {@link #erasureId} (64) for the erasure list,
 * {@link #fingerprint} to name the key without revealing it. The purpose label keeps the first two unlinkable. Shared
 * by the server (which keeps the key, {@code LearnerPseudonyms}) and the Spark trainer (which drops erased learners
 * on its driver). Thread-safe.
 */
public final class KeyedIds {
  private final ThreadLocal<Mac> macs;

  public KeyedIds(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(spec);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    });
  }

  /** The id as it may appear in logs: 16 hex digits of the keyed hash. */
  public String logId(String userId) {
    return HexFormat.of().formatHex(mac("log", userId), 0, 8);
  }

  /** The id as the erasure list keeps it: the full keyed hash, 64 hex digits. */
  public String erasureId(String userId) {
    return HexFormat.of().formatHex(mac("erased", userId));
  }

  /** Names the key without revealing it (written into the erasure list to detect a changed key). */
  public String fingerprint() {
    return HexFormat.of().formatHex(mac("fingerprint", ""), 0, 8);
  }

  private byte[] mac(String purpose, String id) {
    Mac m = macs.get(); // doFinal resets it for the next call
    m.update(purpose.getBytes(StandardCharsets.UTF_8));
    m.update((byte) 0);
    return m.doFinal(id.getBytes(StandardCharsets.UTF_8));
  }
}
