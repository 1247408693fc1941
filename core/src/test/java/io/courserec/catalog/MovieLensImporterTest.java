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
 * Imports the two hand-written MovieLens fixtures under {@code src/test/resources/catalog/movielens} and checks every
 * written course, user and event. Timestamps: epoch seconds as ISO instants ({@code date -u -d @874965758} is
 * 1997-09-22T22:02:38Z). Ratings of the newer layout: r' = 1 + (r - 0.5) x 4 / 4.5 rounded to 3 decimals, so
 * 4.0 -> 1 + 3.5 x 8/9 = 4.111, 4.5 -> 1 + 32/9 = 4.556, 0.5 -> 1, 3.0 -> 1 + 20/9 = 3.222, 5.0 -> 5,
 * 2.5 -> 1 + 16/9 = 2.778, 3.5 -> 1 + 24/9 = 3.667, 1.0 -> 1 + 4/9 = 1.444.
 */
class MovieLensImporterTest {
  static final Path FIXTURES = Path.of("core/src/test/resources/catalog/movielens");
  private static final String IMDB = "http://us.imdb.com/M/title-exact?";

  @TempDir
  Path out;

  private static Course movie(String id, String title, List<String> genres, String url) {
    return new Course(id, title, "", genres, "", Level.UNKNOWN, genres.isEmpty() ? "" : genres.get(0), "", null, "",
        null, null, url, List.of());
  }

  private static Course unlisted(String id) {
    return movie(id, "Item " + id, List.of(), "");
  }

  private List<String> lines(String file) throws IOException {
    return Files.readAllLines(out.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void classicLayoutWithLatin1TitlesGenreFlagsAndBadRows() throws IOException {
    ImportedData d = MovieLensImporter.run(FIXTURES.resolve("classic"), out, CleaningRules.from(Config.defaults()));
    QualityReport q = d.report();
    // u.item: 9 rows; line 8 has 8 fields instead of 5 + 19; line 9 flags Western with '2' (ignored, a warning)
    assertThat(q.file("u.item")).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly(9L, 8L, 0L, 1L, 1L);
    assertThat(q.file("u.user")).extracting("rowsRead", "loaded").containsExactly(4L, 4L);
    // u.data: 16 rows; 11 written, line 12 repeats line 11, lines 13-16 rejected; line 9 rates movie 8 (rejected in u.item)
    assertThat(q.file("u.data")).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly(16L, 11L, 1L, 4L, 1L);
    assertThat(q.accountsForEveryRow()).isTrue();
    assertThat(q.examples()).extracting(QualityReport.Example::location).containsExactly(
        "u.item:8: wrong number of fields (expected 24 fields, found 8)",
        "u.item:9: genre flag other than 0 or 1 ignored (Western is '2')",
        "u.data:9: item not in the item file, titled 'Item <id>' ('8' has no usable row in u.item)",
        "u.data:12: duplicate event (same user, item, event and time as an earlier row; the first is kept)",
        "u.data:13: unknown user ('5' is not in the user file)",
        "u.data:14: rating is not a number ('x')",
        "u.data:15: rating outside the rating scale (6 is not in 1-5)",
        "u.data:16: wrong number of fields (expected 4 fields, found 3)");
    assertThat(d).extracting("courses", "users", "interactions").containsExactly(9, 4, 11L);

    Dataset data = CatalogLoader.load(out, Config.defaults()).dataset();
    assertThat(data.courses()).containsExactly(
        movie("1", "Toy Story (1995)", List.of("Animation", "Children's", "Comedy"), IMDB + "Toy%20Story%20(1995)"),
        movie("2", "GoldenEye (1995)", List.of("Action", "Adventure", "Thriller"), IMDB + "GoldenEye%20(1995)"),
        movie("3", "Four Rooms (1995)", List.of("Thriller"), IMDB + "Four%20Rooms%20(1995)"),
        // byte 0xE9 in ISO-8859-1 is é
        movie("4", "Misérables, Les (1995)", List.of("Drama", "Musical"), IMDB + "Mis%E9rables,%20Les%20(1995)"),
        movie("5", "Hoop Dreams (1994)", List.of("Documentary"), IMDB + "Hoop%20Dreams%20(1994)"),
        movie("6", "Blade Runner (1982)", List.of("Film-Noir", "Sci-Fi"), IMDB + "Blade%20Runner%20(1982)"),
        movie("7", "unknown", List.of(), ""), // only the 'unknown' genre flag: no genre
        movie("9", "Strange Days (1995)", List.of("Action", "Crime", "Sci-Fi"), IMDB + "Strange%20Days%20(1995)"),
        unlisted("8"));
    assertThat(lines("users.csv")).containsExactly("user_id,interests,goals,level,language", "1,,,,", "2,,,,", "3,,,,",
        "4,,,,");
    assertThat(lines("interactions.csv")).containsExactly(
        "user_id,course_id,event,rating,timestamp",
        "1,1,rate,5,1997-09-22T22:02:38Z",
        "1,2,rate,3,1997-10-15T05:26:11Z",
        "1,4,rate,4,1997-11-03T07:42:40Z",
        "2,1,rate,4,1998-02-27T03:41:11Z",
        "2,5,rate,3,1998-02-27T03:50:41Z",
        "2,6,rate,5,1998-02-27T04:01:24Z",
        "3,2,rate,2,1998-03-07T02:17:06Z",
        "3,7,rate,1,1998-03-07T02:15:39Z",
        "3,8,rate,4,1998-03-07T02:24:15Z",
        "4,6,rate,4,1998-04-08T02:40:42Z",
        "4,9,rate,5,1998-04-08T02:25:53Z");
    assertThat(lines(ImportedData.NOTES)).contains("layout: MovieLens classic (u.data, u.item, u.genre, u.user)",
        "u.item read as ISO-8859-1; 19 genres from u.genre ('unknown' is no genre)", "events written: 11 rate");
  }

  @Test
  void newerLayoutWithQuotedTitlesHalfStarsAndNoGenres() throws IOException {
    ImportedData d = MovieLensImporter.run(FIXTURES.resolve("newer"), out, CleaningRules.from(Config.defaults()));
    QualityReport q = d.report();
    assertThat(q.file("movies.csv")).extracting("rowsRead", "loaded", "rejected").containsExactly(7L, 6L, 1L);
    assertThat(q.file("ratings.csv")).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly(13L, 9L, 0L, 4L, 1L);
    assertThat(q.examples()).extracting(QualityReport.Example::location).containsExactly(
        "movies.csv:8: missing required value (course_id is empty)",
        "ratings.csv:10: item not in the item file, titled 'Item <id>' ('999' has no usable row in movies.csv)",
        "ratings.csv:11: rating is not a number ('six')",
        "ratings.csv:12: rating outside the rating scale (5.5 is not in 0.5-5)",
        "ratings.csv:13: missing required value (item id is empty)",
        "ratings.csv:14: wrong number of fields (expected 4 fields, found 3)");

    Dataset data = CatalogLoader.load(out, Config.defaults()).dataset();
    assertThat(data.courses()).containsExactly(
        movie("1", "Toy Story (1995)", List.of("Adventure", "Animation", "Children", "Comedy", "Fantasy"), ""),
        movie("2", "Jumanji (1995)", List.of("Adventure", "Children", "Fantasy"), ""),
        movie("11", "American President, The (1995)", List.of("Comedy", "Drama", "Romance"), ""),
        movie("29", "City of Lost Children, The (Cité des enfants perdus, La) (1995)",
            List.of("Adventure", "Drama", "Fantasy", "Mystery", "Sci-Fi"), ""),
        movie("293", "Léon: The Professional (a.k.a. The Professional) (Léon) (1994)",
            List.of("Action", "Crime", "Drama", "Thriller"), ""),
        movie("114335", "La cravate (1957)", List.of(), ""), // (no genres listed)
        unlisted("999"));
    // user 4's three rows were all rejected, so user 4 is not a learner
    assertThat(lines("users.csv")).containsExactly("user_id,interests,goals,level,language", "1,,,,", "2,,,,", "3,,,,");
    assertThat(lines("interactions.csv")).containsExactly(
        "user_id,course_id,event,rating,timestamp",
        "1,1,rate,4.111,2000-07-30T18:45:03Z",
        "1,11,rate,4.556,2000-07-30T18:20:47Z",
        "1,29,rate,1,2000-07-30T18:37:04Z",
        "2,2,rate,3.222,2015-10-24T19:27:15Z",
        "2,293,rate,5,2015-10-24T19:35:40Z",
        "2,114335,rate,2.778,2015-10-24T19:27:56Z",
        "3,1,rate,3.667,2011-05-27T02:32:58Z",
        "3,11,rate,1.444,2011-05-27T02:40:00Z",
        "3,999,rate,4.111,2011-05-27T02:41:40Z");
    assertThat(d.notes()).contains("layout: MovieLens newer (ratings.csv + movies.csv)",
        "ratings on 0.5-5 mapped linearly onto 1-5: r' = 1 + (r - 0.5) x 4 / 4.5, rounded to 3 decimals "
            + "(0.5 -> 1, 2.75 -> 3, 5 -> 5)");
  }

  @Test
  void theWrittenDirectoryLoadsBackWithoutAnyChange() {
    for (String layout : List.of("classic", "newer")) {
      Path dir = out.resolve(layout);
      MovieLensImporter.run(FIXTURES.resolve(layout), dir, CleaningRules.from(Config.defaults()));
      QualityReport again = CatalogLoader.load(dir, Config.defaults()).report();
      assertThat(again.rejectedTotal() + again.mergedTotal()).as(layout).isZero();
      assertThat(again.files()).as(layout).allSatisfy(f -> assertThat(f.warnings()).isZero());
    }
  }

  @Test
  void theLayoutIsDetectedAndAMissingFileIsNamed() throws IOException {
    CleaningRules rules = CleaningRules.from(Config.defaults());
    Path empty = Files.createDirectories(out.resolve("empty"));
    assertThatThrownBy(() -> MovieLensImporter.run(empty, out.resolve("o1"), rules)).isInstanceOf(DataException.class)
        .hasMessage(empty + ": not a MovieLens directory: expected u.data (classic layout, with u.item and u.genre)"
            + " or ratings.csv (newer layout, with movies.csv)");
    Path classic = Files.createDirectories(out.resolve("classic"));
    Files.copy(FIXTURES.resolve("classic/u.data"), classic.resolve("u.data"));
    Files.copy(FIXTURES.resolve("classic/u.item"), classic.resolve("u.item"));
    assertThatThrownBy(() -> MovieLensImporter.run(classic, out.resolve("o2"), rules))
        .hasMessage(classic + ": u.genre not found (the classic MovieLens layout needs u.data, u.item, u.genre)");
    Path newer = Files.createDirectories(out.resolve("newer"));
    Files.copy(FIXTURES.resolve("newer/ratings.csv"), newer.resolve("ratings.csv"));
    assertThatThrownBy(() -> MovieLensImporter.run(newer, out.resolve("o3"), rules))
        .hasMessage(newer + ": movies.csv not found (the newer MovieLens layout needs ratings.csv, movies.csv)");
    assertThatThrownBy(() -> MovieLensImporter.run(out.resolve("none"), out.resolve("o4"), rules))
        .hasMessage("MovieLens directory not found: " + out.resolve("none"));
  }

  @Test
  void aUItemSavedAsUtf8IsReadAsUtf8AndABrokenUGenreIsFatal() throws IOException {
    Path utf8 = out.resolve("u.item");
    Files.writeString(utf8, "4|Misérables, Les (1995)|||\n", StandardCharsets.UTF_8);
    assertThat(MovieLensImporter.charsetOf(utf8)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(MovieLensImporter.charsetOf(FIXTURES.resolve("classic/u.item"))).isEqualTo(StandardCharsets.ISO_8859_1);
    Path genre = out.resolve("u.genre");
    Files.writeString(genre, "unknown|0\nAction|2\n");
    assertThatThrownBy(() -> MovieLensImporter.genres(genre))
        .hasMessage("u.genre: genre indexes must be 0 to n-1 without gaps, got [0, 2]");
    Files.writeString(genre, "unknown|0\nAction\n");
    assertThatThrownBy(() -> MovieLensImporter.genres(genre))
        .hasMessage("u.genre:2: expected 'genre|index' with a new index, got 'Action'");
  }
}
