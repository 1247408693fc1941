package io.courserec.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the load test sends: a weighted mix of operations over learner ids and search texts read from files.
 *
 * <ul>
 *   <li>{@code recommend}: {@code GET /recommend?user=U&k=K};
 *   <li>{@code search}: {@code GET /search?q=Q&user=U&k=K} (personalised search);
 *   <li>{@code similar}: {@code GET /courses/{id}/similar?k=K} (needs course ids: a courses CSV as queries file).
 * </ul>
 * Uncached mode adds {@code Cache-Control: no-cache}, which makes the server skip its recommendation cache lookup,
 * so every request pays the engine's full cost. Cached mode draws learners from the first {@code hotUsers} ids only,
 * so repeats (and cache hits) happen; the warm-up primes them.
 *
 * <p>Files: a {@code .csv} file is read with its header ({@code user_id} or {@code id} for learners; {@code title}
 * for search texts and {@code id} for course ids); any other file is one value per line.
 */
final class LoadWorkload {
  /** One operation and its share of requests. */
  record Op(String name, double weight) {}

  private final URI base;
  private final List<Op> mix;
  private final double totalWeight;
  private final List<String> users;
  private final List<String> queries;
  private final List<String> courseIds;
  private final int k;
  private final boolean uncached;

  LoadWorkload(URI base, List<Op> mix, List<String> users, List<String> queries, List<String> courseIds, int k,
               boolean uncached) {
    this.base = base;
    this.mix = List.copyOf(mix);
    this.totalWeight = mix.stream().mapToDouble(Op::weight).sum();
    this.users = users;
    this.queries = queries;
    this.courseIds = courseIds;
    this.k = k;
    this.uncached = uncached;
  }

  /** Parses {@code recommend:0.7,search:0.3}. */
  static List<Op> parseMix(String spec) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split(":");
      if (kv.length != 2) throw new IllegalArgumentException("mix entry '" + part + "' is not op:weight");
      String op = kv[0].trim().toLowerCase(Locale.ROOT);
      if (!List.of("recommend", "search", "similar").contains(op)) {
        throw new IllegalArgumentException("unknown operation '" + op + "' (recommend, search, similar)");
      }
      double w = Double.parseDouble(kv[1].trim());
      if (!(w > 0)) throw new IllegalArgumentException("weight of " + op + " must be > 0");
      m.merge(op, w, Double::sum);
    }
    return m.entrySet().stream().map(e -> new Op(e.getKey(), e.getValue())).toList();
  }

  List<Op> mix() { return mix; }

  /** Picks an operation by weight and builds its request. */
  Request next(SplittableRandom rnd) {
    double x = rnd.nextDouble() * totalWeight;
    Op op = mix.get(mix.size() - 1);
    for (Op o : mix) {
      if (x < o.weight()) { op = o; break; }
      x -= o.weight();
    }
    String user = users.get(rnd.nextInt(users.size()));
    String pathAndQuery = switch (op.name()) {
      case "recommend" -> "/recommend?user=" + enc(user) + "&k=" + k;
      case "search" -> "/search?q=" + enc(queries.get(rnd.nextInt(queries.size()))) + "&user=" + enc(user) + "&k=" + k;
      default -> "/courses/" + enc(courseIds.get(rnd.nextInt(courseIds.size()))) + "/similar?k=" + k;
    };
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
    if (uncached) b.header("Cache-Control", "no-cache");
    return new Request(op.name(), b.build());
  }

  /** A request and the operation it belongs to. */
  record Request(String op, HttpRequest http) {}

  /** Values of {@code column} (or the first of {@code fallbacks} present) from a CSV, or lines of a text file. */
  static List<String> readValues(Path file, String column, String... fallbacks) throws IOException {
    List<String> out = new ArrayList<>();
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      CsvMapper csv = new CsvMapper();
      try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
        while (it.hasNext()) {
          Map<String, String> row = it.next();
          String v = row.get(column);
          for (int i = 0; v == null && i < fallbacks.length; i++) v = row.get(fallbacks[i]);
          if (v == null) throw new IOException(file + " has no column " + column);
          if (!v.isBlank()) out.add(v.trim());
        }
      }
    } else {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(line.trim());
    }
    if (out.isEmpty()) throw new IOException(file + " holds no values");
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
