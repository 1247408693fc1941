package io.courserec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.courserec.cbr.CbrRecommender;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import io.courserec.index.CatalogIndex;
import io.courserec.index.IndexHandle;
import io.courserec.rec.Evidence;
import io.courserec.rec.Recommendation;
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
import picocli.CommandLine.Spec;

/**
 * {@code courserec similar --course ID [--k 10] [--format table|json]}: the courses most similar in content to a
 * course (MoreLikeThis retrieval over term vectors, weighted-cosine ranking), with the shared skills. Needs only
 * the index; an unknown course id is a one-line error.
 */
@Command(name = "similar", mixinStandardHelpOptions = true, description = "Courses similar in content to a course.")
public final class SimilarCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--course", required = true, paramLabel = "ID", description = "Course id")
  String courseId;

  @Option(names = "--k", defaultValue = "10", description = "Number of results (default ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--format", defaultValue = "table", description = "table | json (default ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() throws IOException {
    if (k < 1) throw new UserError("--k must be at least 1, got " + k);
    if (!format.equals("table") && !format.equals("json")) throw new UserError("--format must be table or json, got '" + format + "'");
    Config config = common.config();
    PrintWriter out = spec.commandLine().getOut();
    try (CatalogIndex index = IndexOpener.open(config.path(ConfigKey.INDEX_DIR))) {
      List<Recommendation> recs = new CbrRecommender(index, config).similar(courseId, k);
      try (IndexHandle h = index.acquire()) {
        String title = h.course(h.docId(courseId)).title();
        if (format.equals("json")) {
          out.println(json(h, title, recs));
        } else if (recs.isEmpty()) {
          out.printf("no course shares enough content with %s (%s)%n", courseId, title);
        } else {
          out.printf("courses similar to %s (%s)%n", courseId, title);
          out.printf("%4s  %6s  %-16s  %-50s  %s%n", "rank", "sim", "course", "title", "why");
          int rank = 1;
          for (Recommendation r : recs) {
            out.printf(Locale.ROOT, "%4d  %6.3f  %-16s  %-50s  %s%n", rank++, r.score(), SearchCommand.cut(r.courseId(), 16),
                SearchCommand.cut(titleOf(h, r.courseId()), 50), r.evidence().isEmpty() ? "" : r.evidence().get(0).text());
          }
        }
      }
    }
    out.flush();
    return 0;
  }

  private static String titleOf(IndexHandle h, String id) throws IOException {
    int doc = h.docId(id);
    return doc < 0 ? id : h.course(doc).title();
  }

  private String json(IndexHandle h, String title, List<Recommendation> recs) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("course_id", courseId);
    m.put("title", title);
    List<Map<String, Object>> items = new ArrayList<>();
    int rank = 1;
    for (Recommendation r : recs) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rank", rank++);
      x.put("course_id", r.courseId());
      x.put("title", titleOf(h, r.courseId()));
      x.put("similarity", r.score());
      x.put("evidence", r.evidence().stream().map(Evidence::text).toList());
      items.add(x);
    }
    m.put("similar", items);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
  }
}
