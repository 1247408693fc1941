package io.courserec.tuning;

import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What tuning chose: configuration values that replace the configured ones for this model, the report, and how it
 * was obtained. Written into the model version ({@value #FILE}, {@value #REPORT}) and applied again whenever the
 * version is loaded, so serving uses exactly what training chose.
 *
 * @param values chosen values by configuration key (only keys tuning owns)
 * @param split the inner split used ({@code leave-last-out}, {@code random}; {@code off} when tuning was off)
 * @param validationUsers learners scored per trial
 * @param millis wall time of tuning
 * @param report a Markdown report: every trial, the blend per segment against each single signal
 */
public record TuningResult(Map<String, String> values, String split, int validationUsers, long millis, String report) {
  public static final String FILE = "tuning.properties";
  public static final String REPORT = "tuning.md";

  public TuningResult {
    values = Map.copyOf(new TreeMap<>(values));
  }

  /** No tuning: the configured values stand. */
  public static TuningResult off() {
    return new TuningResult(Map.of(), "off", 0, 0, "Tuning was off (`train --no-tune` or `tune.enabled=false`): configured values used.\n");
  }

  /** {@code base} with the chosen values. */
  public Config apply(Config base) {
    Map<ConfigKey, String> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(ConfigKey.byKey(k).orElseThrow(() -> new IllegalStateException("unknown tuned key " + k)), v));
    return m.isEmpty() ? base : base.with(m);
  }

  /** Writes {@value #FILE} and {@value #REPORT} into {@code dir}. */
  public void write(Path dir) throws IOException {
    Properties p = new Properties();
    values.forEach(p::setProperty);
    p.setProperty("_split", split);
    p.setProperty("_validation_users", String.valueOf(validationUsers));
    p.setProperty("_millis", String.valueOf(millis));
    try (Writer w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.store(w, "values chosen by tuning; applied over the configuration when this model is loaded");
    }
    Files.writeString(dir.resolve(REPORT), report, StandardCharsets.UTF_8);
  }

  /** Reads what {@link #write} wrote; empty when the directory has no tuning file (tuning off or an older model). */
  public static Optional<TuningResult> read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) return Optional.empty();
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> values = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith("_")) continue;
      if (ConfigKey.byKey(k).isEmpty()) throw new IOException(f + ": unknown key '" + k + "'");
      values.put(k, p.getProperty(k));
    }
    Path report = dir.resolve(REPORT);
    return Optional.of(new TuningResult(values, p.getProperty("_split", "?"),
        Integer.parseInt(p.getProperty("_validation_users", "0")), Long.parseLong(p.getProperty("_millis", "0")),
        Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : ""));
  }

  /** The chosen values as {@code key=value} lines, sorted. */
  public List<String> lines() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
