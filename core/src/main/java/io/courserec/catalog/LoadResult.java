package io.courserec.catalog;

/** A cleaned data set and the report of what cleaning did to every input row. */
public record LoadResult(Dataset dataset, QualityReport report) {}
