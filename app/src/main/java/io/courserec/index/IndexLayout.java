package io.courserec.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk layout of an index root:
 *
 * <pre>
 *   ROOT/CURRENT            one line: the directory name of the generation being served (e.g. gen-000007)
 *   ROOT/gen-000007/        a Lucene index plus manifest.json (complete only once the manifest exists)
 *   ROOT/reindex.lock       Lucene lock held while a reindex writes (one writer per root, across processes)
 * </pre>
 *
 * {@link #publish} swaps {@code CURRENT} by writing a temporary file, forcing it to disk and renaming it over the
 * old one with {@code ATOMIC_MOVE}, so a reader sees either the old or the new pointer, never a torn one.
 * Generations opened by a {@link CatalogIndex} in this JVM are registered here and never pruned while open;
 * another process reading a pruned generation keeps its open files on POSIX systems, and the default keeps the
 * previous generation anyway ({@code index.keep_generations}).
 */
public final class IndexLayout {
  private static final Logger log = LoggerFactory.getLogger(IndexLayout.class);
  /** Name of the pointer file. */
  public static final String CURRENT = "CURRENT";
  static final String LOCK_NAME = "reindex.lock";
  private static final Pattern GEN = Pattern.compile("gen-(\\d{6,})");
  private static final ConcurrentHashMap<Path, AtomicInteger> OPEN = new ConcurrentHashMap<>();

  private final Path root;

  public IndexLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() { return root; }

  /** Directory name of a generation. */
  public static String dirName(long generation) {
    return String.format(Locale.ROOT, "gen-%06d", generation);
  }

  public Path generationDir(long generation) { return root.resolve(dirName(generation)); }

  /**
   * The generation {@code CURRENT} points to, or empty when there is no pointer yet.
   *
   * @throws IOException when the pointer is unreadable, malformed, or names a generation that is not complete
   */
  public OptionalLong current() throws IOException {
    Path p = root.resolve(CURRENT);
    String name;
    try {
      name = Files.readString(p, StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
    Matcher m = GEN.matcher(name);
    if (!m.matches()) throw new IOException("corrupt index pointer " + p + ": '" + name + "'");
    long g = Long.parseLong(m.group(1));
    if (!IndexManifest.exists(generationDir(g))) {
      throw new IOException("index pointer " + p + " names " + name + ", which is not a complete generation");
    }
    return OptionalLong.of(g);
  }

  /** Every generation directory number (complete or not), ascending. */
  public List<Long> generations() throws IOException {
    List<Long> out = new ArrayList<>();
    if (!Files.isDirectory(root)) return out;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        Matcher m = GEN.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) out.add(Long.parseLong(m.group(1)));
      }
    }
    Collections.sort(out);
    return out;
  }

  /** One more than the highest generation directory present (1 for an empty root). */
  public long nextGeneration() throws IOException {
    List<Long> g = generations();
    return g.isEmpty() ? 1 : g.get(g.size() - 1) + 1;
  }

  /** Points {@code CURRENT} at a complete generation, atomically and durably. */
  public void publish(long generation) throws IOException {
    if (!IndexManifest.exists(generationDir(generation))) {
      throw new IllegalStateException("cannot publish incomplete generation " + dirName(generation));
    }
    Path tmp = root.resolve(CURRENT + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(StandardCharsets.UTF_8.encode(dirName(generation) + "\n"));
      ch.force(true);
    }
    Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(root);
  }

  /**
   * Deletes generations that are neither current, nor among the {@code keep} newest complete ones, nor open in
   * this JVM; incomplete generations other than {@code building} are leftovers of failed runs and go too. Call
   * only while holding the reindex lock.
   *
   * @return the generations deleted
   */
  public List<Long> prune(int keep, long building) throws IOException {
    long current = current().orElse(-1);
    List<Long> complete = new ArrayList<>();
    for (long g : generations()) if (IndexManifest.exists(generationDir(g))) complete.add(g);
    Set<Long> kept = new java.util.HashSet<>(complete.subList(Math.max(0, complete.size() - keep), complete.size()));
    List<Long> deleted = new ArrayList<>();
    for (long g : generations()) {
      if (g == current || g == building || kept.contains(g) || isOpen(generationDir(g))) continue;
      deleteRecursively(generationDir(g));
      deleted.add(g);
    }
    if (!deleted.isEmpty()) log.info("pruned index generations {} under {}", deleted, root);
    return deleted;
  }

  /** Registers a generation directory as open in this JVM (reference-counted). */
  static void markOpen(Path dir) {
    OPEN.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new AtomicInteger()).incrementAndGet();
  }

  /** Reverses one {@link #markOpen}. */
  static void markClosed(Path dir) {
    OPEN.computeIfPresent(dir.toAbsolutePath().normalize(), (k, c) -> c.decrementAndGet() <= 0 ? null : c);
  }

  static boolean isOpen(Path dir) {
    return OPEN.containsKey(dir.toAbsolutePath().normalize());
  }

  /** Deletes a directory tree; a missing directory is fine. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        if (exc != null) throw exc;
        Files.deleteIfExists(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  static void syncDirectory(Path dir) {
    // fsync of a directory makes the rename durable on Linux; some platforms refuse to open directories.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      log.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }
}
