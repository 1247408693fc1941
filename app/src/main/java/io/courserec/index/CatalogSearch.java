package io.courserec.index;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/**
 * BM25 catalog search. The user's text is analysed with the index analysers and turned into term queries by
 * hand, never given to a query parser, so {@code C++}, {@code AND}, {@code title:(} or a stray quote are just
 * words. For the analysed terms t1..tn (at most {@value #MAX_TERMS} distinct, in order):
 *
 * <pre>
 *   score(d) = sum over fields f in {title, skills, description, subject}, terms t:  w_f x BM25(t, d.f)
 *            + w_exact x BM25(whole text as one skill, d.skill_exact)
 * </pre>
 *
 * with the weights {@code index.search.weight.*}. Any single term may match (OR); filters are {@code FILTER}
 * clauses ({@link FilterQueries}). Ties keep index order, which is ordinal order.
 */
public final class CatalogSearch {
  /** Distinct query terms used at most; the rest of a very long text is ignored (keeps the clause count bounded). */
  public static final int MAX_TERMS = 64;

  private static final Map<String, String> DISPLAY = Map.of(
      CourseFields.TITLE, "title", CourseFields.SKILLS, "skills", CourseFields.SKILL_EXACT, "skills",
      CourseFields.DESCRIPTION, "description", CourseFields.SUBJECT_TEXT, "subject");

  private final CatalogIndex index;
  private final Map<String, Float> fieldWeights;
  private final float exactSkillWeight;

  public CatalogSearch(CatalogIndex index, Config config) {
    this.index = index;
    Map<String, Float> w = new LinkedHashMap<>();
    w.put(CourseFields.TITLE, (float) config.number(ConfigKey.SEARCH_W_TITLE));
    w.put(CourseFields.SKILLS, (float) config.number(ConfigKey.SEARCH_W_SKILLS));
    w.put(CourseFields.DESCRIPTION, (float) config.number(ConfigKey.SEARCH_W_DESCRIPTION));
    w.put(CourseFields.SUBJECT_TEXT, (float) config.number(ConfigKey.SEARCH_W_SUBJECT));
    this.fieldWeights = Collections.unmodifiableMap(w); // ordered: clause order fixes float sums
    this.exactSkillWeight = (float) config.number(ConfigKey.SEARCH_W_SKILL_EXACT);
  }

  /** Runs a search on the current generation. */
  public CatalogHits search(SearchRequest request) throws IOException {
    try (IndexHandle h = index.acquire()) {
      return search(h, request);
    }
  }

  /** Runs a search on a pinned generation. */
  public CatalogHits search(IndexHandle h, SearchRequest request) throws IOException {
    Query text = textQuery(request.text());
    if (text == null) return new CatalogHits(List.of(), 0, CatalogHits.Status.NO_TERMS, h.generation());
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    Query query = FilterQueries.addTo(b, request.filter(), List.of()).build();
    IndexSearcher searcher = h.searcher();
    int depth = request.k() + request.offset(); // bounded by SearchRequest.MAX_DEPTH
    TopDocs top = searcher.search(query, depth);
    long total = searcher.count(query);
    if (total == 0) {
      boolean onlyStopWords = CourseFields.analyze(CourseFields.TITLE, request.text()).isEmpty();
      return new CatalogHits(List.of(), 0,
          onlyStopWords ? CatalogHits.Status.NO_TERMS : CatalogHits.Status.NO_MATCH, h.generation());
    }
    Weight matcher = searcher.createWeight(searcher.rewrite(text), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<CatalogHits.Hit> hits = new ArrayList<>();
    ScoreDoc[] sd = top.scoreDocs;
    for (int i = request.offset(); i < sd.length; i++) {
      CourseDocuments.StoredCourse c = h.course(sd[i].doc);
      hits.add(new CatalogHits.Hit(i + 1, c.id(), c.title(), sd[i].score, matchedFields(h, matcher, sd[i].doc), c));
    }
    return new CatalogHits(hits, total, CatalogHits.Status.OK, h.generation());
  }

  /**
   * The scoring part of the search for {@code text}, or null when the text has no searchable term (blank, or
   * only stop words that are not a skill either).
   */
  public Query textQuery(String text) {
    Set<String> terms = new LinkedHashSet<>(CourseFields.analyze(CourseFields.TITLE, text));
    String skill = CourseFields.skillTerm(text);
    if (terms.isEmpty() && skill.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    for (String t : terms) {
      if (n++ == MAX_TERMS) break;
      for (Map.Entry<String, Float> f : fieldWeights.entrySet()) {
        if (f.getValue() > 0) b.add(boosted(new TermQuery(new Term(f.getKey(), t)), f.getValue()), BooleanClause.Occur.SHOULD);
      }
    }
    if (!skill.isEmpty() && exactSkillWeight > 0) {
      b.add(boosted(new TermQuery(new Term(CourseFields.SKILL_EXACT, skill)), exactSkillWeight), BooleanClause.Occur.SHOULD);
    }
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private static Query boosted(Query q, float w) {
    return w == 1f ? q : new BoostQuery(q, w);
  }

  private static List<String> matchedFields(IndexHandle h, Weight matcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = h.reader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Matches m = matcher.matches(leaf, doc - leaf.docBase);
    Set<String> out = new LinkedHashSet<>();
    if (m != null) {
      for (String field : m) {
        String shown = DISPLAY.get(field);
        if (shown != null) out.add(shown);
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String f : List.of("title", "skills", "description", "subject")) if (out.contains(f)) ordered.add(f);
    return ordered;
  }
}
