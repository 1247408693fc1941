package io.courserec.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  private static final Path FILE = Path.of("config/courserec.properties");

  @Test
  void shippedFileHasEveryKeyWithCommentAndDefaultValue() throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(FILE)) {
      p.load(r);
    }
    List<String> lines = Files.readAllLines(FILE);
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(p.getProperty(k.key())).as(k.key()).isEqualTo(k.defaultValue());
      int at = lines.indexOf(k.key() + "=" + k.defaultValue());
      assertThat(lines.get(at - 1)).as("comment above " + k.key()).startsWith("# ");
    }
    assertThat(p.stringPropertyNames()).hasSize(ConfigKey.values().length);
    Config.load(FILE, Map.of(), Map.of()); // must validate
  }

  @Test
  void environmentOverridesFileAndOverridesWin() {
    Config c = Config.load(FILE, Map.of("COURSEREC_MF_RANK", "32"), Map.of());
    assertThat(c.integer(ConfigKey.MF_RANK)).isEqualTo(32);
    Config d = Config.load(FILE, Map.of("COURSEREC_MF_RANK", "32"), Map.of("mf.rank", "8"));
    assertThat(d.integer(ConfigKey.MF_RANK)).isEqualTo(8);
  }

  @Test
  void invalidValueNamesKeyAndValue(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> Config.load(null, Map.of("COURSEREC_MF_RANK", "abc"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("mf.rank").hasMessageContaining("abc");
    assertThatThrownBy(() -> Config.load(null, Map.of(), Map.of("mf.alpha", "-1")))
        .hasMessageContaining("mf.alpha").hasMessageContaining("-1").hasMessageContaining("[0, 10000]");
    Path f = dir.resolve("c.properties");
    Files.writeString(f, "mf.rnak=3\n");
    assertThatThrownBy(() -> Config.load(f, Map.of(), Map.of())).hasMessageContaining("mf.rnak");
    assertThatThrownBy(() -> Config.load(dir.resolve("missing"), Map.of(), Map.of()))
        .hasMessageContaining("not found");
  }

  @Test
  void modelHashChangesOnlyWithModelShapingKeys() {
    Config c = Config.defaults();
    assertThat(c.with(ConfigKey.SERVER_PORT, 9999).modelHash()).isEqualTo(c.modelHash());
    assertThat(c.with(ConfigKey.MF_RANK, 7).modelHash()).isNotEqualTo(c.modelHash());
    assertThat(c.with(ConfigKey.ADMIN_TOKEN, "s3cret").asMap().get("server.admin_token")).isEqualTo("***");
  }
}
