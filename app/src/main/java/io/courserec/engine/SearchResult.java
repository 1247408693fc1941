package io.courserec.engine;

import java.util.List;

/** @param totalHits number of matching courses; 0 means the query matched nothing (the caller says so) */
public record SearchResult(String query, String userId, boolean personalised, long totalHits, List<RankedCourse> items) {}
