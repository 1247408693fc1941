/**
 * Learning paths: a learner's earned skills against their goals ({@link io.courserec.learning.SkillsModel}), the
 * prerequisite graph between courses, given by the catalog or inferred from levels, shared skills and the order
 * learners take courses ({@link io.courserec.learning.PrerequisiteInference}), and the planner that turns a gap into
 * an ordered plan ({@link io.courserec.learning.PathPlanner}). Imports catalog and config only; the hybrid's scores
 * reach the planner as plain arrays from the engine, so this package never imports hybrid, engine, api or cli.
 */
package io.courserec.learning;
