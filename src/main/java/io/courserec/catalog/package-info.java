/**
 * Records for courses, learners and interactions; CSV readers; cleaning and normalisation; the quality report;
 * the feedback matrix shared by CF and MF. Imports only {@code config}.
 */
package io.courserec.catalog;
