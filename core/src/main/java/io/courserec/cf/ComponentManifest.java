package io.courserec.cf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventWeights;
import io.courserec.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code manifest.json}: what a saved CF/MF model is and what it was trained on. Written last by
 * {@code save}, so a directory without it is incomplete. {@link #checkLoadable} refuses a model of another
 * algorithm, another format version or another course catalog (course ordinals are shared with the index, so
 * a different catalog would silently mis-score).
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion {@link #FORMAT_VERSION} when written
 * @param algorithm registry name: pop, itemknn, userknn, mf, itemknn-recent, seq, ease
 * @param configHash {@code Config.modelHash()} at training time
 * @param trainedAt ISO-8601 instant training finished
 * @param trainingMillis wall-clock training time
 * @param courses number of courses (ordinals 0..courses-1)
 * @param coursesFingerprint {@link #fingerprint(Dataset)} of the catalog's course ids in ordinal order
 * @param learners number of learners in the model's own learner table
 * @param interactions stored (learner, course) pairs
 * @param referenceTime ISO-8601 instant event recency is measured from, or null (no decay / no timestamps)
 * @param eventWeights the event weights the matrix was built with (also used for request events)
 * @param params algorithm parameters (rank, similarity, neighbours ...), for people and for staleness checks
 */
public record ComponentManifest(String format, int formatVersion, String algorithm, String configHash, String trainedAt,
                            long trainingMillis, int courses, String coursesFingerprint, int learners,
                            long interactions, String referenceTime, EventWeights eventWeights,
                            Map<String, Object> params) {
  public static final String FORMAT = "courserec-cf-mf-model";
  /**
   * Bump when any file layout of the cf/mf models changes; older files are then refused. v2: interactions.bin
   * carries the order of each learner's history ({@link HistoryOrder}).
   */
  public static final int FORMAT_VERSION = 2;
  public static final String FILE = "manifest.json";

  private static final Logger log = LoggerFactory.getLogger(ComponentManifest.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ComponentManifest {
    params = params == null ? Map.of() : new TreeMap<>(params);
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve(FILE).toFile(), this);
  }

  public static ComponentManifest read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) throw new IOException("no model in " + dir + " (" + FILE + " missing)");
    return JSON.readValue(f.toFile(), ComponentManifest.class);
  }

  /** Throws when this model cannot serve {@code catalog} as algorithm {@code expectedAlgorithm}. */
  public void checkLoadable(Path dir, String expectedAlgorithm, Dataset catalog) throws IOException {
    if (!FORMAT.equals(format) || formatVersion != FORMAT_VERSION) {
      throw new IOException("model in " + dir + " has format " + format + " v" + formatVersion + ", this build reads "
          + FORMAT + " v" + FORMAT_VERSION + "; retrain");
    }
    if (!expectedAlgorithm.equals(algorithm)) {
      throw new IOException("model in " + dir + " is '" + algorithm + "', expected '" + expectedAlgorithm + "'");
    }
    if (courses != catalog.numCourses() || !coursesFingerprint.equals(fingerprint(catalog))) {
      throw new IOException("model in " + dir + " was trained on another course catalog (" + courses
          + " courses, fingerprint " + coursesFingerprint + "; given " + catalog.numCourses() + " courses, fingerprint "
          + fingerprint(catalog) + "); retrain");
    }
  }

  /**
   * Reads the manifest of {@code dir}, checks it with {@link #checkLoadable} and warns when the model-shaping
   * configuration changed since training (the model still loads: its own parameters are in its files).
   */
  public static ComponentManifest readLoadable(Path dir, String algorithm, Dataset catalog, Config config) throws IOException {
    ComponentManifest m = read(dir);
    m.checkLoadable(dir, algorithm, catalog);
    if (!m.configHash().equals(config.modelHash())) {
      log.warn("{} model in {} was trained with other settings (config hash {}, now {}); retrain to apply them",
          algorithm, dir, m.configHash(), config.modelHash());
    }
    return m;
  }

  /** A string parameter; a missing one means a damaged manifest. */
  public String stringParam(Path dir, String name) throws IOException {
    Object v = params.get(name);
    if (v == null) throw new IOException(dir.resolve(FILE) + " lacks parameter '" + name + "'");
    return String.valueOf(v);
  }

  /** A numeric parameter; a missing or non-numeric one means a damaged manifest. */
  public double numberParam(Path dir, String name) throws IOException {
    Object v = params.get(name);
    if (v instanceof Number n) return n.doubleValue();
    throw new IOException(dir.resolve(FILE) + " lacks numeric parameter '" + name + "', got " + v);
  }

  /** SHA-256 (first 16 hex digits) over the course ids in ordinal order. */
  public static String fingerprint(Dataset catalog) {
    java.util.List<String> ids = new java.util.ArrayList<>(catalog.numCourses());
    for (int i = 0; i < catalog.numCourses(); i++) ids.add(catalog.course(i).id());
    return fingerprint(ids);
  }

  /** {@link #fingerprint(Dataset)} of course ids given in ordinal order (a trainer without the catalog's records). */
  public static String fingerprint(java.util.List<String> courseIds) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String id : courseIds) {
        md.update(id.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
