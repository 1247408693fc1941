package io.courserec.store;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.util.regex.Pattern;

/**
 * Opens the {@link InteractionStore} a JDBC URL names: {@code jdbc:sqlite:FILE} (the embedded default,
 * {@link SqliteInteractionStore}) or {@code jdbc:postgresql://HOST[:PORT]/DB?...} ({@link PostgresInteractionStore}).
 * The schema is created or migrated before the store is returned.
 */
public final class InteractionStores {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  private InteractionStores() {}

  /**
   * Opens the store named by {@code store.jdbc_url}.
   *
   * @throws ConfigException if the URL names no supported backend or an in-memory database
   * @throws StoreException if the database cannot be opened or migrated
   */
  public static InteractionStore open(Config config) {
    String url = config.string(ConfigKey.STORE_URL);
    StoreSettings settings = new StoreSettings(config.integer(ConfigKey.STORE_POOL_SIZE),
        config.integer(ConfigKey.STORE_CONNECT_TIMEOUT), config.integer(ConfigKey.STORE_STATEMENT_TIMEOUT),
        config.integer(ConfigKey.STORE_LOCK_TIMEOUT), config.bool(ConfigKey.STORE_NOTIFY));
    try {
      return open(url, settings);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ConfigKey.STORE_URL.key() + ": " + e.getMessage());
    }
  }

  /**
   * Opens the store at a JDBC URL.
   *
   * @throws IllegalArgumentException if the URL names no supported backend or an in-memory database
   * @throws StoreException if the database cannot be opened or migrated
   */
  public static InteractionStore open(String url) {
    return open(url, StoreSettings.DEFAULTS);
  }

  /**
   * Opens the store at a JDBC URL with the given pool bound and timeouts.
   *
   * @throws IllegalArgumentException if the URL names no supported backend or an in-memory database
   * @throws StoreException if the database cannot be opened or migrated
   */
  public static InteractionStore open(String url, StoreSettings settings) {
    if (url != null && url.startsWith(SqliteInteractionStore.URL_PREFIX)) return SqliteInteractionStore.open(url, settings);
    if (url != null && url.startsWith(PostgresInteractionStore.URL_PREFIX)) return PostgresInteractionStore.open(url, settings);
    throw new IllegalArgumentException("unsupported feedback store URL '" + maskPassword(url) + "': expected "
        + SqliteInteractionStore.URL_PREFIX + "FILE or " + PostgresInteractionStore.URL_PREFIX + "//HOST[:PORT]/DB");
  }

  /** The URL with the value of any {@code password=} parameter replaced by {@code ***}, for logs and messages. */
  public static String maskPassword(String url) {
    return url == null ? null : PASSWORD.matcher(url).replaceAll("$1***");
  }
}
