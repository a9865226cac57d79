package gfa.core.io;

import gfa.core.GfaInputException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes outputs so that nothing half-written is ever visible: a run that fails or is killed
 * leaves either the old file or the new one, never a truncated table that a later step would read
 * as data. Content goes to a hidden temporary sibling (same directory, so the final rename stays
 * on one file system), is fsynced, and is renamed into place with {@code ATOMIC_MOVE}. The parent
 * directory must exist.
 */
public final class AtomicOutput {
  /** Writes the content of a file; the stream is closed by {@link AtomicOutput}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Fills a fresh, empty directory with outputs. */
  @FunctionalInterface
  public interface DirectoryContent {
    void writeInto(Path directory) throws IOException;
  }

  private AtomicOutput() {}

  /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
  public static void writeString(Path target, CharSequence text) throws IOException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes {@code target} atomically, replacing an existing file. On any failure the temporary
   * file is deleted and an existing target is left untouched.
   */
  public static void write(Path target, Content content) throws IOException {
    Path file = target.toAbsolutePath();
    if (Files.isDirectory(file)) {
      throw new IOException(target + " is a directory, not a file");
    }
    Path dir = file.getParent();
    Path temp = dir.resolve("." + file.getFileName() + "." + randomSuffix() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(new FilterOutputStream(buffered) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len); // FilterOutputStream would write byte by byte
          }

          @Override
          public void close() throws IOException {
            flush(); // the channel must stay open for force() below
          }
        });
        buffered.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    syncDirectory(dir);
  }

  /**
   * Publishes a directory of outputs at once: {@code content} fills a hidden temporary sibling of
   * {@code target}, which is then renamed to {@code target}. A missing or empty target is simply
   * replaced. An existing non-empty directory is refused with a {@link GfaInputException} unless
   * {@code replace} is true; then the old directory is renamed aside, the new one renamed in, and
   * the old one deleted (the target is briefly absent, but never partly written). On failure the
   * temporary directory is deleted and the old target is left as it was.
   */
  public static void publishDirectory(Path target, boolean replace, DirectoryContent content) throws IOException {
    Path dir = target.toAbsolutePath();
    Path parent = dir.getParent();
    boolean exists = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
    if (exists && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new GfaInputException("output directory '" + target + "' exists and is not a directory");
    }
    boolean occupied = exists && !isEmptyDirectory(dir);
    if (occupied && !replace) {
      throw new GfaInputException("output directory '" + target
          + "' already exists and is not empty; choose another directory or ask to replace it");
    }
    String suffix = randomSuffix();
    Path temp = parent.resolve("." + dir.getFileName() + "." + suffix + ".tmp");
    Path old = parent.resolve("." + dir.getFileName() + "." + suffix + ".old");
    Files.createDirectory(temp);
    try {
      content.writeInto(temp);
      syncTree(temp);
      if (!occupied) {
        // rename(2) also replaces an empty directory, atomically.
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
          Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
          Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
          throw e;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(temp);
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    syncDirectory(parent);
    if (occupied) {
      deleteTree(old); // the new outputs are already in place
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  private static String randomSuffix() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  /** Makes a rename durable; some platforms cannot open a directory for this, which is harmless. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported here (e.g. Windows); the rename itself is still atomic.
    }
  }

  private static void syncTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) {
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        syncDirectory(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteTree(Path root) throws IOException {
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
