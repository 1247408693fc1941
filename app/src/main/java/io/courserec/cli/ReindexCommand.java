package io.courserec.cli;

import io.courserec.catalog.CatalogLoader;
import io.courserec.catalog.DataException;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.LoadResult;
import io.courserec.catalog.QualityReport;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.IndexManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code courserec reindex [--data DIR] [--index DIR]}: loads and cleans the catalog ({@link CatalogLoader}), builds
 * a new index generation under the index root and switches {@code CURRENT} to it atomically; on failure the
 * previous generation keeps serving. Rows merged or rejected by cleaning are counted in one line.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = "Build a new index generation from the catalog and switch to it atomically.")
public final class ReindexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Config config = common.config();
    Path dataDir = config.path(ConfigKey.DATA_DIR);
    Path root = config.path(ConfigKey.INDEX_DIR);
    long start = System.nanoTime();
    LoadResult load = loadCatalog(dataDir, config);
    Dataset data = load.dataset();
    QualityReport.FileReport rows = load.report().file(CatalogLoader.COURSES);
    long loaded = System.nanoTime();
    IndexManifest m = new CatalogIndexer(root, config).reindex(data);
    long done = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    if (rows != null && rows.merged() + rows.rejected() > 0) {
      out.printf("%s: %d rows read, %d merged as duplicates, %d rejected (details: ./courserec validate)%n",
          CatalogLoader.COURSES, rows.rowsRead(), rows.merged(), rows.rejected());
    }
    out.printf("indexed %d courses into %s (load %d ms, index %d ms)%n", m.courseCount(),
        root.resolve(io.courserec.index.IndexLayout.dirName(m.generation())), (loaded - start) / 1_000_000,
        (done - loaded) / 1_000_000);
    out.printf("generation %d is now current (data %s, model %s)%n", m.generation(), m.dataHash(), m.modelVersion());
    out.flush();
    return 0;
  }

  /** Loads and cleans {@code courses.csv} the way every command does (learners and events are not needed). */
  private static LoadResult loadCatalog(Path dataDir, Config config) {
    Path file = dataDir.resolve(CatalogLoader.COURSES);
    if (!Files.isRegularFile(file)) throw new UserError("no " + CatalogLoader.COURSES + " in " + dataDir);
    try {
      return CatalogLoader.loadCourses(file, config);
    } catch (DataException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
