package io.courserec.catalog;

import java.util.List;

/**
 * One course row as read, before cleaning: every value is the raw text (null when the source had no such field).
 * Built by the courses.csv reader and by the import adapters, consumed by {@link CourseCleaner}.
 *
 * @param idGenerated true when the importer derived the id from title and organisation, so an id collision is
 *     reported as a duplicate title and organisation
 * @param durationHours the {@code duration_hours} field: hours as a number, or a duration text
 * @param durationText a duration text ({@code "1 - 3 Months"}) kept for display
 */
record CourseDraft(String file, long line, String excerpt, String id, boolean idGenerated, String title,
                   String description, List<String> skills, String organization, String level, String subject,
                   String language, String durationHours, String durationText, String rating, String numRatings,
                   String url, List<String> prerequisites) {}
