/**
 * The HTTP service: Javalin wiring ({@link io.courserec.api.CourseRecServer}), one small class per resource, one
 * place that maps exceptions to JSON errors ({@link io.courserec.api.ApiExceptionMapper}), the recommendation
 * cache, metrics, request logging and admin authentication. It talks to courserec only through
 * {@link io.courserec.engine.Engine}; it imports engine, catalog, rec and config, and nothing imports it except cli.
 */
package io.courserec.api;
