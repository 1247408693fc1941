package io.courserec.eval;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Course-to-course content similarity used by the diversity metric: the cosine of TF-IDF vectors built in memory
 * from each course's skills, subject and title (no index needed, so evaluation measures every algorithm with the
 * same yardstick).
 *
 * <p>Tokens come from Lucene's {@link EnglishAnalyzer} (standard tokenizer, lower case, English stop words,
 * Porter stemming) over "skills subject title". For term t in course d, with N courses and df(t) the number of
 * courses containing t: w(t, d) = tf(t, d) &times; idf(t), idf(t) = ln((1 + N) / (1 + df(t))) + 1 (the smoothed
 * idf of scikit-learn's {@code TfidfVectorizer}, never zero, so a term shared by every course still counts). Each
 * vector is L2-normalised and cos(a, b) = &Sigma;_t w(t, a) w(t, b). A course without tokens has the zero vector
 * and similarity 0 to every course, including itself. Immutable and thread-safe.
 */
public final class ContentSimilarity {
  private final Dataset catalog;
  private final int[][] terms;
  private final float[][] weights;

  private ContentSimilarity(Dataset catalog, int[][] terms, float[][] weights) {
    this.catalog = catalog;
    this.terms = terms;
    this.weights = weights;
  }

  /** Builds the vectors of every course of the data set's catalog. */
  public static ContentSimilarity of(Dataset data) {
    int n = data.numCourses();
    Map<String, Integer> dictionary = new HashMap<>();
    int[][] tfTerms = new int[n][];
    int[][] tfCounts = new int[n][];
    try (Analyzer analyzer = new EnglishAnalyzer()) {
      for (int c = 0; c < n; c++) {
        TreeMap<Integer, Integer> tf = new TreeMap<>();
        for (String token : tokens(analyzer, text(data.course(c)))) {
          int id = dictionary.computeIfAbsent(token, t -> dictionary.size());
          tf.merge(id, 1, Integer::sum);
        }
        tfTerms[c] = tf.keySet().stream().mapToInt(Integer::intValue).toArray();
        tfCounts[c] = tf.values().stream().mapToInt(Integer::intValue).toArray();
      }
    }
    int[] df = new int[dictionary.size()];
    for (int[] ts : tfTerms) for (int t : ts) df[t]++;
    float[][] w = new float[n][];
    for (int c = 0; c < n; c++) {
      double[] v = new double[tfTerms[c].length];
      double norm = 0;
      for (int j = 0; j < v.length; j++) {
        v[j] = tfCounts[c][j] * (Math.log((1.0 + n) / (1.0 + df[tfTerms[c][j]])) + 1.0);
        norm += v[j] * v[j];
      }
      norm = Math.sqrt(norm);
      w[c] = new float[v.length];
      for (int j = 0; j < v.length; j++) w[c][j] = (float) (v[j] / norm);
    }
    return new ContentSimilarity(data, tfTerms, w);
  }

  private static String text(Course c) {
    return String.join(" ", c.skills()) + " " + c.subject() + " " + c.title();
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("content", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return out;
  }

  /** Cosine similarity of two courses by ordinal, in [0, 1]. */
  public double cosine(int a, int b) {
    int[] ta = terms[a];
    int[] tb = terms[b];
    float[] wa = weights[a];
    float[] wb = weights[b];
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] == tb[j]) dot += (double) wa[i++] * wb[j++];
      else if (ta[i] < tb[j]) i++;
      else j++;
    }
    return dot;
  }

  /** Cosine similarity of two courses by id; an unknown id is an {@link IllegalArgumentException}. */
  public double cosine(String a, String b) {
    return cosine(ordinal(a), ordinal(b));
  }

  private int ordinal(String id) {
    int o = catalog.courseOrdinal(id);
    if (o < 0) throw new IllegalArgumentException("unknown course '" + id + "'");
    return o;
  }
}
