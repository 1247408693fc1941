package io.courserec.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;

/**
 * What one index generation holds, written as {@value #FILE_NAME} into its directory after the Lucene commit: a
 * generation without a manifest is incomplete and never served.
 *
 * @param generation the generation number (directory {@code gen-NNNNNN})
 * @param courseCount number of course documents (= catalog size; doc ordinals run 0..courseCount-1)
 * @param dataHash fingerprint of the catalog the generation was built from ({@link CatalogFingerprint})
 * @param modelVersion version of the model whose signals the generation carries; {@code none} before training
 * @param factorDimension dimension of the MF item factors, 0 when the generation has none
 * @param schemaVersion version of the document schema ({@link #SCHEMA_VERSION}); bumped when fields change
 * @param luceneVersion Lucene version that wrote the index
 * @param createdAt when the generation was committed
 */
public record IndexManifest(long generation, int courseCount, String dataHash, String modelVersion,
                            int factorDimension, int schemaVersion, String luceneVersion, Instant createdAt) {
  /** File name of the manifest inside a generation directory. */
  public static final String FILE_NAME = "manifest.json";
  /** Schema version written by this code. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  public IndexManifest {
    Objects.requireNonNull(dataHash, "dataHash");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Writes the manifest into {@code dir} atomically and durably: temporary file, fsync, atomic rename, fsync of the
   * directory (so a crash cannot leave the rename unwritten while the generation is published).
   */
  public void write(Path dir) throws IOException {
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    IndexLayout.syncDirectory(dir);
  }

  /** Reads the manifest of a generation directory. */
  public static IndexManifest read(Path dir) throws IOException {
    return JSON.readValue(dir.resolve(FILE_NAME).toFile(), IndexManifest.class);
  }

  /** Whether {@code dir} holds a complete generation (its manifest exists). */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE_NAME));
  }
}
