package io.courserec.engine;

import io.courserec.catalog.Course;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.QualityReport;
import java.util.List;
import java.util.Optional;

/**
 * What the service and the CLI ask of courserec: one facade over the current generation (catalog + index +
 * models) plus the feedback store and the model lifecycle. Implementations are thread-safe; every read uses one
 * generation from start to end (a swap never mixes two).
 *
 * <p>Errors: {@link io.courserec.rec.UnknownEntityException} for unknown course ids (and unknown users where a
 * user is required), {@link InvalidInputException} naming the field for bad input, {@link NotReadyException}
 * before the first generation is loaded.
 */
public interface Engine extends AutoCloseable {
  /** Ranked courses for a learner; unknown learners get cold-start (interests) or popular results, marked so. */
  RecommendResult recommend(RecommendQuery query);

  /** Catalog search; personalised when {@code query.userId()} is given. */
  SearchResult search(SearchQuery query);

  /** Courses similar to one course (content similarity). */
  List<RankedCourse> similar(String courseId, int k);

  /** Why a course ranks where it does for a learner (works for any course, recommended or not). */
  ExplainResult explain(String userId, String courseId);

  Course course(String courseId);

  /** The learner's events: the training data plus accepted feedback, oldest first. */
  List<Interaction> history(String userId);

  /**
   * One page of {@link #history(String)}: {@code limit} events from position {@code offset}. The default reads
   * the whole history; implementations read only what the page needs.
   */
  default HistoryPage history(String userId, int offset, int limit) {
    List<Interaction> all = history(userId);
    int from = Math.min(offset, all.size());
    return new HistoryPage(all.size(), offset, all.subList(from, Math.min(all.size(), from + limit)));
  }

  /**
   * The learner's earned skills (credit per skill from the courses they took), goals (as given, else declared) and
   * gap. Unknown learners raise {@link io.courserec.rec.UnknownEntityException}; an unknown goal skill an
   * {@link InvalidInputException} on {@code goal} naming close matches.
   */
  io.courserec.learning.LearnerSkills skills(String userId, List<String> goals);

  /** An ordered plan of courses from the learner's skills to their goals (see {@link PathQuery}). */
  io.courserec.learning.LearningPath path(PathQuery query);

  /** Validates and durably stores feedback; returns after the events are committed. */
  FeedbackResult feedback(List<Interaction> events);

  /**
   * Erases a learner (right to be forgotten): puts them on the erasure list (so the data files cannot bring them
   * back), deletes their stored events, hides them from the serving model at once, and starts the job that replaces
   * and retires every model version holding them. Idempotent; an unknown learner is not an error.
   */
  ErasureResult forget(String userId);

  EngineStatus status();

  /** Starts a background reindex (new index generation from the current catalog and models). */
  JobStatus startReindex();

  /** Starts a background retrain: catalog + all stored feedback, evaluate on a holdout, promote if good. */
  JobStatus startRetrain();

  JobStatus job(String jobId);

  /** The running or queued job and the last {@code n} jobs (newest first), for a page that did not start them. */
  JobList jobs(int n);

  List<ModelInfo> models();

  /** A rich, a short-history and a new learner from the serving model's data (the learner page's picker). */
  ExampleLearners exampleLearners();

  /** The data quality report of the load the serving model was built from; empty for versions built before it was kept. */
  Optional<QualityReport> qualityReport();

  /**
   * Registers a listener for answers made stale by changes this process' requests did not make (other replicas'
   * feedback and erasures on a shared PostgreSQL store, a model version promoted elsewhere and picked up here).
   * The default never calls it: an engine alone on its store sees every change in its own requests.
   */
  default StaleAnswerListener.Registration onStaleAnswers(StaleAnswerListener listener) {
    return () -> { };
  }

  /**
   * Requests waiting now for a slot to compute their answer ({@code recommend.max_concurrent}); 0 for an engine that
   * does not bound them.
   */
  default int answersWaiting() { return 0; }

  @Override
  void close();
}
