package io.courserec.rec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a reason ({@link Evidence}) comes from, by the name the API shows ({@code "signal"} of an evidence item):
 * the hybrid's signals ({@code content}, {@code itemcf}, {@code usercf}, {@code mf}, {@code prior}, {@code recent},
 * {@code seq}, {@code ease}) and the single algorithms that answer alone ({@code pop}, {@code itemknn},
 * {@code itemknn-recent}, {@code userknn}; {@code mf}, {@code seq} and {@code ease} are both). The code is the JSON
 * value and the constant's {@link #toString()}.
 */
public enum EvidenceSource {
  CONTENT, ITEMCF, USERCF, MF, PRIOR, RECENT, SEQ, EASE, POP, ITEMKNN, ITEMKNN_RECENT, USERKNN;

  /** "content", "itemknn-recent". */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The source with this code (an algorithm's registry name or a hybrid signal's code). */
  @JsonCreator
  public static EvidenceSource of(String code) {
    for (EvidenceSource s : values()) if (s.code().equals(code)) return s;
    throw new IllegalArgumentException("unknown evidence source '" + code + "'");
  }

  @Override
  public String toString() {
    return code();
  }
}
