package io.courserec.index;

import io.courserec.catalog.Course;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 (first 16 hex digits) over every field of every course, in ordinal order: two catalogs with the same
 * fingerprint index to the same documents. List items are separated by a group separator, fields by a unit separator and courses by a record
 * separator, so no two different catalogs serialise to the same bytes.
 */
public final class CatalogFingerprint {
  private CatalogFingerprint() {}

  /** Fingerprint of a catalog. */
  public static String of(List<Course> courses) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Course c : courses) {
      StringBuilder sb = new StringBuilder(256);
      for (Object v : new Object[] {c.id(), c.title(), c.description(), String.join("\u001d", c.skills()),
          c.organization(), c.level(), c.subject(), c.language(), c.durationHours(), c.durationText(), c.rating(),
          c.numRatings(), c.url(), String.join("\u001d", c.prerequisites())}) {
        sb.append(v).append('\u001f');
      }
      sb.append('\u001e');
      md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest(), 0, 8);
  }
}
