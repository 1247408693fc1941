/**
 * The engine facade that the API and the CLI call: generations (catalog + index + models) with atomic swap, the
 * feedback path, and the model lifecycle (retrain, promote, prune). Imports hybrid, eval, store and below; never api
 * or cli.
 */
package io.courserec.engine;
