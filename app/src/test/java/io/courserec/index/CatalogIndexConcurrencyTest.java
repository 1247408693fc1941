package io.courserec.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers search while generations are built, swapped and pruned underneath them. Generation g is built from a
 * catalog whose every course has organisation "edition-g", so a request that saw two generations would find
 * courses of the wrong edition; a swap that closed a reader in use would throw AlreadyClosedException.
 */
class CatalogIndexConcurrencyTest {
  private static final int GENERATIONS = 8;
  private static final int READERS = 2;

  @TempDir Path root;

  private static Dataset edition(int g) {
    List<Course> cs = new ArrayList<>();
    for (Course c : TestCatalog.courses()) {
      cs.add(new Course(c.id(), c.title(), c.description(), c.skills(), "edition-" + g, c.level(), c.subject(),
          c.language(), c.durationHours(), c.durationText(), c.rating(), c.numRatings(), c.url(), c.prerequisites()));
    }
    return Dataset.of(cs, List.of(), List.of());
  }

  @Test
  void requestsNeverSeeTwoGenerationsAndSwapsNeverCloseASearcherInUse() throws Exception {
    // keep only one generation: pruning is as aggressive as it gets, only the in-use registry protects readers
    CatalogIndexer indexer = new CatalogIndexer(root, 1, o -> {});
    indexer.reindex(edition(1));
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger highestSeen = new AtomicInteger();
    try (CatalogIndex index = CatalogIndex.open(root)) {
      CountDownLatch started = new CountDownLatch(READERS + 1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < READERS; t++) {
        threads.add(Thread.ofPlatform().start(() -> {
          started.countDown();
          while (!done.get()) {
            try (IndexHandle h = index.acquire()) {
              long g = h.generation();
              String edition = "edition-" + g;
              assertThat(h.searcher().count(new TermQuery(new Term(CourseFields.ORGANIZATION, edition)))).isEqualTo(8);
              Thread.yield(); // give the writer a chance to swap in the middle of the request
              for (int doc = 0; doc < h.reader().maxDoc(); doc++) {
                assertThat(h.course(doc).organization()).isEqualTo(edition);
              }
              assertThat(h.searcher().count(new TermQuery(new Term(CourseFields.ID, "ml")))).isEqualTo(1);
              highestSeen.accumulateAndGet((int) g, Math::max);
              requests.incrementAndGet();
            } catch (Throwable e) {
              errors.add(e);
              return;
            }
          }
        }));
      }
      threads.add(Thread.ofPlatform().start(() -> {
        started.countDown();
        while (!done.get()) {
          try {
            index.refresh();
            Thread.sleep(1);
          } catch (Throwable e) {
            errors.add(e);
            return;
          }
        }
      }));
      started.await();
      for (int g = 2; g <= GENERATIONS; g++) {
        assertThat(indexer.reindex(edition(g)).generation()).isEqualTo(g);
      }
      Thread.sleep(50);
      done.set(true);
      for (Thread t : threads) t.join();
      assertThat(errors).isEmpty();
      index.refresh();
      assertThat(index.generation()).isEqualTo(GENERATIONS);
      assertThat(requests.get()).isGreaterThan(READERS);
      assertThat(highestSeen.get()).isGreaterThan(1);
    }
  }
}
