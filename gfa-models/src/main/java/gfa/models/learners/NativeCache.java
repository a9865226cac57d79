package gfa.models.learners;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * Native libraries extracted once from the jar, into a directory named by their content: the
 * CRC-32 and size the jar's own directory records for the entry (read without inflating it). A
 * file there is written whole under a temporary name, checked against that CRC-32 and size, and
 * renamed into place; it is never rewritten, so a JVM that has it mapped is never disturbed, and
 * another jar version gets its own directory.
 *
 * <p>The cache is {@code $XDG_CACHE_HOME/gfa/native} (else {@code ~/.cache/gfa/native}); the system
 * property {@code gfa.native.cache} names another directory, or, set empty, turns it off. Any
 * problem (no such directory can be made, a resource not in a jar) means no cache: the caller
 * extracts a private copy as before.
 */
final class NativeCache {
  static final String PROPERTY = "gfa.native.cache";

  private NativeCache() {}

  /** The cached copy of the jar resource {@code resource} under the file name {@code name}, or null for none. */
  static Path copyOf(URL resource, String name) {
    Path root = root();
    if (resource == null || root == null) {
      return null;
    }
    try {
      URLConnection connection = resource.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return null;
      }
      JarEntry entry = jar.getJarEntry();
      if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
        return null;
      }
      return copyOf(root, name, entry.getCrc(), entry.getSize(), jar);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The file {@code root/CRC-SIZE/name}, extracted from {@code content} unless it is already there
   * with that size.
   */
  static Path copyOf(Path root, String name, long crc, long size, URLConnection content) throws IOException {
    Path dir = root.resolve(String.format(Locale.ROOT, "%08x-%d", crc, size));
    Path file = dir.resolve(name);
    if (Files.isRegularFile(file) && Files.size(file) == size) {
      return file;
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, name + ".", ".tmp");
    try {
      CRC32 check = new CRC32();
      long written = 0;
      try (InputStream in = content.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; written += n) {
          check.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      if (written != size || check.getValue() != crc) {
        throw new IOException(name + ": the extracted copy differs from the jar's record of it");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path root() {
    String chosen = System.getProperty(PROPERTY);
    if (chosen != null) {
      return chosen.isBlank() ? null : Path.of(chosen);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "gfa", "native");
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "gfa", "native");
  }
}
