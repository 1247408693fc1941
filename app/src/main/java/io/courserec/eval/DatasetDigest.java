package io.courserec.eval;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content hash of a data set for the experiment log: SHA-256 over the text form of every course, learner and
 * interaction record, in order, one per line, with a section marker before each kind. Two runs share a hash
 * exactly when the cleaned data they evaluated is the same, whatever the files looked like.
 */
public final class DatasetDigest {
  private DatasetDigest() {}

  /** Lower-case hex SHA-256 of the data set's content. */
  public static String sha256(Dataset data) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    md.update("courses\n".getBytes(StandardCharsets.UTF_8));
    for (Course c : data.courses()) md.update((c + "\n").getBytes(StandardCharsets.UTF_8));
    md.update("learners\n".getBytes(StandardCharsets.UTF_8));
    for (Learner l : data.learners()) md.update((l + "\n").getBytes(StandardCharsets.UTF_8));
    md.update("interactions\n".getBytes(StandardCharsets.UTF_8));
    for (Interaction e : data.interactions()) md.update((e + "\n").getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(md.digest());
  }
}
