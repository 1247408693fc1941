package io.courserec.cli;

import io.courserec.index.CatalogIndex;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the served index for a command, turning "no index yet" into a one-line user error. */
final class IndexOpener {
  private IndexOpener() {}

  static CatalogIndex open(Path root) throws IOException {
    try {
      return CatalogIndex.open(root);
    } catch (CatalogIndex.NoIndexException e) {
      throw new UserError(e.getMessage());
    }
  }
}
