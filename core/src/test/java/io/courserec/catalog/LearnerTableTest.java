package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LearnerTable} and {@link Dataset#mapped}: written, mapped and read back equal by value to the original. */
class LearnerTableTest {
  @TempDir Path dir;

  private static final Instant T = Instant.parse("2025-03-01T10:00:00.123456789Z");

  /**
   * Declared learners with and without events and profiles, learners seen only in events, non-ASCII ids (two- to
   * four-byte UTF-8), events with and without rating, time and event id, interleaved so grouping must keep order.
   */
  private static Dataset mixed() {
    List<Course> courses = List.of(course("A"), course("B"), course("C"));
    List<Learner> declared = List.of(
        new Learner("ana", List.of("java", "sql"), List.of("backend"), Level.BEGINNER, "en"),
        new Learner("zoë", List.of("sql"), List.of("data", "backend"), Level.ADVANCED, "de"),
        new Learner("quiet", List.of(), List.of(), Level.INTERMEDIATE, "en"), // declared, never active
        Learner.anonymous("学生-7"),
        new Learner("😀", List.of("java"), List.of(), Level.MIXED, ""));
    List<Interaction> events = List.of(
        new Interaction("zoë", "B", EventType.RATE, 4.5, T, "ev-1"),
        new Interaction("ghost", "A", EventType.VIEW, null, null), // not declared
        new Interaction("ana", "A", EventType.ENROLL, null, T.plusSeconds(5)),
        new Interaction("zoë", "C", EventType.DISMISS, null, null, "ev-é2"),
        new Interaction("ana", "B", EventType.COMPLETE, null, Instant.ofEpochSecond(-86_400, 7)),
        new Interaction("学生-7", "C", EventType.BOOKMARK, null, T),
        new Interaction("ghost", "C", EventType.RATE, 1.0, null),
        new Interaction("😀", "A", EventType.RATE, 3.25, T.minusSeconds(3), "ev-3"),
        new Interaction("zoë", "A", EventType.VIEW, null, T.plusNanos(1)),
        new Interaction("ghost2", "B", EventType.ENROLL, null, null));
    return Dataset.of(courses, declared, events);
  }

  @Test
  void aMixedDataSetReadsBackEqualByValue() throws IOException {
    Dataset plain = mixed();
    Dataset mapped = writeAndMap(plain);
    assertSame(plain, mapped);
    assertThat(mapped.learners()).extracting(Learner::id)
        .containsExactly("ana", "zoë", "quiet", "学生-7", "😀", "ghost", "ghost2");
    assertThat(mapped.learner("zoë")).contains(plain.learner(1));
    assertThat(mapped.eventsOf("quiet")).isEmpty();
    assertThat(mapped.eventsOf("zoë")).extracting(Interaction::eventId).containsExactly("ev-1", "ev-é2", null);
    assertThat(mapped.eventsOf("ana").get(1).timestamp()).isEqualTo(Instant.ofEpochSecond(-86_400, 7));
    for (String unknown : List.of("", "an", "anaa", "Ana", "zoe", "zoë ", "学生-8", "😁", "ghost3")) {
      assertThat(mapped.learnerOrdinal(unknown)).as(unknown).isEqualTo(-1);
      assertThat(mapped.eventsOf(unknown)).isEmpty();
      assertThat(mapped.learner(unknown)).isEmpty();
    }
    assertThat(mapped.learnerOrdinal(null)).isEqualTo(-1);
    // the profile strings come from one vocabulary: no copy per learner
    assertThat(mapped.learner(1).interests().get(0)).isSameAs(mapped.learner(0).interests().get(1));
    IdIndex ids = mapped.learnerIndex();
    assertThat(ids.sameIdsAs(plain.learners().stream().map(Learner::id).toArray(String[]::new))).isTrue();
    assertThat(ids.sameIdsAs(new String[] {"ana", "zoë", "quiet", "学生-7", "😀", "ghost", "ghost3"})).isFalse();
    assertThat(ids.sameIdsAs(new String[] {"ana"})).isFalse();
    assertThatThrownBy(() -> mapped.eventsOf("ana").get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> mapped.interactions().get(10)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> mapped.learner(7)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theBundledSampleReadsBackLearnerByLearner() throws IOException {
    Dataset plain = CatalogLoader.load(Path.of("data/sample"), Config.defaults()).dataset();
    assertSame(plain, writeAndMap(plain));
  }

  @Test
  void anEmptyDataSetReadsBackEmpty() throws IOException {
    Dataset plain = Dataset.of(List.of(course("A")), List.of(), List.of());
    Dataset mapped = writeAndMap(plain);
    assertThat(mapped.learners()).isEmpty();
    assertThat(mapped.interactions()).isEmpty();
    assertThat(mapped.learnerOrdinal("a")).isEqualTo(-1);
    assertThat(mapped.courses()).isEqualTo(plain.courses());
  }

  /**
   * 30,000 seeded random ids plus 64 that share one {@link String#hashCode} ("Aa" and "BB" hash alike, and so do
   * their concatenations): every lookup must walk probe runs and tell ids apart by their bytes.
   */
  @Test
  void manyIdsAndCollidingHashCodesAgreeWithAHashMap() throws IOException {
    SplittableRandom r = new SplittableRandom(11);
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String a : List.of("Aa", "BB")) for (String b : List.of("Aa", "BB")) for (String c : List.of("Aa", "BB"))
      for (String d : List.of("Aa", "BB")) for (String e : List.of("Aa", "BB")) for (String f : List.of("Aa", "BB"))
        distinct.add(a + b + c + d + e + f);
    while (distinct.size() < 30_064) distinct.add((r.nextBoolean() ? "u" : "ü") + r.nextInt(300_000));
    List<Learner> learners = new ArrayList<>();
    for (String id : distinct) learners.add(Learner.anonymous(id));
    Dataset plain = Dataset.of(List.of(course("A")), learners, List.of());
    Dataset mapped = writeAndMap(plain);
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < learners.size(); i++) expected.put(learners.get(i).id(), i);
    for (int i = 0; i < learners.size(); i++) {
      assertThat(mapped.learnerOrdinal(learners.get(i).id())).isEqualTo(i);
      assertThat(mapped.learnerIndex().id(i)).isEqualTo(learners.get(i).id());
    }
    assertThat(mapped.learnerOrdinal("AaAaAaAaAaAb")).isEqualTo(-1);
    for (int k = 0; k < 20_000; k++) {
      String probe = (r.nextBoolean() ? "u" : "ü") + r.nextInt(600_000);
      assertThat(mapped.learnerOrdinal(probe)).as(probe).isEqualTo(expected.getOrDefault(probe, -1));
    }
  }

  @Test
  void aDamagedFileIsRefusedNamingIt() throws IOException {
    Path f = dir.resolve("learners.col");
    LearnerTable.write(f, mixed());
    byte[] good = Files.readAllBytes(f);

    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 1;
    Files.write(f, flipped);
    assertThatThrownBy(() -> LearnerTable.open(f, mixed().courses())).isInstanceOf(IOException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("checksum");

    Files.write(f, java.util.Arrays.copyOf(good, good.length - 16));
    assertThatThrownBy(() -> LearnerTable.open(f, mixed().courses())).isInstanceOf(IOException.class)
        .hasMessageContaining(f.toString());

    Files.write(f, good);
    assertThatThrownBy(() -> LearnerTable.open(f, List.of(course("A")))).isInstanceOf(IOException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("catalog beside it has 1");
    assertThat(LearnerTable.open(f, mixed().courses()).numLearners()).isEqualTo(7);
  }

  private Dataset writeAndMap(Dataset plain) throws IOException {
    Path f = dir.resolve("t-" + System.nanoTime() + ".col");
    LearnerTable.write(f, plain);
    return Dataset.mapped(LearnerTable.open(f, plain.courses()));
  }

  /** Everything a reader can ask, against the original. */
  private static void assertSame(Dataset plain, Dataset mapped) {
    assertThat(mapped.courses()).isEqualTo(plain.courses());
    assertThat(mapped.numLearners()).isEqualTo(plain.numLearners());
    assertThat(mapped.learners()).isEqualTo(plain.learners());
    assertThat(mapped.interactions()).hasSize(plain.interactions().size()).isEqualTo(plain.interactions());
    assertThat(mapped.learnerIndex().size()).isEqualTo(plain.numLearners());
    for (int u = 0; u < plain.numLearners(); u++) {
      String id = plain.learner(u).id();
      assertThat(mapped.learnerOrdinal(id)).as(id).isEqualTo(u);
      assertThat(mapped.learnerIndex().id(u)).isEqualTo(id);
      assertThat(mapped.learner(u)).isEqualTo(plain.learner(u));
      assertThat(mapped.learner(id)).contains(plain.learner(u));
      assertThat(mapped.eventsOf(id)).as(id).isEqualTo(plain.eventsOf(id));
      assertThat(mapped.eventsOf(u)).isEqualTo(plain.eventsOf(u));
    }
  }

  private static Course course(String id) {
    return new Course(id, "Course " + id, "", List.of(), "", Level.UNKNOWN, "", "en", null, null, null, null, "", List.of());
  }
}
