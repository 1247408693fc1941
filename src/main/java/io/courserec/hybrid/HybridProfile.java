package io.courserec.hybrid;

/** Stage timings of hybrid requests when run with {@code -Dcourserec.profile=true} (benchmarks only). */
public final class HybridProfile {
  private HybridProfile() {}

  /** Prints mean milliseconds per request of each measured stage. */
  public static void print(int requests) {
    if (!HybridRanker.PROFILE || requests == 0) return;
    System.out.printf(java.util.Locale.ROOT, "stages per request: context %.2f ms (content %.2f, user-kNN neighbours %.2f), query+items %.2f ms%n",
        HybridRanker.BUILD_NS.sum() / 1e6 / requests, UserContextBuilder.CONTENT_NS.sum() / 1e6 / requests,
        UserContextBuilder.UCF_NS.sum() / 1e6 / requests, HybridRanker.RANK_NS.sum() / 1e6 / requests);
  }
}
