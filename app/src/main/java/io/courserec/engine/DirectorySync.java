package io.courserec.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a rename or a new directory entry durable: after {@code rename(tmp, target)} the new name lives in the
 * parent directory's data, which the kernel may still hold only in memory; a crash before it is written can bring
 * the old name (or none) back even though the file's own contents were fsynced. Opening the directory read-only and
 * calling {@code fsync} on it (what {@link FileChannel#force} does on Linux and macOS) writes that entry. On
 * platforms that cannot open a directory (Windows) the call is skipped: NTFS journals metadata itself.
 */
final class DirectorySync {
  private DirectorySync() {}

  /** fsyncs {@code dir}'s entries. */
  static void sync(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (System.getProperty("os.name", "").startsWith("Windows")) return;
      throw e;
    }
  }
}
