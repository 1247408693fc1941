package io.courserec.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the generator's calibration with deliberately simple recommenders written here (not the project's), so
 * the check does not move when the real algorithms change: on a sample-sized data set (400 courses, 2,500
 * learners, seed 42) item co-occurrence must clearly beat popularity on held-out courses of warm learners, and
 * matching declared interests and goals against course text must clearly beat popularity for cold-start learners,
 * while neither is near perfect (the data is meant to be noisy). Measured values are in the assertions' comments.
 */
class GeneratedSignalIT {
  @TempDir Path tmp;

  @Test
  void collaborativeAndContentSignalsAreClearButNotTrivial() throws IOException {
    GeneratorSettings s = GeneratorSettings.defaults(42).withCourses(400).withUsers(2500);
    new DataGenerator(s).generate(tmp, ProgressListener.NONE);
    GeneratedFiles f = GeneratedFiles.read(tmp);
    Map<String, Integer> course = new HashMap<>();
    for (Map<String, String> c : f.courses()) course.put(c.get("course_id"), course.size());
    int nc = course.size();
    Map<String, Set<Integer>> positives = new HashMap<>();
    Map<String, Set<Integer>> touched = new HashMap<>();
    Map<String, Integer> events = new HashMap<>();
    Set<String> dismissed = new HashSet<>();
    for (Map<String, String> e : f.interactions()) {
      String u = e.get("user_id");
      int c = course.get(e.get("course_id"));
      events.merge(u, 1, Integer::sum);
      touched.computeIfAbsent(u, k -> new HashSet<>()).add(c);
      String ev = e.get("event");
      if (ev.equals("dismiss")) dismissed.add(u + " " + c);
      boolean positive = ev.equals("enroll") || ev.equals("complete") || ev.equals("bookmark")
          || (ev.equals("rate") && Integer.parseInt(e.get("rating")) >= 4);
      if (positive) positives.computeIfAbsent(u, k -> new HashSet<>()).add(c);
    }
    // warm learners: hide 20% of positive courses (at least one), seeded per learner
    Map<String, Set<Integer>> train = new HashMap<>();
    Map<String, Set<Integer>> test = new HashMap<>();
    for (Map.Entry<String, Set<Integer>> p : positives.entrySet()) {
      List<Integer> list = new ArrayList<>(p.getValue());
      list.sort(null);
      if (events.get(p.getKey()) <= 2 || list.size() < 3) {
        train.put(p.getKey(), new HashSet<>(list));
        continue;
      }
      SplittableRandom rng = new SplittableRandom(p.getKey().hashCode());
      int hide = Math.max(1, (int) Math.round(0.2 * list.size()));
      Set<Integer> held = new HashSet<>();
      while (held.size() < hide) held.add(list.get(rng.nextInt(list.size())));
      test.put(p.getKey(), held);
      Set<Integer> rest = new HashSet<>(list);
      rest.removeAll(held);
      train.put(p.getKey(), rest);
    }
    double[] popularity = new double[nc];
    for (Set<Integer> t : train.values()) for (int c : t) popularity[c]++;
    double[][] cooc = new double[nc][nc];
    for (Set<Integer> t : train.values()) for (int a : t) for (int b : t) if (a != b) cooc[a][b]++;
    double[] warmPop = new double[1];
    double[] warmKnn = new double[1];
    for (Map.Entry<String, Set<Integer>> t : test.entrySet()) {
      Set<Integer> seen = new HashSet<>(touched.get(t.getKey()));
      seen.removeAll(t.getValue());
      double[] knn = new double[nc];
      for (int a : train.get(t.getKey())) {
        for (int b = 0; b < nc; b++) {
          double denom = Math.sqrt(popularity[a] * popularity[b]);
          if (denom > 0) knn[b] += cooc[a][b] / denom;
        }
      }
      warmPop[0] += ndcg(popularity, seen, t.getValue());
      warmKnn[0] += ndcg(knn, seen, t.getValue());
    }
    double pop = warmPop[0] / test.size();
    double knn = warmKnn[0] / test.size();
    // measured: popularity 0.14, item co-occurrence 0.32 over 1,410 learners
    assertThat(test.size()).isGreaterThan(800);
    assertThat(knn).as("item co-occurrence vs popularity %.3f", pop).isGreaterThan(2 * pop).isLessThan(0.7);

    // cold-start learners: every course they touched is a target, their profile is all we know
    Map<String, Double> idf = new HashMap<>();
    List<Set<String>> docs = new ArrayList<>();
    for (Map<String, String> c : f.courses()) {
      Set<String> tokens = tokens(c.get("title") + " " + c.get("skills") + " " + c.get("subject"));
      docs.add(tokens);
      for (String tok : tokens) idf.merge(tok, 1.0, Double::sum);
    }
    idf.replaceAll((k, df) -> Math.log(nc / df));
    double coldPop = 0;
    double coldContent = 0;
    int coldUsers = 0;
    for (Map<String, String> u : f.users()) {
      String id = u.get("user_id");
      if (events.get(id) > 2) continue;
      Set<Integer> targets = new HashSet<>();
      for (int c : touched.get(id)) if (!dismissed.contains(id + " " + c)) targets.add(c);
      if (targets.isEmpty()) continue;
      Set<String> profile = tokens(u.get("interests") + " " + u.get("goals"));
      double[] content = new double[nc];
      for (int c = 0; c < nc; c++) {
        for (String tok : profile) if (docs.get(c).contains(tok)) content[c] += idf.get(tok);
        content[c] += 1e-6 * popularity[c]; // ties broken by popularity
      }
      coldPop += ndcg(popularity, Set.of(), targets);
      coldContent += ndcg(content, Set.of(), targets);
      coldUsers++;
    }
    coldPop /= coldUsers;
    coldContent /= coldUsers;
    // measured: popularity 0.09, profile matching 0.46 over 288 learners
    assertThat(coldUsers).isGreaterThan(200);
    assertThat(coldContent).as("profile matching vs popularity %.3f", coldPop).isGreaterThan(2 * coldPop).isLessThan(0.7);
  }

  private static Set<String> tokens(String text) {
    Set<String> out = new HashSet<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z0-9+#]+")) if (t.length() > 1) out.add(t);
    return out;
  }

  /** NDCG@10 with binary gains; {@code exclude} is never ranked. */
  private static double ndcg(double[] scores, Set<Integer> exclude, Set<Integer> targets) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> scores[b] != scores[a] ? Double.compare(scores[b], scores[a]) : a - b);
    double dcg = 0;
    int rank = 0;
    for (int c : order) {
      if (exclude.contains(c)) continue;
      if (targets.contains(c)) dcg += 1 / (Math.log(rank + 2) / Math.log(2));
      if (++rank == 10) break;
    }
    double idcg = 0;
    for (int i = 0; i < Math.min(10, targets.size()); i++) idcg += 1 / (Math.log(i + 2) / Math.log(2));
    return dcg / idcg;
  }
}
