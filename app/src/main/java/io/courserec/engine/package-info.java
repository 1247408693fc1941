/**
 * The engine facade that the API and the CLI call ({@link io.courserec.engine.Engines} opens a
 * {@link io.courserec.engine.DefaultEngine}): the serving model version (a self-contained version directory:
 * training data, hybrid components, index) behind an atomic {@link io.courserec.engine.Swappable}, feedback stored
 * durably and applied per request since the model's store position, and the model lifecycle (build with a holdout
 * evaluation, promotion gate, swap, prune, background jobs), and learning paths over the version's prerequisite
 * graph ({@link io.courserec.engine.LearnerPlans}); a server follows other replicas on the same store and models
 * directory (their feedback, erasures and promoted versions). Imports hybrid, learning, eval, store and below;
 * never api or cli.
 */
package io.courserec.engine;
