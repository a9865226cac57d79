package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native libraries are loaded from private copies that no killed process can leave behind. */
class NativeLibrariesTest {
  @TempDir Path tmp;

  @Test
  void xgboostIsLoadedFromTheContentKeyedCacheOrElseAPrivateCopyThatIsAlreadyDeleted() throws IOException {
    NativeLibraries.xgboost();
    List<String> mapped = mappedFiles("libxgboost4j");
    assertFalse(mapped.isEmpty(), "the library is mapped");
    for (String line : mapped) {
      boolean cached = line.matches(".*/[0-9a-f]{8}-[0-9]+/libxgboost4j\\.so");
      boolean privateCopy = line.contains("/gfa-native-" + ProcessHandle.current().pid() + "-") && line.endsWith("(deleted)");
      assertTrue(cached || privateCopy, line);
    }
  }

  @Test
  void lightgbmToo() throws IOException {
    NativeLibraries.lightgbm();
    List<String> mapped = mappedFiles("lib_lightgbm");
    assertFalse(mapped.isEmpty(), "the library is mapped");
    for (String line : mapped) {
      assertTrue(line.contains("/gfa-native-" + ProcessHandle.current().pid() + "-") && line.endsWith("(deleted)"), line);
    }
  }

  @Test
  void directoriesOfEndedProcessesAreRemoved() throws IOException {
    Path dead = Files.createDirectory(tmp.resolve("gfa-native-999999999-123"));
    Files.writeString(dead.resolve("libxgboost4j.so"), "14 MB in real life");
    Path mine = Files.createDirectory(tmp.resolve("gfa-native-" + ProcessHandle.current().pid() + "-456"));
    Path other = Files.createDirectory(tmp.resolve("gfa-native-notes"));
    NativeLibraries.removeStale(tmp);
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(mine), "a running process's directory is kept");
    assertTrue(Files.exists(other), "only names gfa makes are removed");
  }

  /** Lines of /proc/self/maps that map a file whose name contains {@code name}. */
  private static List<String> mappedFiles(String name) throws IOException {
    Path maps = Path.of("/proc/self/maps");
    assumeTrue(Files.isReadable(maps), "needs Linux /proc");
    return Files.readAllLines(maps).stream().filter(l -> l.contains(name)).map(String::strip).toList();
  }
}
