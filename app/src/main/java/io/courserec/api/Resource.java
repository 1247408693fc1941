package io.courserec.api;

import io.javalin.router.JavalinDefaultRoutingApi;

/** One HTTP resource: registers its routes. Each implementation's Javadoc states its URL grammar and statuses. */
interface Resource {
  void register(JavalinDefaultRoutingApi routes);
}
