package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic log import on small hand-written logs. Times: 1700000000 s = 1700000000000 ms = 2023-11-14T22:13:20Z,
 * each +100 s is +1 min 40 s. A 0-10 scale maps r onto 1 + r x 4 / 10: 0 -> 1, 5 -> 3, 7 -> 3.8, 8 -> 4.2, 10 -> 5.
 */
class InteractionsImporterTest {
  @TempDir
  Path dir;

  private final CleaningRules rules = CleaningRules.from(Config.defaults());

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private List<String> events() throws IOException {
    return Files.readAllLines(dir.resolve("out/interactions.csv"));
  }

  private static List<String> locations(ImportedData d) {
    return d.report().examples().stream().map(QualityReport.Example::location).toList();
  }

  @Test
  void tsvWithHeaderByNameMillisecondsRatingScaleItemsAndBadRows() throws IOException {
    Path log = write("log.tsv", """
        uid\titem\trating\tts\tsession
        u1\tc1\t8\t1700000000000\ts1
        u1\tc2\t10\t1700000100000\ts1
        u2\tc1\t0\t1700000200000\ts2
        u2\tc3\t\t1700000300000\ts2
        \tc1\t5\t1700000400000\ts3
        u3\tc9\t11\t1700000500000\ts3
        u3\tc1\t7\t20000000000\ts3
        u1\tc1\t8\t1700000000000\ts1
        u3\tc2\t5\t2023-11-14T22:13:20Z\ts3
        """);
    Path items = write("items.csv", """
        item_id,title,genres
        c1,Intro to SQL,Databases|SQL
        c2,"Statistics, Part 1",Statistics
        """);
    ImportedData d = InteractionsImporter.run(log, InteractionsImportOptions.builder().ratingScale("0-10").items(items)
        .build(), dir.resolve("out"), rules);

    QualityReport.FileReport f = d.report().file("log.tsv");
    assertThat(f).extracting("rowsRead", "loaded", "merged", "rejected", "warnings").containsExactly(9L, 5L, 1L, 3L, 1L);
    assertThat(f.unknownColumns()).containsExactly("session");
    assertThat(d.report().file("items.csv")).extracting("rowsRead", "loaded").containsExactly(2L, 2L);
    assertThat(locations(d)).containsExactly(
        "log.tsv:5: item not in the item file, titled 'Item <id>' ('c3' has no usable row in items.csv)",
        "log.tsv:6: missing required value (user id is empty)",
        "log.tsv:7: rating outside the rating scale (11 is not in 0-10)",
        "log.tsv:8: bad timestamp ('20000000000' is between 1e10 and 1e11: neither epoch seconds nor milliseconds; "
            + "set the unit (--time-unit))",
        "log.tsv:9: duplicate event (same user, item, event and time as an earlier row; the first is kept)");
    assertThat(events()).containsExactly(
        "user_id,course_id,event,rating,timestamp",
        "u1,c1,rate,4.2,2023-11-14T22:13:20Z",
        "u1,c2,rate,5,2023-11-14T22:15:00Z",
        "u2,c1,rate,1,2023-11-14T22:16:40Z",
        "u2,c3,enroll,,2023-11-14T22:18:20Z", // neither rating nor event: the default event
        "u3,c2,rate,3,2023-11-14T22:13:20Z"); // ISO-8601
    Dataset data = CatalogLoader.load(dir.resolve("out"), Config.defaults()).dataset();
    assertThat(data.courses()).extracting(Course::id, Course::title, Course::skills, Course::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("c1", "Intro to SQL", List.of("Databases", "SQL"), "Databases"),
        org.assertj.core.groups.Tuple.tuple("c2", "Statistics, Part 1", List.of("Statistics"), "Statistics"),
        org.assertj.core.groups.Tuple.tuple("c3", "Item c3", List.of(), ""));
    assertThat(data.learners()).extracting(Learner::id).containsExactly("u1", "u2", "u3");
    assertThat(d.notes()).contains("log.tsv: tab-separated (detected), with a header",
        "columns: user = uid (column 1), item = item (column 2), time = ts (column 4), rating = rating (column 3), "
            + "no event column",
        "timestamps (unit detected by magnitude): 0 epoch seconds, 5 epoch milliseconds, 1 ISO-8601");
  }

  @Test
  void csvWithoutHeaderMappedByIndexWithAnEventColumn() throws IOException {
    Path log = write("events.csv", """
        1700000000,alice,sql-101,enroll
        1700000100,alice,sql-101,COMPLETE
        1700000200,bob,py-1,view

        1700000300,bob,py-1,rate
        1700000400,carol,py-1,watch
        1700000500,carol
        """);
    ImportedData d = InteractionsImporter.run(log, InteractionsImportOptions.builder().noHeader(true).timeColumn("1")
        .userColumn("2").itemColumn("3").eventColumn("4").build(), dir.resolve("out"), rules);
    // line 4 is blank (not a record), so the rows after it keep their physical line numbers
    assertThat(locations(d)).containsExactly(
        "events.csv:5: rate event without rating",
        "events.csv:6: unknown event type ('watch')",
        "events.csv:7: wrong number of fields (expected 4 fields, found 2)");
    assertThat(events()).containsExactly(
        "user_id,course_id,event,rating,timestamp",
        "alice,sql-101,enroll,,2023-11-14T22:13:20Z",
        "alice,sql-101,complete,,2023-11-14T22:15:00Z",
        "bob,py-1,view,,2023-11-14T22:16:40Z");
    assertThat(d.notes()).contains("events.csv: comma-separated (detected), no header",
        "columns: user = column 2, item = column 3, time = column 1, no rating column, event = column 4");
  }

  @Test
  void withoutHeaderAFourthNumericColumnIsTheRatingAndTheSeparatorIsDetected() throws IOException {
    Path log = write("r.txt", "7;42;1700000000;4\n7;43;1700000100;2.5\n8;42;;5\n");
    ImportedData d = InteractionsImporter.run(log, InteractionsImportOptions.builder().noHeader(true).build(),
        dir.resolve("out"), rules);
    assertThat(d.notes()).contains("r.txt: semicolon-separated (detected), no header",
        "columns: user = column 1, item = column 2, time = column 3, rating = column 4, no event column");
    // an empty timestamp is an event without a time, not an error
    assertThat(events()).containsExactly("user_id,course_id,event,rating,timestamp",
        "7,42,rate,4,2023-11-14T22:13:20Z", "7,43,rate,2.5,2023-11-14T22:15:00Z", "8,42,rate,5,");
  }

  @Test
  void headerWithEventAndRatingColumnsAndAnExplicitTimeUnit() throws IOException {
    Path log = write("mixed.csv", """
        Learner ID,Course,Action,Score,When
        a,x,rate,4,1700000000000
        a,y,view,3,1700000100000
        b,x,,,1700000200000
        b,y,rate,,1700000300000
        """);
    ImportedData d = InteractionsImporter.run(log, InteractionsImportOptions.builder().itemColumn("course")
        .timeColumn("When").timeUnit("ms").defaultEvent("bookmark").build(), dir.resolve("out"), rules);
    assertThat(d.notes()).contains("columns: user = learner_id (column 1), item = course (column 2), "
        + "time = when (column 5), rating = score (column 4), event = action (column 3)");
    assertThat(locations(d)).containsExactly(
        "mixed.csv:3: rating on a non-rate event ignored (view with rating 3)",
        "mixed.csv:5: rate event without rating");
    assertThat(events()).containsExactly("user_id,course_id,event,rating,timestamp",
        "a,x,rate,4,2023-11-14T22:13:20Z", "a,y,view,,2023-11-14T22:15:00Z", "b,x,bookmark,,2023-11-14T22:16:40Z");
  }

  @Test
  void columnChoicesThatCannotWorkAreOneLineErrors() throws IOException {
    Path log = write("l.csv", "user,item,time\nu,i,1700000000\n");
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> InteractionsImporter.run(log, InteractionsImportOptions.builder().userColumn("learner")
        .build(), out, rules)).isInstanceOf(DataException.class)
        .hasMessage("--user-col 'learner': no such column in l.csv (header has: user, item, time)");
    assertThatThrownBy(() -> InteractionsImporter.run(log, InteractionsImportOptions.builder().ratingColumn("4")
        .build(), out, rules)).hasMessage("--rating-col 4: l.csv has 3 columns (indexes start at 1)");
    assertThatThrownBy(() -> InteractionsImporter.run(log, InteractionsImportOptions.builder().eventColumn("item")
        .build(), out, rules))
        .hasMessage("l.csv: item and event are both column 2; choose different columns with --item-col and --event-col");
    assertThatThrownBy(() -> InteractionsImporter.run(log, InteractionsImportOptions.builder().noHeader(true)
        .userColumn("user").build(), out, rules))
        .hasMessage("--user-col 'user': l.csv has no header, so columns are chosen by 1-based index");
    Path noItem = write("n.csv", "user,what\nu,i\n");
    assertThatThrownBy(() -> InteractionsImporter.run(noItem, InteractionsImportOptions.builder().build(), out, rules))
        .hasMessage("n.csv: no item column (header has: user, what); name it with --item-col NAME|INDEX");
    assertThatThrownBy(() -> InteractionsImportOptions.builder().ratingScale("ten"))
        .hasMessage("--rating-scale 'ten': expected MIN-MAX such as 0.5-5 or 0-10");
    assertThatThrownBy(() -> InteractionsImportOptions.builder().defaultEvent("click"))
        .hasMessage("--default-event 'click': expected view, bookmark, enroll, complete, rate or dismiss");
    assertThatThrownBy(() -> InteractionsImportOptions.builder().delimiter("#"))
        .hasMessage("--delimiter '#': expected one of , ; | or tab");
    assertThatThrownBy(() -> InteractionsImporter.run(dir.resolve("none.csv"), InteractionsImportOptions.builder()
        .build(), out, rules)).hasMessage("none.csv not found: " + dir.resolve("none.csv"));
    Path own = write("interactions.csv", "user_id,course_id,event\nu,c,enroll\n");
    assertThatThrownBy(() -> InteractionsImporter.run(own, InteractionsImportOptions.builder().build(), dir, rules))
        .hasMessage(own + " would be overwritten by the import: choose another --out directory");
    assertThat(own).hasContent("user_id,course_id,event\nu,c,enroll");
  }
}
