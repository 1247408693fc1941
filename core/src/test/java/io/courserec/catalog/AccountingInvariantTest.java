package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row accounted for, on randomly corrupted files (fixed seeds): for each file, rows read equals the records
 * written, loaded + merged + rejected equals rows read, and the loaded counts equal what the data set holds.
 */
class AccountingInvariantTest {
  private static final List<String> EVENTS = List.of("view", "enroll", "complete", "rate", "bookmark", "dismiss", "click", "");
  private static final List<String> TIMES = List.of("", "1704448800", "2024-01-05T10:00:00Z", "2024-13-01", "later", "1704448800000");

  @TempDir
  Path dir;

  @RepeatedTest(5)
  void loadedMergedAndRejectedAddUpPerFileAndMatchTheDataset(RepetitionInfo info) throws IOException {
    Random rnd = new Random(1000 + info.getCurrentRepetition());
    StringBuilder courses = new StringBuilder("course_id,title,organization,skills,rating,num_ratings,extra\n");
    int courseRows = 60;
    for (int i = 0; i < courseRows; i++) {
      String id = rnd.nextInt(10) == 0 ? "" : "c" + rnd.nextInt(45); // repeated ids, some missing
      String title = rnd.nextInt(12) == 0 ? "" : "Course " + rnd.nextInt(50);
      String org = rnd.nextBoolean() ? "Org " + rnd.nextInt(3) : "";
      String rating = rnd.nextInt(6) == 0 ? "x" : String.valueOf(rnd.nextInt(7));
      courses.append(id).append(',').append('"').append(title).append("\",").append(org).append(",\"a, b;c\",")
          .append(rating).append(',').append(rnd.nextInt(100)).append(rnd.nextInt(15) == 0 ? ",1,2\n" : ",z\n");
    }
    StringBuilder users = new StringBuilder("user_id,level\n");
    int userRows = 30;
    for (int i = 0; i < userRows; i++) {
      users.append(rnd.nextInt(10) == 0 ? "" : "u" + rnd.nextInt(25)).append(',').append(rnd.nextBoolean() ? "beginner" : "huh").append('\n');
    }
    StringBuilder events = new StringBuilder("user_id,course_id,event,rating,timestamp\n");
    int eventRows = 400;
    for (int i = 0; i < eventRows; i++) {
      events.append('u').append(rnd.nextInt(30)).append(",c").append(rnd.nextInt(50)).append(',')
          .append(EVENTS.get(rnd.nextInt(EVENTS.size()))).append(',')
          .append(rnd.nextInt(3) == 0 ? "" : String.valueOf(rnd.nextInt(8))).append(',')
          .append(TIMES.get(rnd.nextInt(TIMES.size()))).append(rnd.nextInt(40) == 0 ? ",extra\n" : "\n");
    }
    Files.writeString(dir.resolve("courses.csv"), courses);
    Files.writeString(dir.resolve("users.csv"), users);
    Files.writeString(dir.resolve("interactions.csv"), events);

    LoadResult r = CatalogLoader.load(dir, Config.defaults());
    QualityReport q = r.report();
    assertThat(q.accountsForEveryRow()).isTrue();
    assertThat(q.file("courses.csv").rowsRead()).isEqualTo(courseRows);
    assertThat(q.file("users.csv").rowsRead()).isEqualTo(userRows);
    assertThat(q.file("interactions.csv").rowsRead()).isEqualTo(eventRows);
    assertThat(q.file("courses.csv").loaded()).isEqualTo(r.dataset().numCourses());
    assertThat(q.file("users.csv").loaded()).isEqualTo(r.dataset().numLearners()); // every event's user is declared
    assertThat(q.file("interactions.csv").loaded()).isEqualTo(r.dataset().interactions().size());
    long reasonTotal = q.file("interactions.csv").reasons().stream()
        .filter(c -> !c.effect().equals("warning")).mapToLong(QualityReport.ReasonCount::count).sum();
    assertThat(reasonTotal).isEqualTo(q.file("interactions.csv").rejected());
    assertThat(q.rejectedTotal()).isPositive(); // the generator above always produces some bad rows
  }
}
