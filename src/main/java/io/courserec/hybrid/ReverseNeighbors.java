package io.courserec.hybrid;

import io.courserec.cf.ItemKnnModel;
import io.courserec.cf.Neighbors;

/**
 * The item-kNN neighbour lists inverted (for each course j, the courses i whose list N(i) contains j), so a
 * learner's raw item-CF scores over the whole catalog cost O(sum over history of |{i : j in N(i)}|) instead of a
 * pass over all courses. Used per request for the item-CF normaliser (the learner's best raw score).
 */
final class ReverseNeighbors {
  private final int[] ptr;
  private final int[] ids;
  private final float[] sims;

  ReverseNeighbors(ItemKnnModel model) {
    int n = model.numCourses();
    ptr = new int[n + 1];
    for (int i = 0; i < n; i++) {
      for (int j : model.neighbors(i).ids()) ptr[j + 1]++;
    }
    for (int j = 0; j < n; j++) ptr[j + 1] += ptr[j];
    ids = new int[ptr[n]];
    sims = new float[ptr[n]];
    int[] fill = ptr.clone();
    for (int i = 0; i < n; i++) {
      Neighbors nb = model.neighbors(i);
      for (int q = 0; q < nb.size(); q++) {
        int j = nb.ids()[q];
        ids[fill[j]] = i;
        sims[fill[j]++] = nb.similarities()[q];
      }
    }
  }

  /**
   * max_i sum_{j in N(i) and history} sim(i,j) * w_j, over courses not excluded by {@code skip}; 0 when none. Every
   * course with item-CF evidence is added to {@code touchedOut} when it is not null.
   */
  double maxScore(int[] historyOrdinals, float[] historyWeights, int numCourses, java.util.function.IntPredicate skip,
                  java.util.BitSet touchedOut) {
    float[] acc = new float[numCourses];
    int[] touched = new int[16];
    int nt = 0;
    for (int p = 0; p < historyOrdinals.length; p++) {
      int j = historyOrdinals[p];
      if (j < 0 || j + 1 >= ptr.length) continue;
      for (int q = ptr[j]; q < ptr[j + 1]; q++) {
        int i = ids[q];
        if (acc[i] == 0f) {
          if (nt == touched.length) touched = java.util.Arrays.copyOf(touched, nt * 2);
          touched[nt++] = i;
        }
        acc[i] += sims[q] * historyWeights[p];
      }
    }
    double max = 0;
    for (int t = 0; t < nt; t++) {
      int i = touched[t];
      if (!skip.test(i)) {
        max = Math.max(max, acc[i]);
        if (touchedOut != null && acc[i] > 0) touchedOut.set(i);
      }
    }
    return max;
  }
}
