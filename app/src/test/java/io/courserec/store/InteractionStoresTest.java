package io.courserec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.courserec.config.Config;
import io.courserec.config.ConfigException;
import io.courserec.config.ConfigKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backend selection from the URL, and what a wrong URL or an unreachable server says. */
class InteractionStoresTest {
  @TempDir
  Path dir;

  @Test
  void sqliteUrlFromConfigOpensTheEmbeddedStoreCreatingDirectories() {
    Path file = dir.resolve("a/b/feedback.db");
    Config config = Config.defaults().with(ConfigKey.STORE_URL, "jdbc:sqlite:" + file);
    try (InteractionStore store = InteractionStores.open(config)) {
      assertThat(store).isInstanceOf(SqliteInteractionStore.class);
      assertThat(store.description()).isEqualTo("sqlite " + file);
      assertThat(file).isRegularFile();
    }
  }

  @Test
  void postgresUrlOpensThePostgresStore() throws Exception {
    String server = PostgresTestDatabase.assumeReachable();
    String schema = PostgresTestDatabase.freshSchema();
    try (InteractionStore store = InteractionStores.open(PostgresTestDatabase.withSchema(server, schema))) {
      assertThat(store).isInstanceOf(PostgresInteractionStore.class);
      assertThat(store.description()).startsWith("postgresql jdbc:postgresql://").contains(schema);
    } finally {
      PostgresTestDatabase.dropSchema(server, schema);
    }
  }

  @Test
  void unsupportedOrInMemoryUrlsAreConfigurationErrors() {
    assertThatThrownBy(() -> InteractionStores.open("jdbc:mysql://h/db")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported feedback store URL 'jdbc:mysql://h/db'");
    assertThatThrownBy(() -> InteractionStores.open(Config.defaults().with(ConfigKey.STORE_URL, "feedback.db")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("store.jdbc_url: unsupported");
    assertThatThrownBy(() -> InteractionStores.open(Config.defaults().with(ConfigKey.STORE_URL, "jdbc:sqlite::memory:")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("in-memory SQLite is not supported");
    assertThatThrownBy(() -> InteractionStores.open("jdbc:sqlite:")).hasMessageContaining("in-memory");
  }

  @Test
  void passwordsNeverAppearInMessages() {
    assertThat(InteractionStores.maskPassword("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    // port 1 refuses at once: the failure names the URL, masked
    String url = "jdbc:postgresql://127.0.0.1:1/db?user=u&password=s3cret&connectTimeout=2";
    assertThatThrownBy(() -> InteractionStores.open(url)).isInstanceOf(StoreException.class)
        .hasMessageContaining("password=***").hasMessageNotContaining("s3cret");
  }
}
