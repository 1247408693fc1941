package io.courserec.bench;

import io.courserec.catalog.Dataset;
import io.courserec.cbr.CbrRecommender;
import io.courserec.config.Config;
import io.courserec.index.CatalogHits;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogSearch;
import io.courserec.index.SearchRequest;
import io.courserec.rec.RecommendRequest;
import io.courserec.rec.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of catalog search, content-based cold-start recommendation and similar-courses on an existing index
 * (build it first with {@code ./courserec reindex}). Sample-time mode, so JMH prints p50/p90/p99:
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp bench/target/courserec-bench.jar org.openjdk.jmh.Main CatalogIndexBenchmark \
 *        -p index=index -rf json -rff target/index-bench.json
 * </pre>
 *
 * Each invocation takes the next query from a fixed list of 16 realistic queries (interests for CBR), so the
 * numbers average over short and long queries rather than hitting one cached path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CatalogIndexBenchmark {
  private static final List<String> QUERIES = List.of("python", "machine learning", "data analysis with excel",
      "project management", "C++", "sql databases", "deep learning neural networks", "marketing strategy",
      "financial accounting", "cloud computing aws", "public health", "graphic design", "statistics for data science",
      "leadership and communication", "web development javascript", "cybersecurity fundamentals");

  /** Index root directory (the one holding CURRENT). */
  @Param("index")
  public String index;

  private CatalogIndex catalog;
  private CatalogSearch search;
  private CbrRecommender cbr;
  private List<String> courseIds;
  private int next;

  @Setup(Level.Trial)
  public void open() throws IOException {
    Config config = Config.defaults();
    catalog = CatalogIndex.open(Path.of(index));
    search = new CatalogSearch(catalog, config);
    cbr = new CbrRecommender(catalog, config);
    cbr.train(Dataset.of(List.of(), List.of(), List.of())); // cold-start requests only: no learners needed
    try (var h = catalog.acquire()) {
      courseIds = new java.util.ArrayList<>();
      for (int d = 0; d < h.reader().maxDoc(); d += Math.max(1, h.reader().maxDoc() / 64)) courseIds.add(h.course(d).id());
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    catalog.close();
  }

  @Benchmark
  public CatalogHits searchTop10() throws IOException {
    return search.search(SearchRequest.of(QUERIES.get(next++ & 15), 10));
  }

  @Benchmark
  public List<Recommendation> cbrColdStartTop10() {
    String interest = QUERIES.get(next++ & 15);
    return cbr.recommend(RecommendRequest.of("bench-user", 10).withInterests(List.of(interest)));
  }

  @Benchmark
  public List<Recommendation> similarTop10() {
    return cbr.similar(courseIds.get(next++ % courseIds.size()), 10);
  }
}
