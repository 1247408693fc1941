package io.courserec.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Immutable, validated configuration: defaults from {@link ConfigKey}, then the properties file, then environment
 * variables ({@code COURSEREC_*}), then explicit overrides (command-line options). Validation happens once, in
 * {@link #load}; an invalid value raises {@link ConfigException} naming the key, the value and the legal range.
 */
public final class Config {
  private final Map<ConfigKey, String> values;

  private Config(Map<ConfigKey, String> values) {
    this.values = values;
  }

  /** Defaults only; what tests use unless they need other values. */
  public static Config defaults() {
    return load(null, Map.of(), Map.of());
  }

  /**
   * Loads configuration.
   *
   * @param file properties file, or null for none; a file that is given but missing is an error
   * @param env environment (usually {@code System.getenv()})
   * @param overrides highest-priority values by key name (e.g. from CLI options)
   */
  public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<ConfigKey, String> v = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) v.put(k, k.defaultValue());
    if (file != null) {
      if (!Files.isRegularFile(file)) throw new ConfigException("configuration file not found: " + file);
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
      }
      for (String name : p.stringPropertyNames()) {
        ConfigKey k = ConfigKey.byKey(name).orElseThrow(() ->
            new ConfigException("unknown configuration key '" + name + "' in " + file));
        v.put(k, p.getProperty(name).trim());
      }
    }
    for (ConfigKey k : ConfigKey.values()) {
      String e = env.get(k.envName());
      if (e != null) v.put(k, e.trim());
    }
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      ConfigKey k = ConfigKey.byKey(o.getKey()).orElseThrow(() ->
          new ConfigException("unknown configuration key '" + o.getKey() + "'"));
      v.put(k, o.getValue().trim());
    }
    for (Map.Entry<ConfigKey, String> e : v.entrySet()) validate(e.getKey(), e.getValue());
    return new Config(v);
  }

  /** Returns a copy with some keys replaced (validated). */
  public Config with(Map<ConfigKey, String> changes) {
    Map<ConfigKey, String> v = new EnumMap<>(values);
    for (Map.Entry<ConfigKey, String> e : changes.entrySet()) {
      validate(e.getKey(), e.getValue());
      v.put(e.getKey(), e.getValue());
    }
    return new Config(v);
  }

  public Config with(ConfigKey key, Object value) {
    return with(Map.of(key, String.valueOf(value)));
  }

  private static void validate(ConfigKey k, String raw) {
    double numeric;
    try {
      switch (k.type()) {
        case STRING -> { return; }
        case BOOLEAN -> {
          if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw new ConfigException(k.key() + " must be true or false, got '" + raw + "'");
          }
          return;
        }
        case INT -> numeric = Integer.parseInt(raw);
        case LONG -> numeric = Long.parseLong(raw);
        default -> numeric = Double.parseDouble(raw);
      }
    } catch (NumberFormatException e) {
      throw new ConfigException(k.key() + " must be " + k.type().name().toLowerCase(Locale.ROOT)
          + ", got '" + raw + "'");
    }
    if (Double.isNaN(numeric) || (k.min() != null && numeric < k.min()) || (k.max() != null && numeric > k.max())) {
      throw new ConfigException(k.key() + " must be in [" + fmt(k.min()) + ", " + fmt(k.max()) + "], got '" + raw + "'");
    }
  }

  private static String fmt(Double d) {
    if (d == null) return "-inf";
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
  }

  public String string(ConfigKey k) { return values.get(k); }
  public int integer(ConfigKey k) { return Integer.parseInt(values.get(k)); }
  public long longValue(ConfigKey k) { return Long.parseLong(values.get(k)); }
  public double number(ConfigKey k) { return Double.parseDouble(values.get(k)); }
  public boolean bool(ConfigKey k) { return Boolean.parseBoolean(values.get(k)); }
  public Path path(ConfigKey k) { return Path.of(values.get(k)); }

  /** All values by key name, sorted; the admin token is masked. */
  public Map<String, String> asMap() {
    Map<String, String> m = new TreeMap<>();
    values.forEach((k, val) -> m.put(k.key(), k == ConfigKey.ADMIN_TOKEN && !val.isEmpty() ? "***" : val));
    return m;
  }

  /** SHA-256 (first 16 hex digits) over the model-shaping keys, so a model trained with other settings is detected. */
  public String modelHash() {
    StringBuilder sb = new StringBuilder();
    for (ConfigKey k : ConfigKey.values()) {
      if (k.modelShaping()) sb.append(k.key()).append('=').append(values.get(k)).append('\n');
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
