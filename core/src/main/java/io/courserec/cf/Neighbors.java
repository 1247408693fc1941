package io.courserec.cf;

/**
 * A neighbour list, most similar first (ties by lower ordinal): course ordinals for item-kNN, learner ordinals for
 * user-kNN. Arrays are owned by the caller (copies), same length.
 *
 * @param ids neighbour ordinals
 * @param similarities their similarities, all &gt; 0
 */
public record Neighbors(int[] ids, float[] similarities) {
  public static final Neighbors NONE = new Neighbors(new int[0], new float[0]);

  public Neighbors {
    if (ids.length != similarities.length) {
      throw new IllegalArgumentException("ids and similarities differ in length: " + ids.length + " vs " + similarities.length);
    }
  }

  public int size() { return ids.length; }
}
