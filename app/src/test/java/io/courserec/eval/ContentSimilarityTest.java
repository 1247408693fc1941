package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentSimilarityTest {
  // floats hold the weights: 1e-6 is float precision on values of order 1
  private static final double FLOAT_EPS = 1e-6;

  @Test
  void tfIdfCosineMatchesHandComputation() {
    // analysed text "skills subject title":
    //   c1 "SQL Data Python" -> {sql, data, python}; c2 "Web Python" -> {web, python};
    //   c3 "Food Cooking" -> {food, cook}; c4 "The" -> {} (stop word)
    // N = 4; df(python) = 2, the others 1; idf = ln((1+N)/(1+df)) + 1:
    //   idf(python) = ln(5/3) + 1 = 1.5108256238, idf(df=1) = ln(5/2) + 1 = 1.9162907319
    // |c1| = sqrt(2 * 1.9162907319^2 + 1.5108256238^2) = 3.1027301532
    // |c2| = sqrt(1.9162907319^2 + 1.5108256238^2) = 2.4402385610
    // cos(c1, c2) = 1.5108256238^2 / (3.1027301532 * 2.4402385610) = 0.3014757553
    Dataset d = Dataset.of(List.of(
        Course.of("c1", "Python", "", List.of("SQL"), Level.BEGINNER, "Data"),
        Course.of("c2", "Python", "", List.of(), Level.BEGINNER, "Web"),
        Course.of("c3", "Cooking", "", List.of(), Level.BEGINNER, "Food"),
        Course.of("c4", "The", "", List.of(), Level.BEGINNER, "")), List.of(), List.of());
    ContentSimilarity s = ContentSimilarity.of(d);
    assertThat(s.cosine("c1", "c2")).isCloseTo(0.3014757552869787, within(FLOAT_EPS));
    assertThat(s.cosine("c2", "c1")).isCloseTo(s.cosine("c1", "c2"), within(0.0));
    assertThat(s.cosine("c1", "c3")).isZero();
    assertThat(s.cosine("c1", "c1")).isCloseTo(1.0, within(FLOAT_EPS));
    // "The" is an English stop word: no tokens, zero vector, similar to nothing (not even itself)
    assertThat(s.cosine("c4", "c4")).isZero();
    assertThat(s.cosine("c4", "c1")).isZero();
    assertThatThrownBy(() -> s.cosine("c1", "nope")).hasMessageContaining("nope");
  }

  @Test
  void stemmingMakesInflectionsMatch() {
    // "Cooking" and "cooks" both stem to "cook"; titles share nothing else -> identical single-term vectors
    Dataset d = Dataset.of(List.of(
        Course.of("a", "Cooking", "", List.of(), Level.BEGINNER, ""),
        Course.of("b", "cooks", "", List.of(), Level.BEGINNER, "")), List.of(), List.of());
    assertThat(ContentSimilarity.of(d).cosine("a", "b")).isCloseTo(1.0, within(FLOAT_EPS));
  }
}
