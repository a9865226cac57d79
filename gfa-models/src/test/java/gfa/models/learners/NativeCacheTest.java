package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A native library is extracted once per content, whole, and never rewritten in place. */
class NativeCacheTest {
  @TempDir Path tmp;

  private URL jarWith(String name, byte[] content) throws IOException {
    Path jar = tmp.resolve("lib-" + content.length + ".jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("native/" + name));
      zip.write(content);
      zip.closeEntry();
    }
    return URI.create("jar:" + jar.toUri() + "!/native/" + name).toURL();
  }

  @Test
  void extractsOnceIntoADirectoryNamedByTheContent() throws Exception {
    byte[] content = new byte[300_000];
    new Random(1).nextBytes(content);
    URL url = jarWith("libdemo.so", content);
    Path root = tmp.resolve("cache");
    JarURLConnection c = (JarURLConnection) url.openConnection();
    JarEntry entry = c.getJarEntry();
    Path first = NativeCache.copyOf(root, "libdemo.so", entry.getCrc(), entry.getSize(), c);
    assertEquals(root.resolve(String.format("%08x-%d", entry.getCrc(), content.length)).resolve("libdemo.so"), first);
    assertArrayEquals(content, Files.readAllBytes(first));
    FileTime written = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(first, written);
    JarURLConnection again = (JarURLConnection) url.openConnection();
    assertEquals(first, NativeCache.copyOf(root, "libdemo.so", entry.getCrc(), entry.getSize(), again));
    assertEquals(written, Files.getLastModifiedTime(first), "a complete copy is not written again");
    try (var files = Files.list(first.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
  }

  @Test
  void aCopyOfTheWrongSizeIsReplacedWholeAndAMismatchLeavesNothing() throws Exception {
    byte[] content = "a native library".getBytes();
    URL url = jarWith("libdemo.so", content);
    Path root = tmp.resolve("cache");
    JarURLConnection c = (JarURLConnection) url.openConnection();
    long crc = c.getJarEntry().getCrc();
    Path dir = Files.createDirectories(root.resolve(String.format("%08x-%d", crc, content.length)));
    Files.writeString(dir.resolve("libdemo.so"), "a nat"); // a copy cut short by a crash
    Path file = NativeCache.copyOf(root, "libdemo.so", crc, content.length, url.openConnection());
    assertArrayEquals(content, Files.readAllBytes(file));
    Path other = tmp.resolve("other");
    assertThrows(IOException.class, () -> NativeCache.copyOf(other, "libdemo.so", crc + 1, content.length, url.openConnection()));
    try (var files = Files.list(other.resolve(String.format("%08x-%d", crc + 1, content.length)))) {
      assertEquals(0, files.count(), "nothing is left under a content key it does not match");
    }
  }

  @Test
  void aResourceOutsideAJarHasNoCache() throws Exception {
    Path plain = Files.writeString(tmp.resolve("libdemo.so"), "x");
    assertNull(NativeCache.copyOf(plain.toUri().toURL(), "libdemo.so"));
    assertNull(NativeCache.copyOf(null, "libdemo.so"));
    assertFalse(Files.exists(tmp.resolve("cache")));
  }
}
