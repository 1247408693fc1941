package io.courserec.api;

import io.courserec.catalog.Interaction;
import io.courserec.engine.ConflictException;
import io.courserec.engine.Engine;
import io.courserec.engine.FeedbackResult;
import io.courserec.rec.UnknownEntityException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learner feedback: one event or a batch, stored durably, effective on the learner's next recommendations.
 * <pre>
 * POST /feedback   body: {"user_id","course_id","event","rating","timestamp","event_id"} or an array of them
 * </pre>
 * Field rules are in {@link FeedbackParser}. The body may be at most {@code server.max_body_bytes}: checked
 * against {@code Content-Length} before reading and against the bytes actually read (chunked bodies).
 *
 * <p>201 is sent only after {@link Engine#feedback} returned, i.e. the events are committed. The answer is
 * {@code {accepted, duplicates, duplicate_event_ids}}: an event whose (user_id, event_id) was stored before with the
 * same course, event and rating is not stored again and is reported as a duplicate (idempotent retries); two
 * learners may use the same event_id. The affected learners' cached recommendations are dropped.
 *
 * <p><b>Rate limit.</b> Each learner may send {@code server.feedback.rate_per_minute} events per minute on average
 * with bursts of {@code server.feedback.burst} ({@link FeedbackRateLimiter}); beyond that 429 {@code rate_limited}
 * naming that learner's first {@code user_id} field, with {@code Retry-After} in seconds, nothing stored.
 *
 * <p>Statuses: 201; 400 (malformed JSON, wrong type, missing field, unknown event type, rating out of range or
 * missing for {@code rate}, bad timestamp, batch too large, unknown course: {@code course_id} /
 * {@code events[i].course_id} with error {@code unknown_course}; an id with control characters, unpaired
 * surrogates or padding); 409 {@code event_id_conflict} (a learner's event_id reused with a different course,
 * event or rating; field = the differing one, nothing stored); 413 (body too large); 429 (rate limit); 503 before
 * ready ({@code not_ready}) or while the store is locked, full or unreachable ({@code store_unavailable}, with
 * {@code Retry-After}).
 */
final class FeedbackResource implements Resource {
  private final Engine engine;
  private final FeedbackParser parser;
  private final RecommendationCache cache;
  private final ApiMetrics metrics;
  private final int maxBodyBytes;
  private final FeedbackRateLimiter limiter;

  FeedbackResource(Engine engine, FeedbackParser parser, RecommendationCache cache, ApiMetrics metrics, int maxBodyBytes,
                   FeedbackRateLimiter limiter) {
    this.engine = engine;
    this.parser = parser;
    this.cache = cache;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.limiter = limiter;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/feedback", ctx -> {
      RequestParams.of(ctx);
      byte[] body = readBody(ctx);
      FeedbackParser.Parsed parsed = parser.parse(body);
      List<Interaction> events = parsed.events();
      Set<String> users = new LinkedHashSet<>();
      events.forEach(e -> users.add(e.userId()));
      if (users.size() == 1) AccessLog.tagUser(ctx, users.iterator().next());
      limit(ctx, events, parsed.array());
      FeedbackResult result;
      try {
        result = engine.feedback(events);
      } catch (UnknownEntityException e) {
        throw unknownCourse(e, events, parsed.array());
      } catch (ConflictException e) {
        String field = parsed.array() ? e.field() : e.field().substring(e.field().indexOf('.') + 1);
        throw new ApiException(ErrorKind.EVENT_ID_CONFLICT, field, e.getMessage());
      }
      users.forEach(cache::invalidateUser);
      metrics.countFeedback(events, result);
      ctx.status(201).json(result);
    });
  }

  /** Takes each learner's events from their token bucket; 429 with {@code Retry-After} when one has too few. */
  private void limit(Context ctx, List<Interaction> events, boolean batch) {
    Map<String, Integer> cost = new LinkedHashMap<>();
    Map<String, Integer> first = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      cost.merge(events.get(i).userId(), 1, Integer::sum);
      first.putIfAbsent(events.get(i).userId(), i);
    }
    long wait = limiter.take(cost);
    if (wait == 0) return;
    String user = cost.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String field = FeedbackParser.prefix(batch, first.get(user)) + "user_id";
    if (wait == Long.MAX_VALUE) {
      throw ApiException.badParameter(field, cost.get(user) + " events for user_id '" + user
          + "' in one request exceed server.feedback.burst = " + limiter.burst());
    }
    ctx.header("Retry-After", Long.toString(wait));
    throw new ApiException(ErrorKind.RATE_LIMITED, field, "too much feedback for user_id '" + user
        + "' (server.feedback.rate_per_minute); retry in " + wait + " s");
  }

  /** An unknown course is a fault of the body, so 400 naming the first event that references it. */
  private static RuntimeException unknownCourse(UnknownEntityException e, List<Interaction> events, boolean batch) {
    if (!e.kind().equals("course")) return e;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).courseId().equals(e.id())) {
        return new ApiException(ErrorKind.UNKNOWN_COURSE_IN_BODY, FeedbackParser.prefix(batch, i) + "course_id", e.getMessage());
      }
    }
    return new ApiException(ErrorKind.UNKNOWN_COURSE_IN_BODY, "course_id", e.getMessage());
  }

  private byte[] readBody(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw ApiException.tooLarge("body of " + declared + " bytes exceeds server.max_body_bytes = " + maxBodyBytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    byte[] buf = new byte[8192];
    try (InputStream in = ctx.req().getInputStream()) {
      for (int n; (n = in.read(buf)) != -1; ) {
        if (out.size() + n > maxBodyBytes) {
          throw ApiException.tooLarge("body exceeds server.max_body_bytes = " + maxBodyBytes + " bytes");
        }
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }
}
