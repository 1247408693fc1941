/**
 * What a long job reports while it runs: named stages and counted units of work ({@link io.courserec.progress.Progress},
 * {@link io.courserec.progress.Counter}). Jobs report; how it is shown (a bar on a terminal, periodic lines in a log
 * or a pipe, a job record on the web) is decided by whoever passes the {@code Progress} in. Imports nothing of ours,
 * so every package may use it.
 */
package io.courserec.progress;
