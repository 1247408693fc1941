package io.courserec.hybrid;

import io.courserec.catalog.Dataset;
import io.courserec.cbr.CbrRecommender;
import io.courserec.config.Config;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.CourseSignals;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import io.courserec.rec.Recommender;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The content-based recommender on its own ("cbr"), for evaluation and the CLI: training indexes the data set's
 * catalog into its own index root (a temporary directory unless one is given) and binds a {@link CbrRecommender}
 * to it. Loading opens the index root as it is.
 */
public final class StandaloneCbr implements Recommender, Closeable {
  private final Config config;
  private final Path root;
  private final boolean ownsRoot;
  private CatalogIndex index;
  private CbrRecommender cbr;

  public StandaloneCbr(Config config, Path indexRoot) {
    this.config = config;
    try {
      this.ownsRoot = indexRoot == null;
      this.root = indexRoot == null ? Files.createTempDirectory("courserec-cbr-") : indexRoot;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() { return CbrRecommender.NAME; }

  @Override
  public synchronized void train(Dataset data) {
    try {
      new CatalogIndexer(root, config).reindex(data, CourseSignals.none(data.numCourses()));
      if (index == null) index = CatalogIndex.open(root);
      index.refresh();
      cbr = new CbrRecommender(index, config);
      cbr.train(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CbrRecommender cbr() {
    CbrRecommender c = cbr;
    if (c == null) throw new IllegalStateException("cbr is neither trained nor loaded");
    return c;
  }

  @Override
  public boolean canRecommend(RecommendRequest request) { return cbr().canRecommend(request); }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) { return cbr().recommend(request); }

  @Override
  public void save(Path dir) throws IOException { cbr().save(dir); }

  @Override
  public synchronized void load(Path dir, Dataset catalog) throws IOException {
    if (index == null) index = CatalogIndex.open(root);
    cbr = new CbrRecommender(index, config);
    cbr.load(dir, catalog);
  }

  @Override
  public synchronized void close() {
    try {
      if (index != null) index.close();
      if (ownsRoot) HybridFiles.deleteTree(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
