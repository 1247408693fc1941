package io.courserec.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned model directories under one root: {@code <root>/v-<utc-timestamp>-<n>/} each with a
 * {@code manifest.json}, and a {@code CURRENT} file naming the promoted version, replaced atomically (write to a
 * temporary file, then an atomic rename). A version is written completely before its manifest; {@link #verify}
 * checks every file against the manifest so a partial or corrupt directory is detected and skipped.
 *
 * <p><b>Stray entries.</b> Only directories named exactly {@code v-<yyyyMMdd'T'HHmmss>-<n>} are versions. Anything
 * else in the root ({@code v-foo}, a regular file named like a version, an editor's backup, a leftover
 * {@code CURRENT.tmp}) is a stray: ignored by ordering, start-up, pruning and {@code /admin/models}, listed by
 * {@link #strays()} and reported in the log at start-up. Besides versions the root holds {@code CURRENT} and the
 * erasure list ({@link ErasedLearners}).
 *
 * <p><b>Durability.</b> Every rename ({@code CURRENT}, manifests) is followed by an fsync of the directory that holds
 * it ({@link DirectorySync}), and so are the creation and deletion of version directories.
 */
public final class ModelStore {
  private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  static final String MANIFEST = "manifest.json";
  private static final String CURRENT = "CURRENT";
  private static final Pattern VERSION = Pattern.compile("v-[0-9]{8}T[0-9]{6}-[0-9]{1,9}");
  /** Names in the root that are not versions but are expected. */
  /** Leases of serving replicas: one file per replica naming the version it serves ({@link #lease}). */
  static final String SERVING = "serving";
  private static final Set<String> KNOWN = Set.of(CURRENT, ErasedLearners.FILE, SERVING);

  private final Path root;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

  public ModelStore(Path root) {
    this.root = root;
  }

  public Path root() { return root; }

  /** Creates an empty directory for a new version; the caller fills it, then calls {@link #seal}. */
  public synchronized Path newVersionDir() throws IOException {
    Files.createDirectories(root);
    String base = "v-" + STAMP.format(Instant.now());
    for (int n = 1; ; n++) {
      Path p = root.resolve(base + "-" + n);
      if (!Files.exists(p)) {
        Files.createDirectory(p);
        DirectorySync.sync(root);
        return p;
      }
    }
  }

  /** Records sizes and digests of every file in {@code dir} and writes the manifest last. */
  public ModelManifest seal(Path dir, ModelManifest partial) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        if (rel.equals(MANIFEST)) continue;
        files.put(rel, Files.size(f) + ":" + sha256(f));
      }
    }
    ModelManifest m = partial.sealed(dir.getFileName().toString(), files);
    writeAtomically(dir.resolve(MANIFEST), json.writeValueAsBytes(m));
    return m;
  }

  /** Rewrites the manifest's promotion flag and note (the files are unchanged). */
  public ModelManifest mark(String version, boolean promoted, String note) throws IOException {
    ModelManifest m = readManifest(root.resolve(version)).orElseThrow(() -> new IOException("no manifest in " + version));
    ModelManifest n = m.marked(promoted, note);
    writeAtomically(root.resolve(version).resolve(MANIFEST), json.writeValueAsBytes(n));
    return n;
  }

  /** Points {@code CURRENT} at a version (atomic rename). */
  public synchronized void promote(String version) throws IOException {
    writeAtomically(root.resolve(CURRENT), (version + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The version {@code CURRENT} names, if any; a name that is not a version's (e.g. a path) counts as none. */
  public Optional<String> current() {
    Path p = root.resolve(CURRENT);
    try {
      if (!Files.isRegularFile(p)) return Optional.empty();
      String name = Files.readString(p).trim();
      if (name.isEmpty()) return Optional.empty();
      if (!VERSION.matcher(name).matches()) {
        log.warn("{} names '{}', which is not a model version name; ignored", p, name.length() > 80 ? name.substring(0, 80) : name);
        return Optional.empty();
      }
      return Optional.of(name);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** All version directory names (well-formed names only; see the class comment), oldest first. */
  public List<String> versions() {
    return entries().stream().filter(ModelStore::isVersionDir).map(p -> p.getFileName().toString())
        .sorted(versionOrder()).toList();
  }

  /** The version directories; what an erasure must clear (same as {@link #versions()}). */
  List<String> versionDirectories() {
    return versions();
  }

  /** Entries of the root that are neither versions nor expected files, sorted by name. */
  public List<String> strays() {
    return entries().stream().filter(p -> !isVersionDir(p) && !KNOWN.contains(p.getFileName().toString()))
        .map(p -> p.getFileName().toString()).sorted().toList();
  }

  private static boolean isVersionDir(Path p) {
    return VERSION.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }

  private List<Path> entries() {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.list(root)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Comparator<String> versionOrder() {
    return Comparator.comparing((String v) -> v.substring(0, v.lastIndexOf('-')))
        .thenComparingInt(v -> Integer.parseInt(v.substring(v.lastIndexOf('-') + 1)));
  }

  public Optional<ModelManifest> readManifest(Path dir) {
    Path m = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(m)) return Optional.empty();
    try {
      return Optional.of(json.readValue(m.toFile(), ModelManifest.class));
    } catch (IOException e) {
      log.warn("unreadable manifest {}: {}", m, e.getMessage());
      return Optional.empty();
    }
  }

  /** True when the manifest is readable and every file it lists exists with the recorded size and digest. */
  public boolean verify(String version) {
    Path dir = root.resolve(version);
    Optional<ModelManifest> m = readManifest(dir);
    if (m.isEmpty()) return false;
    try {
      for (Map.Entry<String, String> f : m.get().files().entrySet()) {
        Path p = dir.resolve(f.getKey());
        if (!Files.isRegularFile(p)) return false;
        String expected = f.getValue();
        long size = Long.parseLong(expected.substring(0, expected.indexOf(':')));
        if (Files.size(p) != size || !expected.endsWith(":" + sha256(p))) return false;
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The version to load at start-up: {@code CURRENT} if it verifies, else the newest promoted version that does;
   * unusable directories are logged and skipped.
   */
  public Optional<String> latestGood() {
    return goodVersions().findFirst();
  }

  /**
   * The versions that may be loaded, best first: {@code CURRENT} if it verifies, then every other promoted version
   * that verifies, newest first. Lazy: a version is verified (its files hashed) only when the stream reaches it,
   * so a caller that tries them in turn and stops at the first that loads hashes no more than needed. Unusable
   * directories are logged and skipped.
   */
  public Stream<String> goodVersions() {
    Optional<String> cur = current();
    List<String> order = new ArrayList<>();
    cur.ifPresent(order::add);
    List<String> vs = new ArrayList<>(versions());
    for (int i = vs.size() - 1; i >= 0; i--) if (!vs.get(i).equals(cur.orElse(null))) order.add(vs.get(i));
    return order.stream().filter(v -> {
      boolean isCurrent = v.equals(cur.orElse(null));
      Optional<ModelManifest> m = readManifest(root.resolve(v));
      if (m.isPresent() && (isCurrent || m.get().promoted()) && verify(v)) return true;
      if (isCurrent) log.warn("current model version {} is missing or corrupt; looking for an older one", v);
      else log.warn("skipping model version {} ({})", v, m.isEmpty() ? "no manifest: partial or corrupt" :
          m.get().promoted() ? "files do not match manifest" : "not promoted");
      return false;
    });
  }

  /**
   * Records that replica {@code replica} serves {@code version}: {@code serving/<replica>} holds the version name and
   * its modification time says the replica is alive. Replicas renew it at every poll; {@link #leased} reads them so
   * that pruning in one replica never deletes the version another still serves. Written by rename (no fsync: a lease
   * lost in a crash only makes a later prune less careful, for a replica that crashed too).
   */
  public void lease(String replica, String version) throws IOException {
    Path dir = Files.createDirectories(root.resolve(SERVING));
    Path tmp = dir.resolve(replica + ".tmp");
    Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(tmp, dir.resolve(replica), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(replica), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes this replica's lease (it stops serving). */
  public void release(String replica) throws IOException {
    Files.deleteIfExists(root.resolve(SERVING).resolve(replica));
  }

  /**
   * The versions named by leases renewed within {@code ttl}; leases older than ten times that (replicas gone without
   * releasing) are deleted.
   */
  public Set<String> leased(java.time.Duration ttl) {
    Path dir = root.resolve(SERVING);
    if (!Files.isDirectory(dir)) return Set.of();
    Set<String> out = new java.util.TreeSet<>();
    long now = System.currentTimeMillis();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList()) {
        try {
          long age = now - Files.getLastModifiedTime(f).toMillis();
          if (age <= ttl.toMillis()) {
            String v = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (VERSION.matcher(v).matches()) out.add(v);
          } else if (age > 10 * ttl.toMillis()) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          // a lease renewed or removed while read: the next prune sees it
        }
      }
    } catch (IOException e) {
      log.warn("cannot read the serving leases in {}: {}", dir, e.getMessage());
    }
    return out;
  }

  /** Deletes the oldest versions beyond {@code keep}, never the current one nor those in {@code inUse}. */
  public List<String> prune(int keep, Set<String> inUse) throws IOException {
    List<String> vs = versions();
    String cur = current().orElse("");
    List<String> removed = new ArrayList<>();
    int excess = vs.size() - keep;
    for (String v : vs) {
      if (excess <= 0) break;
      if (v.equals(cur) || inUse.contains(v)) continue;
      deleteTree(root.resolve(v));
      removed.add(v);
      excess--;
    }
    if (!removed.isEmpty()) DirectorySync.sync(root);
    return removed;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    }
  }

  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    DirectorySync.sync(target.toAbsolutePath().getParent());
  }

  static String sha256(Path f) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) { /* digest */ }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
