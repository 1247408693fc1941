package io.courserec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The candidate set query against the {@code IntPoint} set query it replaces, in Lucene's test style: documents in
 * shuffled order across many segments (no merging) so doc ids and ordinals disagree, some deleted and one ordinal
 * re-added in a later segment, random ordinal sets alone and in a conjunction with a term (which drives
 * {@code advance}). Seeds fixed.
 */
class OrdinalSetQueryTest {
  @Test
  void matchesWhatThePointSetQueryMatches() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      int n = 50 + rnd.nextInt(400);
      try (Directory dir = new ByteBuffersDirectory()) {
        List<Integer> order = new ArrayList<>();
        for (int o = 0; o < n; o++) order.add(o);
        Collections.shuffle(order, rnd);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
          for (int i = 0; i < n; i++) {
            w.addDocument(doc(order.get(i), rnd.nextBoolean() ? "a" : "b"));
            if (rnd.nextInt(40) == 0) w.flush();
          }
          w.flush();
          for (int k = 0; k < n / 10; k++) w.deleteDocuments(new Term("id", "c" + rnd.nextInt(n)));
          int again = rnd.nextInt(n); // deleted, then re-added in a later segment: the live document must match
          w.deleteDocuments(new Term("id", "c" + again));
          w.addDocument(doc(again, "a"));
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          assertThat(reader.leaves().size()).as("seed %d segments", seed).isGreaterThan(1);
          for (int t = 0; t < 10; t++) {
            TreeSet<Integer> set = new TreeSet<>();
            int size = rnd.nextInt(Math.max(1, n / 2));
            for (int k = 0; k < size; k++) set.add(rnd.nextInt(n + 5) - 2); // a few ordinals no document has
            int[] ordinals = set.stream().mapToInt(Integer::intValue).toArray();
            Query direct = OrdinalSetQuery.of(reader, ordinals);
            Query points = IntPoint.newSetQuery(CourseFields.ORDINAL, ordinals);
            assertThat(docs(searcher, direct)).as("seed %d", seed).isEqualTo(docs(searcher, points));
            Query tag = new TermQuery(new Term("tag", "a"));
            assertThat(docs(searcher, and(direct, tag))).as("seed %d with a conjunction", seed)
                .isEqualTo(docs(searcher, and(points, tag)));
            assertThat(OrdinalSetQuery.of(reader, ordinals)).isEqualTo(direct).hasSameHashCodeAs(direct);
          }
        }
      }
    }
  }

  @Test
  void aQueryRunsOnlyOnTheReaderItWasBuiltFor() throws Exception {
    try (Directory a = new ByteBuffersDirectory(); Directory b = new ByteBuffersDirectory()) {
      for (Directory d : List.of(a, b)) {
        try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
          for (int o = 0; o < 5; o++) w.addDocument(doc(o, "a"));
        }
      }
      try (DirectoryReader ra = DirectoryReader.open(a); DirectoryReader rb = DirectoryReader.open(b)) {
        Query q = OrdinalSetQuery.of(ra, new int[] {1, 3});
        assertThat(docs(new IndexSearcher(ra), q)).hasSize(2);
        assertThat(OrdinalSetQuery.of(rb, new int[] {1, 3})).isNotEqualTo(q);
        assertThatThrownBy(() -> new IndexSearcher(rb).search(q, 10)).isInstanceOf(IllegalStateException.class);
      }
    }
  }

  private static Document doc(int ordinal, String tag) {
    Document d = new Document();
    d.add(new StringField("id", "c" + ordinal, Field.Store.NO));
    d.add(new StringField("tag", tag, Field.Store.NO));
    d.add(new NumericDocValuesField(CourseFields.ORDINAL, ordinal));
    d.add(new IntPoint(CourseFields.ORDINAL, ordinal));
    return d;
  }

  private static Query and(Query x, Query y) {
    return new BooleanQuery.Builder().add(x, BooleanClause.Occur.MUST).add(y, BooleanClause.Occur.FILTER).build();
  }

  private static TreeSet<Integer> docs(IndexSearcher s, Query q) throws Exception {
    TreeSet<Integer> out = new TreeSet<>();
    for (ScoreDoc d : s.search(q, Integer.MAX_VALUE).scoreDocs) out.add(d.doc);
    return out;
  }
}
