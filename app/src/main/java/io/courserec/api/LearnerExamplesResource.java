package io.courserec.api;

import io.courserec.engine.Engine;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Three learners to try the service with (the learner page's picker, like {@code ./courserec demo}).
 * <pre>
 * GET /learners/examples
 * </pre>
 * Answer: {@code {rich, short_history, newcomer}}, each {@code {user_id, events, interests}} or null when the data
 * has no such learner: the learner with the most events in the serving model's data, the first with 2 to 4
 * events, and {@code newcomer}, an id the model does not know, with the interests of the first learner who
 * declared some (ask {@code /recommend?user=newcomer&interests=...} for a cold start). A learner endpoint: it needs
 * the service token when {@code server.api_token} is set.
 *
 * <p>Statuses: 200; 400 for any query parameter; 503 before a model is loaded.
 */
final class LearnerExamplesResource implements Resource {
  private final Engine engine;

  LearnerExamplesResource(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/learners/examples", ctx -> {
      RequestParams.of(ctx);
      ctx.json(engine.exampleLearners());
    });
  }
}
