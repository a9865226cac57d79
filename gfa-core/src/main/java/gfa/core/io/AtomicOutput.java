package gfa.core.io;

import gfa.core.GfaInputException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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

/**
 * Writes outputs so that nothing half-written is ever visible: a run that fails or is killed
 * leaves either the old file or the new one, never a truncated table that a later step would read
 * as data. Content goes to a hidden temporary sibling (same directory, so the final rename stays
 * on one file system), is fsynced, and is renamed into place with {@code ATOMIC_MOVE}. The parent
 * directory must exist.
 *
 * <p>What a path points to is respected ({@link OutputPath}): {@code -} writes standard output, a
 * symbolic link keeps being a link (its target is replaced), and a FIFO or a device such as
 * {@code /dev/null} is written through, never renamed over. Temporaries of a run stopped by
 * SIGINT or SIGTERM are deleted on the way out; those of a killed run are deleted by the next
 * write of the same output ({@link TempFiles}).
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
   * file is deleted and an existing target is left untouched. {@code -} is standard output, a
   * failure to write it an {@link IOException} (a closed or full standard output is an error,
   * not silence); what was written before the failure cannot be taken back there.
   */
  public static void write(Path target, Content content) throws IOException {
    OutputPath.Resolved resolved = OutputPath.resolve(target);
    switch (resolved.kind()) {
      case STANDARD_OUTPUT -> writeStandardOutput(content);
      case WRITE_THROUGH -> writeThrough(resolved.file(), content);
      case DIRECTORY -> throw new IOException(target + " is a directory, not a file");
      case REGULAR_FILE -> replace(resolved.file(), content);
    }
  }

  private static void replace(Path file, Content content) throws IOException {
    Path dir = file.getParent();
    TempFiles.removeStale(file);
    Path temp = TempFiles.sibling(file, "tmp", TempFiles.random());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        TempFiles.live(temp);
        keepPermissions(file, temp);
        OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(unclosable(buffered));
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
    } finally {
      TempFiles.done(temp);
    }
    syncDirectory(dir);
  }

  /** A replaced file keeps its permission bits (a script stays executable, a private file private). */
  private static void keepPermissions(Path file, Path temp) {
    try {
      Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
    } catch (IOException | UnsupportedOperationException e) {
      // a new file, or a file system without POSIX permissions: the defaults are right
    }
  }

  /** A FIFO or a device: opened as it is and written in place, as a shell redirection would. */
  private static void writeThrough(Path file, Content content) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16)) {
      content.writeTo(unclosable(out));
    }
  }

  /**
   * Writes to file descriptor 1 directly: {@link System#out} is a PrintStream, which swallows
   * errors, so a full disk or a closed pipe would pass for success.
   */
  private static void writeStandardOutput(Content content) throws IOException {
    System.out.flush();
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    try {
      content.writeTo(unclosable(out));
      out.flush(); // never closed: that would close the process's standard output
    } catch (IOException e) {
      throw new IOException("cannot write to standard output: " + e.getMessage(), e);
    }
  }

  /** The stream given to {@link Content}: closing it only flushes, writing arrays stays bulk. */
  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len); // FilterOutputStream would write byte by byte
      }

      @Override
      public void close() throws IOException {
        flush(); // the channel must stay open for force() after the content is written
      }
    };
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
    if (OutputPath.isStandardOutput(target)) {
      throw new GfaInputException("an output directory cannot be standard output ('-')");
    }
    Path dir = OutputPath.followLinks(target.toAbsolutePath()); // a link to a directory stays a link
    if (dir == null) {
      throw new GfaInputException("output directory '" + target + "' is not a directory");
    }
    Path parent = dir.getParent();
    TempFiles.removeStale(dir); // first: it may put back a directory a killed run set aside
    boolean exists = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
    if (exists && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new GfaInputException("output directory '" + target + "' exists and is not a directory");
    }
    boolean occupied = exists && !isEmptyDirectory(dir);
    if (occupied && !replace) {
      throw new GfaInputException("output directory '" + target
          + "' already exists and is not empty; choose another directory or ask to replace it");
    }
    String suffix = TempFiles.random();
    Path temp = TempFiles.sibling(dir, "tmp", suffix);
    Path old = TempFiles.sibling(dir, "old", suffix);
    Files.createDirectory(temp);
    TempFiles.live(temp);
    try {
      content.writeInto(temp);
      syncTree(temp);
      if (!occupied) {
        // rename(2) also replaces an empty directory, atomically.
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
      } else {
        TempFiles.aside(old, dir); // a stop between the two renames puts the old one back
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
          Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
          Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
          TempFiles.backInPlace(old);
          throw e;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
          TempFiles.deleteTree(temp);
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      TempFiles.done(temp);
    }
    syncDirectory(parent);
    if (occupied) {
      TempFiles.backInPlace(old); // the new outputs are in place: the old ones may go
      TempFiles.deleteTree(old);
    }
  }

  /**
   * Removes what killed runs left beside {@code target} (their temporaries; a directory they had
   * set aside goes back in place). Every write does this itself; a command calls it when it checks
   * an output directory before long work, so that the check sees what the write will see.
   */
  public static void removeStaleTemporaries(Path target) throws IOException {
    if (OutputPath.isStandardOutput(target)) {
      return;
    }
    Path file = OutputPath.followLinks(target.toAbsolutePath());
    if (file != null && file.getParent() != null) {
      TempFiles.removeStale(file);
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
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
}
