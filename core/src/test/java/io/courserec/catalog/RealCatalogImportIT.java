package io.courserec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.courserec.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the two real catalogs from the shared data directory ({@code ../shared/data/catalogs} from the project
 * root, or one level further up for a git worktree) and loads the result. Skipped when the files are absent (a
 * user's clone has no shared directory). The counts are properties of those fixed, read-only files.
 */
class RealCatalogImportIT {
  @TempDir
  Path out;

  static Path sharedCatalog(String name) {
    return Stream.of(Path.of("../shared/data/catalogs"), Path.of("../../shared/data/catalogs"))
        .map(d -> d.resolve(name)).filter(Files::isRegularFile).findFirst().orElse(null);
  }

  private LoadResult importAndReload(ImportFormat format, String file, long rows, int courses) {
    Path source = sharedCatalog(file);
    assumeTrue(source != null, "shared catalog " + file + " not found next to the project; skipping");
    var imported = CatalogImporter.run(format, source, out, CleaningRules.from(Config.defaults()));
    QualityReport.FileReport f = imported.report().file(file);
    assertThat(f.accountsForEveryRow()).isTrue();
    assertThat(f.rowsRead()).isEqualTo(rows);
    assertThat(f.rejected()).isZero();
    assertThat(imported.courses()).isEqualTo(courses);
    assertThat(f.merged()).isEqualTo(rows - courses);

    LoadResult reloaded = CatalogLoader.loadCourses(imported.coursesCsv(), Config.defaults());
    QualityReport.FileReport g = reloaded.report().file("courses.csv");
    // a written catalog is clean: nothing merged, rejected or fixed when it is loaded again
    assertThat(g).extracting("rowsRead", "loaded", "merged", "rejected", "warnings")
        .containsExactly((long) courses, (long) courses, 0L, 0L, 0L);
    return reloaded;
  }

  @Test
  void courseraImportsAndLoadsCleanly() {
    LoadResult r = importAndReload(ImportFormat.COURSERA, "coursera-2024-skills.csv", 3404, 2758);
    assertThat(r.dataset().courses()).allMatch(c -> c.durationHours() != null && c.rating() != null && !c.skills().isEmpty());
    assertThat(r.report().normalization().skillsAfter()).isEqualTo(1754);
  }

  @Test
  void edxImportsAndLoadsCleanly() {
    LoadResult r = importAndReload(ImportFormat.EDX, "edx-courses.csv", 975, 974);
    assertThat(r.dataset().courses()).allMatch(c -> c.skills().isEmpty() && c.rating() == null && c.durationHours() != null);
    assertThat(r.dataset().courses()).allMatch(c -> c.language().length() == 2);
  }
}
