package gfa.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir
  Path dir;

  @Test
  void writesTheFile() throws IOException {
    Path target = dir.resolve("out.csv");
    AtomicOutput.writeString(target, "a,b\n1,2\n");
    assertEquals("a,b\n1,2\n", Files.readString(target));
    assertEquals(List.of("out.csv"), names(dir));
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    AtomicOutput.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("out.csv"), names(dir));
  }

  @Test
  void failureDuringWriteLeavesNoFileAndNoLitter() throws IOException {
    Path target = dir.resolve("out.csv");
    IOException boom = new IOException("disk full");
    IOException thrown = assertThrows(IOException.class, () -> AtomicOutput.write(target, out -> {
      out.write(new byte[100_000]); // more than the buffer, so bytes reach the temporary file
      throw boom;
    }));
    assertSame(boom, thrown);
    assertEquals(List.of(), names(dir));
  }

  @Test
  void failureLeavesTheOldFileUntouched() throws IOException {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    assertThrows(IllegalStateException.class, () -> AtomicOutput.write(target, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IllegalStateException("bug");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("out.csv"), names(dir));
  }

  @Test
  void contentMayCloseTheStream() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicOutput.write(target, out -> {
      out.write('x');
      out.close();
    });
    assertEquals("x", Files.readString(target));
  }

  @Test
  void refusesToOverwriteADirectory() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out"));
    assertThrows(IOException.class, () -> AtomicOutput.writeString(target, "x"));
    assertTrue(Files.isDirectory(target));
    assertEquals(List.of("out"), names(dir));
  }

  @Test
  void missingParentDirectoryFailsWithoutLitter() {
    assertThrows(IOException.class, () -> AtomicOutput.writeString(dir.resolve("no/such/out.csv"), "x"));
    assertEquals(List.of(), names(dir));
  }

  @Test
  void publishesADirectory() throws IOException {
    Path target = dir.resolve("run1");
    AtomicOutput.publishDirectory(target, false, d -> {
      Files.writeString(d.resolve("a.csv"), "a");
      Files.createDirectory(d.resolve("plots"));
      Files.writeString(d.resolve("plots/b.svg"), "b");
    });
    assertEquals("a", Files.readString(target.resolve("a.csv")));
    assertEquals("b", Files.readString(target.resolve("plots/b.svg")));
    assertEquals(List.of("run1"), names(dir));
  }

  @Test
  void failedDirectoryLeavesNothing() {
    Path target = dir.resolve("run1");
    assertThrows(IOException.class, () -> AtomicOutput.publishDirectory(target, false, d -> {
      Files.writeString(d.resolve("a.csv"), "a");
      throw new IOException("model failed");
    }));
    assertEquals(List.of(), names(dir));
  }

  @Test
  void emptyExistingDirectoryIsReplaced() throws IOException {
    Path target = Files.createDirectory(dir.resolve("run1"));
    AtomicOutput.publishDirectory(target, false, d -> Files.writeString(d.resolve("a.csv"), "a"));
    assertEquals("a", Files.readString(target.resolve("a.csv")));
    assertEquals(List.of("run1"), names(dir));
  }

  @Test
  void nonEmptyDirectoryIsRefusedUnlessReplacing() throws IOException {
    Path target = Files.createDirectory(dir.resolve("run1"));
    Files.writeString(target.resolve("old.csv"), "old");
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> AtomicOutput.publishDirectory(target, false, d -> Files.writeString(d.resolve("a.csv"), "a")));
    assertTrue(e.getMessage().contains("run1") && e.getMessage().contains("not empty"), e.getMessage());
    assertEquals(List.of("old.csv"), names(target));
    assertEquals(List.of("run1"), names(dir));

    AtomicOutput.publishDirectory(target, true, d -> Files.writeString(d.resolve("a.csv"), "a"));
    assertEquals(List.of("a.csv"), names(target));
    assertEquals(List.of("run1"), names(dir));
  }

  @Test
  void failedReplacementKeepsTheOldDirectory() throws IOException {
    Path target = Files.createDirectory(dir.resolve("run1"));
    Files.writeString(target.resolve("old.csv"), "old");
    assertThrows(IOException.class, () -> AtomicOutput.publishDirectory(target, true, d -> {
      throw new IOException("failed");
    }));
    assertEquals(List.of("old.csv"), names(target));
    assertEquals(List.of("run1"), names(dir));
  }

  @Test
  void aFileInTheWayIsRefused() throws IOException {
    Path target = Files.writeString(dir.resolve("run1"), "x");
    assertThrows(GfaInputException.class, () -> AtomicOutput.publishDirectory(target, true, d -> { }));
    assertEquals("x", Files.readString(target));
  }

  private static List<String> names(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void namesHelperSeesHiddenFiles() throws IOException {
    Files.writeString(dir.resolve(".hidden"), "");
    assertFalse(names(dir).isEmpty());
  }
}
