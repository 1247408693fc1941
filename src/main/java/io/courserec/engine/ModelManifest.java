package io.courserec.engine;

import java.time.Instant;
import java.util.Map;

/**
 * The manifest of one model version directory ({@code manifest.json}), written last: a directory without a
 * readable manifest, or whose files do not match the recorded sizes and SHA-256 digests, is partial or corrupt and
 * is skipped at start-up.
 *
 * @param files relative path -> "size:sha256" of every file the version holds
 * @param promoted whether this version was allowed to serve (false: kept for inspection, e.g. a quality drop)
 */
public record ModelManifest(String version, Instant createdAt, String dataHash, String configHash, long seed,
                            Map<String, Double> metrics, Map<String, Long> timingsMs, boolean promoted, String note,
                            int courses, int learners, long interactions, Map<String, String> files) {}
