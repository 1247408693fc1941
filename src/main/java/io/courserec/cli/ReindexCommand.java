package io.courserec.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CatalogIndexer;
import io.courserec.index.IndexManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code courserec reindex [--data DIR] [--index DIR]}: loads the catalog, builds a new index generation under the
 * index root and switches {@code CURRENT} to it atomically; on failure the previous generation keeps serving.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = "Build a new index generation from the catalog and switch to it atomically.")
public final class ReindexCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ReindexCommand.class);

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Config config = common.config();
    Path dataDir = config.path(ConfigKey.DATA_DIR);
    Path root = config.path(ConfigKey.INDEX_DIR);
    long start = System.nanoTime();
    Dataset data = loadCatalog(dataDir);
    long loaded = System.nanoTime();
    IndexManifest m = new CatalogIndexer(root, config).reindex(data);
    long done = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("indexed %d courses into %s (load %d ms, index %d ms)%n", m.courseCount(),
        root.resolve(io.courserec.index.IndexLayout.dirName(m.generation())), (loaded - start) / 1_000_000,
        (done - loaded) / 1_000_000);
    out.printf("generation %d is now current (data %s, model %s)%n", m.generation(), m.dataHash(), m.modelVersion());
    out.flush();
    return 0;
  }

  /**
   * Reads {@code courses.csv}. Interim reader until {@code catalog.CatalogLoader} is on main: canonical columns
   * by header name, lists split on '|' or ';', rows without id or title and repeated ids skipped with a warning.
   */
  private static Dataset loadCatalog(Path dataDir) throws IOException {
    Path file = dataDir.resolve("courses.csv");
    if (!Files.isRegularFile(file)) throw new UserError("no courses.csv in " + dataDir);
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Course> courses = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        Map<String, String> r = it.nextValue();
        String id = blankToNull(r.get("course_id"));
        String title = blankToNull(r.get("title"));
        if (id == null || title == null || !ids.add(id)) {
          log.warn("{} line {}: skipped ({})", file, it.getCurrentLocation().getLineNr(),
              id == null ? "no course_id" : title == null ? "no title" : "duplicate id " + id);
          continue;
        }
        courses.add(new Course(id, title, r.get("description"), list(r.get("skills")), r.get("organization"),
            Level.fromCode(r.get("level")).orElse(Level.UNKNOWN), r.get("subject"), r.get("language"),
            number(r.get("duration_hours")), null, number(r.get("rating")),
            number(r.get("num_ratings")) == null ? null : number(r.get("num_ratings")).intValue(), r.get("url"),
            list(r.get("prerequisites"))));
      }
    } catch (RuntimeException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
    }
    return Dataset.of(courses, List.of(), List.of());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static List<String> list(String s) {
    if (s == null || s.isBlank()) return List.of();
    return Arrays.stream(s.split("[|;]")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  private static Double number(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
