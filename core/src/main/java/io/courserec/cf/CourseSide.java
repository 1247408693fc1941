package io.courserec.cf;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.courserec.catalog.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The course-side artefacts an outside trainer (the Spark module, {@code io.courserec.spark}) computes for a model
 * version: popularity counts, item-kNN lists, sequence lists (stored at their targets, like
 * {@link SequenceTrainer}'s) and ALS item factors, all by course ordinal of the catalog named by
 * {@code coursesFingerprint}. The application adopts them into its components
 * ({@link PopularityRecommender#adopt}, {@link NeighborListRecommender#adopt}, {@code MfRecommender.adopt}) and then
 * writes the same model version a local training writes, so serving never knows which engine trained it.
 *
 * <p>On disk ({@link #write}/{@link #read}): {@value #FILE} (the {@link Info} below, written last),
 * {@code popularity.bin}, {@code itemknn.bin}, {@code seq.bin}, {@code item-factors.bin} in
 * {@link BinaryModelFile} framing (magic, version, checksum).
 */
public record CourseSide(Info info, int[] popularity, ItemKnnModel itemKnn, ItemKnnModel sequence, float[] itemFactors) {
  public static final String FILE = "courseside.json";
  public static final String FORMAT = "courserec-course-side";
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * What was trained, on what, by whom.
   *
   * @param engine e.g. {@code spark}
   * @param master the Spark master it ran on ({@code local[2]}, {@code spark://…}, {@code yarn})
   * @param courses catalog size (ordinals 0..courses-1)
   * @param coursesFingerprint {@link ComponentManifest#fingerprint(List)} of the course ids in ordinal order
   * @param sources where interactions were read from (files, the store's table and its last sequence)
   * @param events events used; {@code rejected} rows left out, by reason
   * @param learners distinct learners with at least one used event
   * @param pairs (learner, course) pairs with a nonzero summed weight; {@code positivePairs} of them above 0
   * @param referenceTime ISO-8601 instant recency decay was measured from (the latest event), or null
   * @param rank ALS factor length; {@code alpha}, {@code lambda}, {@code scaling} (its code, e.g. {@code count}) and
   *     {@code iterations} as trained
   * @param params per artefact, the parameters a local fit records in its manifest
   * @param timingsMs wall time per stage
   */
  public record Info(String format, int formatVersion, String engine, String master, int courses,
                     String coursesFingerprint, List<String> sources, long events, Map<String, Long> rejected,
                     long learners, long pairs, long positivePairs, String referenceTime, int rank, double alpha,
                     double lambda, String scaling, int iterations, Map<String, Map<String, Object>> params,
                     Map<String, Long> timingsMs) {
    public Info {
      rejected = rejected == null ? Map.of() : new TreeMap<>(rejected);
      params = params == null ? Map.of() : new TreeMap<>(params);
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }

  public CourseSide {
    int n = info.courses();
    if (popularity.length != n || itemKnn.numCourses() != n || sequence.numCourses() != n
        || itemFactors.length != (long) n * info.rank()) {
      throw new IllegalArgumentException("course-side artefacts do not all cover " + n + " courses at rank " + info.rank());
    }
  }

  /** Writes the artefacts into {@code dir}; the info file last, so a directory without it is incomplete. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve("popularity.bin"), "course-popularity")) {
      w.writeInts(popularity);
    }
    itemKnn.save(dir, "itemknn.bin", "item-neighbors");
    sequence.save(dir, "seq.bin", "seq-successors");
    try (BinaryModelFile.Writer w = BinaryModelFile.writer(dir.resolve("item-factors.bin"), "item-factors")) {
      w.writeInt(info.rank());
      w.writeFloats(itemFactors);
    }
    JSON.writeValue(dir.resolve(FILE).toFile(), info);
  }

  /**
   * Reads the artefacts in {@code dir} and checks they were computed for {@code catalog} (same course ids in the same
   * order) in this format.
   */
  public static CourseSide read(Path dir, Dataset catalog) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) throw new IOException("no course-side artefacts in " + dir + " (" + FILE + " missing)");
    Info info = JSON.readValue(f.toFile(), Info.class);
    if (!FORMAT.equals(info.format()) || info.formatVersion() != FORMAT_VERSION) {
      throw new IOException(f + " has format " + info.format() + " v" + info.formatVersion() + ", this build reads "
          + FORMAT + " v" + FORMAT_VERSION);
    }
    String fp = ComponentManifest.fingerprint(catalog);
    if (info.courses() != catalog.numCourses() || !fp.equals(info.coursesFingerprint())) {
      throw new IOException(f + " was computed for another course catalog (" + info.courses() + " courses, fingerprint "
          + info.coursesFingerprint() + "; this one has " + catalog.numCourses() + ", " + fp + ")");
    }
    int n = catalog.numCourses();
    int[] pop;
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve("popularity.bin"), "course-popularity")) {
      pop = r.readInts(n);
      r.finish();
    }
    ItemKnnModel knn = ItemKnnModel.load(dir, "itemknn.bin", "item-neighbors", n);
    ItemKnnModel seq = ItemKnnModel.load(dir, "seq.bin", "seq-successors", n);
    float[] y;
    try (BinaryModelFile.Reader r = BinaryModelFile.reader(dir.resolve("item-factors.bin"), "item-factors")) {
      int rank = r.readInt();
      if (rank != info.rank()) throw new IOException(dir + ": item factors of rank " + rank + ", info says " + info.rank());
      y = r.readFloats(n * rank);
      r.finish();
    }
    try {
      return new CourseSide(info, pop, knn, seq, y);
    } catch (IllegalArgumentException e) {
      throw new IOException(dir + ": " + e.getMessage(), e);
    }
  }
}
