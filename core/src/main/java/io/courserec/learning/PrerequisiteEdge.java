package io.courserec.learning;

/**
 * One edge of the prerequisite graph: take {@code prerequisite} before {@code dependant} (course ordinals).
 *
 * @param confidence 1 for a given edge; for an inferred one the score of {@link PrerequisiteInference}, in [0,1]
 */
public record PrerequisiteEdge(int prerequisite, int dependant, float confidence, EdgeSource source) {
  /** Strongest first; then given before inferred; then by ordinals, so cycle breaking is deterministic. */
  static final java.util.Comparator<PrerequisiteEdge> STRONGEST_FIRST =
      java.util.Comparator.comparingDouble((PrerequisiteEdge e) -> -e.confidence())
          .thenComparing(PrerequisiteEdge::source)
          .thenComparingInt(PrerequisiteEdge::dependant)
          .thenComparingInt(PrerequisiteEdge::prerequisite);
}
