package io.courserec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogIndexerTest {
  @TempDir Path root;

  @Test
  void indexHoldsEveryCourseWithOrdinalsKeywordsStoredValuesAndTermVectors() throws IOException {
    IndexManifest m = new CatalogIndexer(root, Config.defaults()).reindex(TestCatalog.dataset());
    assertThat(m.generation()).isEqualTo(1);
    assertThat(m.courseCount()).isEqualTo(8);
    assertThat(m.modelVersion()).isEqualTo("none");
    assertThat(m.dataHash()).isEqualTo(CatalogFingerprint.of(TestCatalog.courses())).hasSize(16);
    assertThat(Files.readString(root.resolve("CURRENT")).trim()).isEqualTo("gen-000001");

    try (CatalogIndex index = CatalogIndex.open(root); IndexHandle h = index.acquire()) {
      DirectoryReader r = h.reader();
      assertThat(r.numDocs()).isEqualTo(8);
      assertThat(r.leaves()).hasSize(1);
      LeafReader leaf = r.leaves().get(0).reader();
      NumericDocValues ords = leaf.getNumericDocValues(CourseFields.ORDINAL);
      for (int doc = 0; doc < 8; doc++) {
        assertThat(ords.advanceExact(doc)).isTrue();
        int ord = (int) ords.longValue();
        assertThat(ord).isEqualTo(doc); // written in ordinal order, one segment
        assertThat(h.course(doc).id()).isEqualTo(TestCatalog.courses().get(ord).id());
      }
      IndexSearcher s = h.searcher();
      // keyword filters are lower-cased; stored values keep the original case
      assertThat(s.count(new TermQuery(new Term(CourseFields.ORGANIZATION, "stanford university")))).isEqualTo(2);
      assertThat(s.count(new TermQuery(new Term(CourseFields.LEVEL, "mixed")))).isEqualTo(1);
      assertThat(s.count(new TermQuery(new Term(CourseFields.LANGUAGE, "es")))).isEqualTo(1);
      assertThat(s.count(new TermQuery(new Term(CourseFields.SUBJECT, "data science")))).isEqualTo(4);
      assertThat(s.count(new TermQuery(new Term(CourseFields.SKILL_EXACT, "machine learning")))).isEqualTo(1);
      assertThat(s.count(DoubleField.newRangeQuery(CourseFields.DURATION_HOURS, 0, 20))).isEqualTo(3); // 20, 10, 8
      int ml = h.docId("ml");
      CourseDocuments.StoredCourse c = h.course(ml);
      assertThat(c.organization()).isEqualTo("Stanford University");
      assertThat(c.level()).isEqualTo("advanced");
      assertThat(c.skills()).containsExactly("Machine Learning", "Python", "Statistics");
      assertThat(c.durationHours()).isEqualTo(60.0);
      assertThat(c.rating()).isEqualTo(4.9);
      assertThat(h.course(h.docId("c-lang")).rating()).isNull();
      assertThat(h.docId("nope")).isEqualTo(-1);

      // term vectors on every content field, with the analysed terms and their in-document frequencies
      assertThat(terms(r, ml, CourseFields.TITLE)).containsExactly("learn:1", "machin:1");
      assertThat(terms(r, ml, CourseFields.SKILLS)).containsExactly("learn:1", "machin:1", "python:1", "statist:1");
      assertThat(terms(r, ml, CourseFields.SKILL_EXACT)).containsExactly("machine learning:1", "python:1", "statistics:1");
      assertThat(terms(r, ml, CourseFields.SUBJECT_TEXT)).containsExactly("data:1", "scienc:1");
      assertThat(terms(r, h.docId("py-intro"), CourseFields.DESCRIPTION))
          .containsExactly("from:1", "function:1", "learn:1", "loop:1", "program:1", "python:1", "scratch:1", "variabl:1");
      assertThat(r.termVectors().get(ml).terms(CourseFields.TITLE).hasPositions()).isTrue();
    }
  }

  @Test
  void reindexPublishesANewGenerationAndPrunesOldOnesNotInUse() throws IOException {
    CatalogIndexer indexer = new CatalogIndexer(root, 2, o -> {});
    indexer.reindex(TestCatalog.dataset());
    try (CatalogIndex index = CatalogIndex.open(root)) {
      IndexHandle pinned = index.acquire(); // a request still reading generation 1
      indexer.reindex(TestCatalog.dataset());
      indexer.reindex(TestCatalog.dataset());
      assertThat(Files.readString(root.resolve("CURRENT")).trim()).isEqualTo("gen-000003");
      // generation 1 is outside the newest 2 but still open in this JVM, so it stays
      assertThat(new IndexLayout(root).generations()).containsExactly(1L, 2L, 3L);
      assertThat(pinned.searcher().count(new TermQuery(new Term(CourseFields.ID, "ml")))).isEqualTo(1);
      assertThat(index.refresh()).isTrue();
      assertThat(index.generation()).isEqualTo(3);
      assertThat(pinned.generation()).isEqualTo(1);
      pinned.close();
      indexer.reindex(TestCatalog.dataset());
      assertThat(new IndexLayout(root).generations()).containsExactly(3L, 4L);
    }
  }

  @Test
  void failedReindexLeavesThePreviousGenerationServing() throws IOException {
    new CatalogIndexer(root, 3, o -> {}).reindex(TestCatalog.dataset());
    List<Course> changed = new ArrayList<>(TestCatalog.courses());
    changed.set(0, TestCatalog.course("py-intro", "Renamed Course", "", List.of(), "", null, "", "en", null, null, null));
    CatalogIndexer failing = new CatalogIndexer(root, 3, ordinal -> {
      if (ordinal == 4) throw new IOException("disk full (injected)");
    });
    try (CatalogIndex index = CatalogIndex.open(root)) {
      assertThatThrownBy(() -> failing.reindex(Dataset.of(changed, List.of(), List.of())))
          .isInstanceOf(IOException.class).hasMessageContaining("injected");
      assertThat(Files.readString(root.resolve("CURRENT")).trim()).isEqualTo("gen-000001");
      assertThat(Files.exists(root.resolve("gen-000002"))).as("partial generation removed").isFalse();
      assertThat(index.refresh()).isFalse();
      try (IndexHandle h = index.acquire()) {
        assertThat(h.course(h.docId("py-intro")).title()).isEqualTo("Introduction to Python Programming");
      }
      // the next successful run takes the next free number and is served after refresh
      IndexManifest m = new CatalogIndexer(root, 3, o -> {}).reindex(Dataset.of(changed, List.of(), List.of()));
      assertThat(m.generation()).isEqualTo(2);
      assertThat(index.refresh()).isTrue();
      try (IndexHandle h = index.acquire()) {
        assertThat(h.course(h.docId("py-intro")).title()).isEqualTo("Renamed Course");
      }
    }
  }

  @Test
  void signalsForAnotherCatalogSizeAreRejectedBeforeWriting() {
    CatalogIndexer indexer = new CatalogIndexer(root, Config.defaults());
    assertThatThrownBy(() -> indexer.reindex(TestCatalog.dataset(), CourseSignals.none(7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7").hasMessageContaining("8");
    assertThat(root.resolve("CURRENT")).doesNotExist();
  }

  @Test
  void openingARootWithoutAGenerationSaysToReindex() {
    assertThatThrownBy(() -> CatalogIndex.open(root))
        .isInstanceOf(CatalogIndex.NoIndexException.class).hasMessageContaining("reindex");
  }

  @Test
  void corruptPointerIsReportedNotIgnored() throws IOException {
    new CatalogIndexer(root, Config.defaults()).reindex(TestCatalog.dataset());
    Files.writeString(root.resolve("CURRENT"), "gen-000009\n");
    assertThatThrownBy(() -> CatalogIndex.open(root)).hasMessageContaining("gen-000009").hasMessageContaining("not a complete generation");
    Files.writeString(root.resolve("CURRENT"), "garbage");
    assertThatThrownBy(() -> CatalogIndex.open(root)).hasMessageContaining("corrupt index pointer");
  }

  private static List<String> terms(DirectoryReader r, int doc, String field) throws IOException {
    Terms t = r.termVectors().get(doc, field);
    List<String> out = new ArrayList<>();
    TermsEnum te = t.iterator();
    for (BytesRef b = te.next(); b != null; b = te.next()) out.add(b.utf8ToString() + ":" + te.totalTermFreq());
    return out;
  }
}
