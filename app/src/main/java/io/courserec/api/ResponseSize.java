package io.courserec.api;

import io.courserec.engine.RankedCourse;
import io.courserec.engine.RecommendQuery;
import io.courserec.engine.RecommendResult;
import io.courserec.rec.Evidence;
import java.util.List;

/**
 * Estimated heap bytes of a cached recommendation, for the {@link RecommendationCache}'s weigher. An estimate, not
 * a measurement: a 64-bit JVM with compressed references, objects rounded to whole headers (16 B) plus 4 B per
 * reference and 8 B per double, every string counted as {@code 40 + 2 * length} (UTF-16, an upper bound: Latin-1
 * strings take half), shared constants (signal names, event codes) not counted. Chosen to err high, so the cache
 * stays under its configured bytes.
 *
 * <pre>
 * response  = 64 (cache entry, key and query records) + str(user) + sum str(interest)
 *           + 48 (result record) + str(algorithm) + str(strategy) + str(segment) + str(model version)
 *           + 16 + 4 * items + sum item
 * item      = 64 (record: 2 ints/doubles, 6 refs) + str(course id) + str(title) + str(level) + str(subject)
 *           + 16 + 24 * signals (map entry and boxed double)
 *           + 16 + 4 * evidence + sum (32 + str(text))
 * </pre>
 */
final class ResponseSize {
  static final int ENTRY = 64;
  static final int RESULT = 48;
  static final int ITEM = 64;
  static final int CONTAINER = 16;
  static final int SIGNAL = 24;
  static final int EVIDENCE = 32;

  private ResponseSize() {}

  static long of(RecommendQuery q, RecommendResult r) {
    long n = ENTRY + str(q.userId());
    for (String s : q.interests()) n += str(s);
    n += RESULT + str(r.algorithm()) + str(r.strategy().code()) + str(r.segment()) + str(r.modelVersion());
    n += CONTAINER + 4L * r.items().size();
    for (RankedCourse c : r.items()) n += item(c);
    return n;
  }

  static long item(RankedCourse c) {
    long n = ITEM + str(c.courseId()) + str(c.title()) + str(c.level()) + str(c.subject());
    n += CONTAINER + (long) SIGNAL * (c.signals() == null ? 0 : c.signals().size());
    List<Evidence> ev = c.evidence() == null ? List.of() : c.evidence();
    n += CONTAINER + 4L * ev.size();
    for (Evidence e : ev) n += EVIDENCE + str(e.text());
    return n;
  }

  static long str(String s) {
    return s == null ? 0 : 40 + 2L * s.length();
  }
}
