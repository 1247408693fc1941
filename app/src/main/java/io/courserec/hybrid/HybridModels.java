package io.courserec.hybrid;

import io.courserec.catalog.Dataset;
import io.courserec.cbr.CbrRecommender;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.index.CatalogIndex;
import io.courserec.mf.MfRecommender;

/**
 * One trained generation of every component the hybrid blends, plus the index that carries their per-course
 * signals. Immutable once built; replaced as a whole on retrain.
 */
record HybridModels(Dataset data, InteractionSnapshot snapshot, PopularityRecommender pop, ItemKnnRecommender itemKnn,
                    UserKnnRecommender userKnn, MfRecommender mf, CbrRecommender cbr, CatalogIndex index,
                    ConfidenceCalibrator calibrator, SignalCalibration signalCalibration, String modelVersion, int[] popularOrder,
                    float[][] itemFactors, java.util.Map<Signal, io.courserec.cf.NeighborListRecommender> lists) {

  /** The neighbour-list recommenders behind {@link Signal#RECENT}, {@link Signal#SEQ} and {@link Signal#EASE}. */
  static java.util.Map<Signal, io.courserec.cf.NeighborListRecommender> lists(
      io.courserec.cf.NeighborListRecommender recent, io.courserec.cf.NeighborListRecommender seq,
      io.courserec.cf.NeighborListRecommender ease) {
    java.util.Map<Signal, io.courserec.cf.NeighborListRecommender> m = new java.util.EnumMap<>(Signal.class);
    m.put(Signal.RECENT, recent);
    m.put(Signal.SEQ, seq);
    m.put(Signal.EASE, ease);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The MF item factors as one array per course, for SIMD dot products ({@code VectorUtil.dotProduct}). */
  static float[][] itemFactors(MfRecommender mf, int n) {
    float[][] out = new float[n][];
    for (int i = 0; i < n && i < mf.model().numCourses(); i++) out[i] = mf.model().itemFactors(i);
    return out;
  }


  /** Course ordinals by descending popularity (ties by ordinal): the prior's candidates. */
  static int[] popularOrder(PopularityRecommender pop, int n) {
    Integer[] o = new Integer[n];
    for (int i = 0; i < n; i++) o[i] = i;
    java.util.Arrays.sort(o, (a, b) -> pop.popularity(a) != pop.popularity(b)
        ? Integer.compare(pop.popularity(b), pop.popularity(a)) : Integer.compare(a, b));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = o[i];
    return out;
  }
}
