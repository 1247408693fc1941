package io.courserec.api;

import io.courserec.catalog.Interaction;
import io.courserec.engine.Engine;
import io.courserec.engine.FeedbackResult;
import io.courserec.rec.UnknownEntityException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
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
 * {@code {accepted, duplicates, duplicate_event_ids}}: an event whose {@code event_id} was stored before is not
 * stored again and is reported as a duplicate (idempotent retries). The affected learners' cached
 * recommendations are dropped.
 *
 * <p>Statuses: 201; 400 (malformed JSON, wrong type, missing field, unknown event type, rating out of range or
 * missing for {@code rate}, bad timestamp, batch too large, unknown course: {@code course_id} /
 * {@code events[i].course_id} with error {@code unknown_course}); 413 (body too large); 503 before ready.
 */
final class FeedbackResource implements Resource {
  private final Engine engine;
  private final FeedbackParser parser;
  private final RecommendationCache cache;
  private final ApiMetrics metrics;
  private final int maxBodyBytes;

  FeedbackResource(Engine engine, FeedbackParser parser, RecommendationCache cache, ApiMetrics metrics, int maxBodyBytes) {
    this.engine = engine;
    this.parser = parser;
    this.cache = cache;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
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
      FeedbackResult result;
      try {
        result = engine.feedback(events);
      } catch (UnknownEntityException e) {
        throw unknownCourse(e, events, parsed.array());
      }
      users.forEach(cache::invalidateUser);
      metrics.countFeedback(events, result);
      ctx.status(201).json(result);
    });
  }

  /** An unknown course is a fault of the body, so 400 naming the first event that references it. */
  private static RuntimeException unknownCourse(UnknownEntityException e, List<Interaction> events, boolean batch) {
    if (!e.kind().equals("course")) return e;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).courseId().equals(e.id())) {
        return new ApiException(400, "unknown_course", FeedbackParser.prefix(batch, i) + "course_id", e.getMessage());
      }
    }
    return new ApiException(400, "unknown_course", "course_id", e.getMessage());
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
