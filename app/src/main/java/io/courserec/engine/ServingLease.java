package io.courserec.engine;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's lease in the shared models directory ({@link ModelStore#lease}): which version it serves, renewed
 * at every poll and swap, removed when it stops, so that another replica's pruning leaves that version alone
 * ({@link #protectedVersions}). Only polling replicas hold one ({@link #start}); until then every call is a no-op.
 * Thread-safe.
 */
final class ServingLease {
  private static final Logger log = LoggerFactory.getLogger(ServingLease.class);

  private final ModelStore models;
  private final Config config;
  private volatile String replica;

  ServingLease(ModelStore models, Config config) {
    this.models = models;
    this.config = config;
  }

  /** From now on this process renews a lease under a name unique among the replicas (host-pid-random). */
  void start() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
    } catch (IOException e) {
      host = "host";
    }
    replica = host + "-" + ProcessHandle.current().pid() + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
  }

  /** Records {@code version} (null: nothing served yet, no-op) as the one this replica serves. */
  void renew(String version) {
    String r = replica;
    if (r == null || version == null) return;
    try {
      models.lease(r, version);
    } catch (IOException e) {
      log.warn("cannot renew the serving lease in {}: {}", models.root(), e.toString());
    }
  }

  /** Removes the lease (this replica stops serving). */
  void release() {
    String r = replica;
    if (r == null) return;
    try {
      models.release(r);
    } catch (IOException e) {
      log.warn("cannot remove the serving lease {}: {}", r, e.toString());
    }
  }

  /**
   * The versions other replicas serve: leases renewed within five poll intervals, at least 30 s, so a live replica
   * (renewing every interval) keeps its version while a slow disk or a long pause delays a renewal or two.
   */
  Set<String> protectedVersions() {
    return models.leased(Duration.ofMillis(Math.max(30_000L, 5L * config.integer(ConfigKey.MODELS_POLL))));
  }
}
