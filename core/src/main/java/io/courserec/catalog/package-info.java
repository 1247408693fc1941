/**
 * Records for courses, learners and interactions; CSV reading, cleaning and normalisation; the quality report;
 * the canonical CSV writer and the importers of external catalogs and interaction logs; the feedback matrix shared by CF and MF.
 * Entry points: {@link io.courserec.catalog.CatalogLoader} (a data directory or a catalog file into a
 * {@link io.courserec.catalog.Dataset} plus a {@link io.courserec.catalog.QualityReport}),
 * {@link io.courserec.catalog.CsvWriter}, {@link io.courserec.catalog.CatalogImporter} (catalog exports) and the log
 * importers {@link io.courserec.catalog.InteractionsImporter} and {@link io.courserec.catalog.MovieLensImporter}
 * (a whole data directory from a CSV/TSV log or a MovieLens directory). Imports only {@code config} and {@code progress} (importers count the rows they read).
 */
package io.courserec.catalog;
