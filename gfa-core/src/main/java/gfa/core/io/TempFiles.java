package gfa.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The hidden siblings an output is written to before its rename: their names, their removal when
 * the process is stopped, and the removal of those a killed process left behind.
 *
 * <p>A temporary sibling of {@code NAME} is {@code .NAME.PID-RANDOM.tmp} (a directory set aside
 * while it is replaced: {@code .NAME.PID-RANDOM.old}). The process id says whose it is: the next
 * writer of {@code NAME} removes those whose process is gone (or is a later process that reuses
 * the id), so that a {@code kill -9} leaves litter only until the next run. SIGINT and SIGTERM run
 * the JVM's shutdown hooks; one of them deletes the temporaries still open and puts back a
 * directory that was set aside. A name too long for the file system (255 bytes) keeps its first
 * bytes and a hash of the whole, so that any legal output name can be written.
 */
final class TempFiles {
  /** Longest file name on the usual file systems (ext4, xfs, btrfs, tmpfs), in bytes. */
  private static final int NAME_MAX = 255;

  /** {@code "." + stem + "." + pid + "-" + 16 hex + ".tmp"}: room for a 10-digit pid. */
  private static final int STEM_MAX = NAME_MAX - 1 - 1 - 10 - 1 - 16 - 4;

  private static final Pattern SUFFIX = Pattern.compile("\\.(\\d{1,10})-[0-9a-f]{16}\\.(tmp|old)");

  private static final long PID = ProcessHandle.current().pid();

  /** Temporaries of this process, removed by the shutdown hook if still there. */
  private static final Map<Path, Boolean> LIVE = new ConcurrentHashMap<>();

  /** Directories set aside ({@code .old}) while being replaced, by the path they belong at. */
  private static final Map<Path, Path> ASIDE = new ConcurrentHashMap<>();

  private static volatile boolean hooked;

  private TempFiles() {}

  /** A fresh temporary name beside {@code target}, with the given suffix ({@code tmp} or {@code old}). */
  static Path sibling(Path target, String suffix, String random) {
    return target.resolveSibling("." + stem(target.getFileName().toString()) + "." + PID + "-" + random + "." + suffix);
  }

  static String random() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** The part of a temporary's name that comes from the output's name. */
  static String stem(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= STEM_MAX) {
      return name;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    String hash = "~" + HexFormat.of().toHexDigits((int) crc.getValue());
    int budget = STEM_MAX - hash.length();
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > budget) {
        break;
      }
      kept.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return kept + hash;
  }

  /** Marks a temporary as this process's, for the shutdown hook. */
  static void live(Path temp) {
    hook();
    LIVE.put(temp, Boolean.TRUE);
  }

  static void done(Path temp) {
    LIVE.remove(temp);
  }

  /** Records that {@code old} holds what belongs at {@code target} until the swap is finished. */
  static void aside(Path old, Path target) {
    hook();
    ASIDE.put(old, target);
  }

  static void backInPlace(Path old) {
    ASIDE.remove(old);
  }

  private static synchronized void hook() {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::onShutdown, "gfa-temp-cleanup"));
      hooked = true;
    }
  }

  /** Runs when the JVM is stopped (SIGINT, SIGTERM, System.exit) with a write still open. */
  private static void onShutdown() {
    for (Map.Entry<Path, Path> e : ASIDE.entrySet()) {
      restore(e.getKey(), e.getValue());
    }
    for (Path temp : LIVE.keySet()) {
      deleteQuietly(temp);
    }
  }

  /**
   * Removes the temporaries of {@code target} that processes no longer running left beside it (a
   * directory set aside goes back to {@code target} if nothing is there). Never fails: cleaning
   * up is a courtesy, the write that follows must not depend on it.
   */
  static void removeStale(Path target) {
    Path dir = target.getParent();
    String prefix = "." + stem(target.getFileName().toString());
    // a filter, not a glob: an output's name may hold glob characters such as [ ] { } * ?
    DirectoryStream.Filter<Path> mine = p -> p.getFileName().toString().startsWith(prefix + ".");
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, mine)) {
      for (Path entry : entries) {
        Matcher m = SUFFIX.matcher(entry.getFileName().toString().substring(prefix.length()));
        if (m.matches() && isStale(entry, Long.parseLong(m.group(1)))) {
          if (m.group(2).equals("old")) {
            restore(entry, target);
          } else {
            deleteQuietly(entry);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable directory: the write itself will say so
    }
  }

  /** Whether the process that made {@code temp} has ended (or its id now belongs to a newer one). */
  static boolean isStale(Path temp, long pid) throws IOException {
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    if (owner.isEmpty() || !owner.get().isAlive()) {
      return true;
    }
    Optional<Instant> started = owner.get().info().startInstant();
    Instant made = Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant();
    // start times are known to the second or worse: allow a little slack before calling it reuse
    return started.isPresent() && started.get().isAfter(made.plusSeconds(2));
  }

  /** Puts a directory set aside back at {@code target} if nothing took its place, else deletes it. */
  private static void restore(Path old, Path target) {
    try {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
    } catch (IOException e) {
      return; // keep it: better litter than a lost directory
    }
    deleteQuietly(old);
  }

  static void deleteQuietly(Path path) {
    try {
      deleteTree(path);
    } catch (IOException e) {
      // already gone, or not ours to delete
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.delete(root);
      } catch (NoSuchFileException e) {
        // gone already
      }
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
