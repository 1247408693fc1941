package io.courserec.api;

import io.courserec.catalog.Level;
import io.courserec.engine.Identifiers;
import io.courserec.rec.CourseFilter;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict parsing of query parameters: an unknown parameter, a repeated one, a non-integer {@code k}, an
 * out-of-range value or an unknown level is a 400 naming the parameter. Parameters given with an empty value
 * ({@code level=}) count as absent. Shared grammar:
 * <ul>
 *   <li>{@code k} integer &ge; 1 (default 10), {@code offset} integer &ge; 0 (default 0),
 *       {@code k + offset <= server.max_k};
 *   <li>filters: {@code level} (beginner | intermediate | advanced | mixed), {@code language},
 *       {@code organization}, {@code subject} (exact, case-insensitive), {@code max_duration} (hours, &gt; 0).
 * </ul>
 */
final class RequestParams {
  static final Set<String> PAGE = Set.of("k", "offset");
  static final Set<String> FILTERS = Set.of("level", "language", "organization", "subject", "max_duration");
  static final int DEFAULT_K = 10;
  static final int MAX_ID_LENGTH = Identifiers.MAX_LENGTH;

  /** k and offset after validation. */
  record Page(int k, int offset) {}

  private final Context ctx;

  private RequestParams(Context ctx) {
    this.ctx = ctx;
  }

  /** Checks that every query parameter is one of {@code allowed} and none is repeated. */
  @SafeVarargs
  static RequestParams of(Context ctx, Set<String>... allowed) {
    Set<String> ok = new TreeSet<>();
    Arrays.stream(allowed).forEach(ok::addAll);
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (!ok.contains(e.getKey())) {
        throw ApiException.badParameter(e.getKey(), "unknown query parameter '" + e.getKey() + "'; allowed: " + ok);
      }
      if (e.getValue().size() > 1) throw ApiException.badParameter(e.getKey(), e.getKey() + " is given more than once");
    }
    return new RequestParams(ctx);
  }

  /** The value, or null when absent or empty. */
  String optional(String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  String required(String name) {
    String v = optional(name);
    if (v == null) throw ApiException.badParameter(name, name + " is required");
    return v;
  }

  /**
   * A required identifier (user or course id), exactly as sent (not trimmed): see {@link Identifiers} for the rule
   * (1..{@value #MAX_ID_LENGTH} characters, no control characters, unpaired surrogates or padding).
   */
  String id(String name) {
    return checkId(name, ctx.queryParam(name));
  }

  /** A path parameter holding an identifier, checked like {@link #id}. */
  static String pathId(Context ctx, String name) {
    return checkId(name, ctx.pathParam(name));
  }

  /** An identifier from anywhere in a request; a 400 naming {@code field} when it breaks the rule. */
  static String checkId(String field, String v) {
    String problem = Identifiers.problem(v);
    if (problem != null) throw ApiException.badParameter(field, field + " " + problem);
    return v;
  }

  /** A pipe-separated list ({@code a|b}), items trimmed, empty ones dropped; empty when absent. */
  List<String> pipeList(String name) {
    String v = optional(name);
    return v == null ? List.of() : Arrays.stream(v.split("\\|")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  int integer(String name, int defaultValue, int min) {
    String v = optional(name);
    if (v == null) return defaultValue;
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, name + " must be an integer, got '" + v + "'");
    }
    if (n < min) throw ApiException.badParameter(name, name + " must be >= " + min + ", got " + n);
    return n;
  }

  boolean bool(String name, boolean defaultValue) {
    String v = optional(name);
    if (v == null) return defaultValue;
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw ApiException.badParameter(name, name + " must be true or false, got '" + v + "'");
  }

  /** k (default 10) and offset (default 0), with k + offset capped at {@code maxK}. */
  Page page(int maxK) {
    int k = integer("k", DEFAULT_K, 1);
    int offset = integer("offset", 0, 0);
    if ((long) k + offset > maxK) {
      throw ApiException.badParameter("k", "k + offset must be <= " + maxK + " (server.max_k), got " + k + " + " + offset);
    }
    return new Page(k, offset);
  }

  CourseFilter filter() {
    String lv = optional("level");
    Level level = null;
    if (lv != null) {
      level = Level.fromCode(lv).filter(l -> l != Level.UNKNOWN).orElseThrow(() -> ApiException.badParameter("level",
          "level must be one of beginner, intermediate, advanced, mixed; got '" + lv + "'"));
    }
    Double maxDuration = null;
    String md = optional("max_duration");
    if (md != null) {
      try {
        maxDuration = Double.parseDouble(md);
      } catch (NumberFormatException e) {
        throw ApiException.badParameter("max_duration", "max_duration must be a number of hours, got '" + md + "'");
      }
      if (!(maxDuration > 0) || maxDuration.isInfinite()) {
        throw ApiException.badParameter("max_duration", "max_duration must be a positive number of hours, got " + md);
      }
    }
    return new CourseFilter(level, optional("language"), optional("organization"), optional("subject"), maxDuration);
  }
}
