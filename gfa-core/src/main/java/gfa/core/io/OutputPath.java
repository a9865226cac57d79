package gfa.core.io;

import gfa.core.GfaInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What writing to an output path means. A user names a path; what it points to decides how gfa
 * writes there without harming anything the path merely refers to:
 *
 * <ul>
 *   <li>{@code -} is standard output;
 *   <li>a symbolic link stays a link: its target is written (atomically, beside the target);
 *   <li>a path that is not a regular file (a FIFO, a device such as {@code /dev/null}, anything
 *       reached through {@code /proc} such as {@code /dev/stdout}) is written through, never
 *       renamed over; as root, a rename over {@code /dev/null} would replace the device;
 *   <li>anything else is a regular file, written by a rename beside it.
 * </ul>
 */
public final class OutputPath {
  /** The output name that means standard output. */
  public static final String STANDARD_OUTPUT = "-";

  /** How a path is written. */
  public enum Kind {
    /** {@code -}: the bytes go to the process's standard output. */
    STANDARD_OUTPUT,
    /** A FIFO, a device or a {@code /proc} link: opened and written in place. */
    WRITE_THROUGH,
    /** A regular file (existing or not): written to a temporary sibling and renamed onto it. */
    REGULAR_FILE,
    /** An existing directory. */
    DIRECTORY
  }

  /** A resolved output: how to write it, and where ({@code file} is absolute; null for stdout). */
  public record Resolved(Kind kind, Path file) {}

  /** Symbolic links followed before giving up, as Linux's own limit. */
  private static final int MAX_LINKS = 40;

  private OutputPath() {}

  /** True for {@code -}, which every command that writes a file reads as standard output. */
  public static boolean isStandardOutput(Path path) {
    return path != null && STANDARD_OUTPUT.equals(path.toString());
  }

  /**
   * What {@code path} points to. A socket cannot be written to and is refused as bad input; a
   * chain of links that loops is an I/O error, as the system reports it.
   */
  public static Resolved resolve(Path path) throws IOException {
    if (isStandardOutput(path)) {
      return new Resolved(Kind.STANDARD_OUTPUT, null);
    }
    Path given = path.toAbsolutePath();
    Path file = followLinks(given);
    if (file == null) { // through /proc: the kernel, not the name, says what it is
      return new Resolved(Kind.WRITE_THROUGH, given);
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return new Resolved(Kind.REGULAR_FILE, file);
    }
    if (attributes.isDirectory()) {
      return new Resolved(Kind.DIRECTORY, file);
    }
    if (attributes.isRegularFile()) {
      return new Resolved(Kind.REGULAR_FILE, file);
    }
    if (isSocket(file)) {
      throw new GfaInputException("output '" + path + "' is a socket, which cannot be written as a file");
    }
    return new Resolved(Kind.WRITE_THROUGH, file);
  }

  /**
   * The absolute path that {@code path} finally names, following symbolic links, also a dangling
   * last one (writing through it creates its target). Null when a link leads into {@code /proc}
   * or {@code /dev/fd}, whose links name open files rather than paths.
   */
  static Path followLinks(Path path) throws IOException {
    Path current = realParent(path.toAbsolutePath());
    for (int i = 0; i <= MAX_LINKS; i++) {
      if (isMagic(current)) {
        return null;
      }
      if (!Files.isSymbolicLink(current)) {
        return current;
      }
      current = realParent(current.getParent().resolve(Files.readSymbolicLink(current)));
    }
    throw new IOException(path + ": too many levels of symbolic links");
  }

  /** {@code path} with its directory made real (links and {@code ..} resolved) where it exists. */
  private static Path realParent(Path path) throws IOException {
    Path parent = path.getParent();
    Path name = path.getFileName();
    if (parent == null || name == null) {
      return path;
    }
    if (name.toString().equals("..") || name.toString().equals(".")) {
      return Files.exists(path) ? path.toRealPath() : path.normalize();
    }
    try {
      return parent.toRealPath().resolve(name);
    } catch (NoSuchFileException e) {
      return path.normalize(); // the caller reports the missing directory when it writes
    }
  }

  private static boolean isMagic(Path p) {
    return p.startsWith("/proc") || p.startsWith("/dev/fd");
  }

  /** The file type bits of {@code st_mode}; only on systems with the "unix" attribute view. */
  private static boolean isSocket(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & 0170000) == 0140000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      return false; // opening it will then fail with the system's own message
    }
  }
}
