package io.courserec.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cycle breaking (weakest edge of a cycle, given before inferred, deterministic) and save / load. */
class PrerequisiteGraphTest {
  @TempDir Path tmp;

  @Test
  void aCycleLosesItsWeakestEdgeAndIsReported() {
    // 0 -> 1 (0.9), 1 -> 2 (0.8), 2 -> 0 (0.7): the last closes the cycle and is the weakest, so it is dropped
    List<PrerequisiteEdge> edges = List.of(new PrerequisiteEdge(0, 1, 0.9f, EdgeSource.LEVEL),
        new PrerequisiteEdge(2, 0, 0.7f, EdgeSource.SEQUENCE), new PrerequisiteEdge(1, 2, 0.8f, EdgeSource.LEVEL),
        new PrerequisiteEdge(3, 3, 1f, EdgeSource.GIVEN));
    PrerequisiteGraph g = PrerequisiteGraph.of(4, edges);
    assertThat(g.broken()).containsExactly(new PrerequisiteEdge(3, 3, 1f, EdgeSource.GIVEN),
        new PrerequisiteEdge(2, 0, 0.7f, EdgeSource.SEQUENCE)); // self-loop first: it has the higher confidence
    assertThat(g.prerequisitesOf(2)).containsExactly(1);
    assertThat(g.prerequisitesOf(0)).isEmpty();
    String report = GraphReport.toText(new PrerequisiteInference.Result(g, new PrerequisiteInference.Summary("inferred", 0, 0, 5, 0, 0, 0, Double.NaN, Double.NaN)),
        o -> "c" + o);
    assertThat(report).contains("cycles broken: 2 edge(s) dropped").contains("c2 -> c0 (sequence, confidence 0.70) would close a cycle");
  }

  @Test
  void equalConfidencesBreakByGivenFirstThenOrdinals() {
    // a two-cycle of equal confidence: the given edge stays whatever the input order
    List<PrerequisiteEdge> edges = new ArrayList<>(List.of(new PrerequisiteEdge(0, 1, 1f, EdgeSource.LEVEL),
        new PrerequisiteEdge(1, 0, 1f, EdgeSource.GIVEN)));
    for (int i = 0; i < 2; i++) {
      Collections.reverse(edges);
      PrerequisiteGraph g = PrerequisiteGraph.of(2, edges);
      assertThat(g.edges()).containsExactly(new PrerequisiteEdge(1, 0, 1f, EdgeSource.GIVEN));
    }
  }

  @Test
  void randomGraphsComeOutAcyclicAndTheSameForAnyInputOrder() {
    Random rnd = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 3 + rnd.nextInt(20);
      List<PrerequisiteEdge> edges = new ArrayList<>();
      for (int e = 0; e < n * 2; e++) {
        edges.add(new PrerequisiteEdge(rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(5) / 4f, EdgeSource.values()[rnd.nextInt(4)]));
      }
      PrerequisiteGraph g = PrerequisiteGraph.of(n, edges);
      Collections.shuffle(edges, rnd);
      assertThat(PrerequisiteGraph.of(n, edges).edges()).containsExactlyInAnyOrderElementsOf(g.edges());
      // acyclic: Kahn's algorithm removes every course
      int[] in = new int[n];
      for (PrerequisiteEdge e : g.edges()) in[e.dependant()]++;
      java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
      for (int c = 0; c < n; c++) if (in[c] == 0) q.add(c);
      int removed = 0;
      while (!q.isEmpty()) {
        int c = q.poll();
        removed++;
        for (PrerequisiteEdge e : g.edges()) if (e.prerequisite() == c && --in[e.dependant()] == 0) q.add(e.dependant());
      }
      assertThat(removed).isEqualTo(n);
      assertThat(g.edges().size() + g.broken().size()).isLessThanOrEqualTo(edges.size());
    }
  }

  @Test
  void saveAndLoadGiveTheSameGraphAndBadLinesNameTheLine() throws IOException {
    PrerequisiteGraph g = PrerequisiteGraph.of(3, List.of(new PrerequisiteEdge(0, 1, 0.75f, EdgeSource.LEVEL_AND_SEQUENCE),
        new PrerequisiteEdge(1, 0, 0.5f, EdgeSource.LEVEL), new PrerequisiteEdge(1, 2, 1f, EdgeSource.GIVEN)));
    g.save(tmp, o -> "c" + o);
    PrerequisiteGraph back = PrerequisiteGraph.load(tmp, 3, id -> Integer.parseInt(id.substring(1)));
    assertThat(back.edges()).containsExactlyInAnyOrderElementsOf(g.edges());
    assertThat(back.broken()).isEqualTo(g.broken());
    Files.writeString(tmp.resolve(PrerequisiteGraph.FILE), Files.readString(tmp.resolve(PrerequisiteGraph.FILE)) + "edge\tc0\tzz\t1\tgiven\n");
    assertThatThrownBy(() -> PrerequisiteGraph.load(tmp, 3, id -> id.equals("zz") ? -1 : Integer.parseInt(id.substring(1))))
        .isInstanceOf(IOException.class).hasMessageContaining(PrerequisiteGraph.FILE + ":5: unknown course id zz");
  }
}
