package io.courserec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.courserec.catalog.Level;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CatalogHits;
import io.courserec.index.CatalogIndex;
import io.courserec.index.CatalogSearch;
import io.courserec.index.SearchRequest;
import io.courserec.rec.CourseFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code courserec search "QUERY" [--level L] [--language L] [--organization O] [--subject S] [--max-hours H]
 * [--k 10] [--offset 0] [--format table|json]}: BM25 over the current index generation. The query is plain words,
 * never query syntax. When nothing matches, or the query has no searchable word, the command says so (exit 0).
 */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the catalog (BM25; the query is plain words).")
public final class SearchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "Words to search for")
  String query;

  @Option(names = "--level", description = "beginner | intermediate | advanced | mixed (mixed courses pass any level)")
  String level;

  @Option(names = "--language", description = "Course language, e.g. en")
  String language;

  @Option(names = "--organization", description = "Organisation offering the course (exact name, any case)")
  String organization;

  @Option(names = "--subject", description = "Subject (exact name, any case)")
  String subject;

  @Option(names = "--max-hours", paramLabel = "H", description = "Longest duration in hours (courses of unknown duration are left out)")
  Double maxHours;

  @Option(names = "--k", defaultValue = "10", description = "Number of results (default ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--offset", defaultValue = "0", description = "Results to skip (default ${DEFAULT-VALUE})")
  int offset;

  @Option(names = "--format", defaultValue = "table", description = "table | json (default ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--user", paramLabel = "ID", description = "Personalise: blend BM25 with this learner's CF/MF signals "
      + "(answers from the trained model in --models, like the API's /search?user=)")
  String user;

  @Override
  public Integer call() throws IOException {
    if (k < 1) throw new UserError("--k must be at least 1, got " + k);
    if (offset < 0) throw new UserError("--offset must be at least 0, got " + offset);
    if ((long) k + offset > SearchRequest.MAX_DEPTH) {
      throw new UserError("--k + --offset must be at most " + SearchRequest.MAX_DEPTH + ", got " + ((long) k + offset));
    }
    if (!format.equals("table") && !format.equals("json")) throw new UserError("--format must be table or json, got '" + format + "'");
    if (maxHours != null && !(maxHours >= 0)) throw new UserError("--max-hours must be a non-negative number, got " + maxHours);
    CourseFilter filter = new CourseFilter(parseLevel(level), blank(language), blank(organization), blank(subject), maxHours);
    Config config = common.config();
    if (user != null) return personal(config, filter);
    CatalogHits r;
    try (CatalogIndex index = IndexOpener.open(config.path(ConfigKey.INDEX_DIR))) {
      r = new CatalogSearch(index, config).search(new SearchRequest(query, filter, k, offset));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) out.println(json(r));
    else table(out, r, !filter.isEmpty());
    out.flush();
    return 0;
  }

  /** The engine's personalised search, the same code path as {@code GET /search?q=&user=}. */
  private int personal(Config config, CourseFilter filter) throws IOException {
    io.courserec.engine.SearchResult r;
    try (io.courserec.engine.DefaultEngine engine = openEngine(config)) {
      r = engine.search(new io.courserec.engine.SearchQuery(query, user, filter, k, offset));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(new com.fasterxml.jackson.databind.ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .writerWithDefaultPrettyPrinter().writeValueAsString(r));
    } else if (r.totalHits() == 0) {
      out.printf("no course matches \"%s\"%s%n", query, filter.isEmpty() ? "" : " with these filters");
    } else {
      out.printf("%4s  %7s  %-16s  %-50s  %s%n", "rank", "score", "course", "title", "signals");
      for (io.courserec.engine.RankedCourse c : r.items()) {
        StringBuilder sig = new StringBuilder();
        c.signals().forEach((name, share) -> sig.append(String.format(Locale.ROOT, "%s %.0f%% ", name, 100 * share)));
        out.printf(Locale.ROOT, "%4d  %7.3f  %-16s  %-50s  %s%n", c.rank(), c.score(), cut(c.courseId(), 16),
            cut(c.title(), 50), sig.toString().trim());
      }
      out.printf("%d of %d matching courses, %s for %s%n", r.items().size(), r.totalHits(),
          r.personalised() ? "personalised" : "plain BM25 (learner unknown to the model)", user);
    }
    out.flush();
    return 0;
  }

  private static io.courserec.engine.DefaultEngine openEngine(Config config) {
    try {
      return io.courserec.engine.Engines.openForQueries(config);
    } catch (RuntimeException e) {
      throw new UserError("--user needs a trained model (" + e.getMessage() + "); run ./courserec train first");
    }
  }

  static Level parseLevel(String s) {
    if (s == null) return null;
    return Level.fromCode(s).filter(l -> l != Level.UNKNOWN)
        .orElseThrow(() -> new UserError("unknown level '" + s + "' (beginner, intermediate, advanced, mixed)"));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private void table(PrintWriter out, CatalogHits r, boolean filtered) {
    switch (r.status()) {
      case NO_TERMS -> out.printf("no searchable words in \"%s\" (only stop words or punctuation)%n", query);
      case NO_MATCH -> out.printf("no course matches \"%s\"%s%n", query, filtered ? " with these filters" : "");
      case OK -> {
        if (r.hits().isEmpty()) {
          out.printf("%d courses match; none after offset %d%n", r.totalMatches(), offset);
          return;
        }
        out.printf("%4s  %7s  %-16s  %-50s  %-12s  %s%n", "rank", "score", "course", "title", "level", "matched");
        for (CatalogHits.Hit h : r.hits()) {
          out.printf(Locale.ROOT, "%4d  %7.3f  %-16s  %-50s  %-12s  %s%n", h.rank(), h.score(), cut(h.courseId(), 16),
              cut(h.title(), 50), h.course().level(), String.join(",", h.matchedFields()));
        }
        out.printf("%d of %d matching courses (index generation %d)%n", r.hits().size(), r.totalMatches(), r.generation());
      }
    }
  }

  private String json(CatalogHits r) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query", query);
    m.put("status", r.status().name().toLowerCase(Locale.ROOT));
    m.put("total", r.totalMatches());
    m.put("generation", r.generation());
    List<Map<String, Object>> hits = new ArrayList<>();
    for (CatalogHits.Hit h : r.hits()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rank", h.rank());
      x.put("course_id", h.courseId());
      x.put("title", h.title());
      x.put("score", h.score());
      x.put("matched", h.matchedFields());
      x.put("level", h.course().level());
      x.put("organization", h.course().organization());
      x.put("subject", h.course().subject());
      x.put("duration_hours", h.course().durationHours());
      x.put("rating", h.course().rating());
      hits.add(x);
    }
    m.put("hits", hits);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
  }

  static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
