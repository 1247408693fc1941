package io.courserec.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Level;
import io.courserec.eval.ContentSimilarity;
import io.courserec.hybrid.BlendWeights;
import io.courserec.hybrid.Signal;
import io.courserec.hybrid.SignalTable;
import io.courserec.hybrid.UserSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MmrChoiceTest {
  // a1..a12 share their words, b1 is unrelated and the least relevant: without MMR it is 13th, out of the top 10
  static final Dataset DATA;
  static final List<String> IDS = new ArrayList<>();

  static {
    List<Course> courses = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      courses.add(Course.of("a" + i, "Python data analysis " + i, "pandas numpy data analysis", List.of("python"), Level.BEGINNER, "data"));
      IDS.add("a" + i);
    }
    courses.add(Course.of("b1", "Watercolour painting", "brushes paper colour", List.of("art"), Level.BEGINNER, "art"));
    IDS.add("b1");
    DATA = Dataset.of(courses, List.of(), List.of());
  }

  /** Candidates scored 1.0, 0.95, ... in IDS order, except b1, which scores {@code bScore}. */
  static BlendSearch.Case table(String relevant, double bScore) {
    List<Map<Signal, Double>> values = new ArrayList<>();
    int[] ords = new int[IDS.size()];
    for (int i = 0; i < IDS.size(); i++) {
      values.add(Map.of(Signal.ITEMCF, IDS.get(i).equals("b1") ? bScore : 1.0 - 0.05 * i));
      ords[i] = i;
    }
    return new BlendSearch.Case(new SignalTable(UserSegment.WARM, Set.of(Signal.ITEMCF), IDS, ords, values), Set.of(relevant));
  }

  @Test
  void diversityIsFreeWhenTheRelevantCourseLeadsAnyway() {
    // the relevant course is the most relevant one, which MMR always keeps first: every lambda keeps NDCG 1
    MmrChoice.Outcome o = MmrChoice.choose(Map.of(UserSegment.WARM, List.of(table("a1", 0.4))),
        Map.of(UserSegment.WARM, BlendWeights.only(Signal.ITEMCF)), ContentSimilarity.of(DATA));
    assertThat(o.points()).allSatisfy(p -> assertThat(p.ndcg()).isEqualTo(1.0));
    assertThat(o.lambda()).isEqualTo(0.6);
    // and MMR moved the unrelated course up, so the lists got more diverse
    assertThat(o.points().get(o.points().size() - 1).ild()).isGreaterThan(o.points().get(0).ild());
  }

  @Test
  void aLambdaThatCostsMoreThanOnePercentIsNotChosen() {
    // the relevant course is a2 (rank 2 without MMR, 0.95); b1 (0.93, unlike a1) is third. Once MMR weighs a2's
    // likeness to a1 it puts b1 second and a2 third: NDCG drops from 1/log2(3) = 0.631 to 1/log2(4) = 0.5, a
    // loss far above 1 %, so such lambdas are refused
    MmrChoice.Outcome o = MmrChoice.choose(Map.of(UserSegment.WARM, List.of(table("a2", 0.93))),
        Map.of(UserSegment.WARM, BlendWeights.only(Signal.ITEMCF)), ContentSimilarity.of(DATA));
    double base = o.points().get(0).ndcg();
    assertThat(base).isCloseTo(1 / (Math.log(3) / Math.log(2)), org.assertj.core.api.Assertions.within(1e-12));
    for (MmrChoice.Point p : o.points()) {
      if (p.lambda() < o.lambda()) continue;
      assertThat(p.ndcg()).isGreaterThanOrEqualTo(MmrChoice.KEEP * base);
    }
    assertThat(o.points()).anySatisfy(p -> assertThat(p.ndcg()).isLessThan(MmrChoice.KEEP * base));
    assertThat(o.lambda()).isGreaterThan(0.6);
  }
}
