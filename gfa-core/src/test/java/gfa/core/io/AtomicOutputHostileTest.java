package gfa.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gfa.core.GfaInputException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs a hostile but realistic user names: links, FIFOs, sockets, long names, stops. */
class AtomicOutputHostileTest {
  /** A process id that no process has: above Linux's largest pid_max (2^22). */
  private static final long DEAD_PID = 999_999_999L;

  @TempDir Path dir;

  @Test
  void aLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path target = Files.writeString(data.resolve("table.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("out.csv"), Path.of("data/table.csv"));
    AtomicOutput.writeString(link, "new");
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals(Path.of("data/table.csv"), Files.readSymbolicLink(link));
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("data", "out.csv"), names(dir), "no temporary beside the link");
    assertEquals(List.of("table.csv"), names(data), "no temporary beside the target");
  }

  @Test
  void aChainOfLinksAndADanglingLinkAreFollowed() throws IOException {
    Path link2 = Files.createSymbolicLink(dir.resolve("b.csv"), Path.of("c.csv")); // c.csv does not exist
    Path link1 = Files.createSymbolicLink(dir.resolve("a.csv"), link2);
    AtomicOutput.writeString(link1, "x");
    assertTrue(Files.isSymbolicLink(link1) && Files.isSymbolicLink(link2));
    assertEquals("x", Files.readString(dir.resolve("c.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("c.csv"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aLoopOfLinksIsAnErrorThatChangesNothing() throws IOException {
    Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
    assertThrows(IOException.class, () -> AtomicOutput.writeString(dir.resolve("a"), "x"));
    assertTrue(Files.isSymbolicLink(dir.resolve("a")) && Files.isSymbolicLink(dir.resolve("b")));
    assertEquals(List.of("a", "b"), names(dir));
  }

  @Test
  void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
    Path fifo = mkfifo(dir.resolve("pipe"));
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    AtomicOutput.writeString(fifo, "through the pipe\n");
    assertEquals("through the pipe\n", reader.get(30, TimeUnit.SECONDS));
    assertTrue(isSpecial(fifo), "still a FIFO, not a regular file");
    assertEquals(List.of("pipe"), names(dir));
  }

  @Test
  void aLinkToAFifoIsWrittenThroughToo() throws Exception {
    Path fifo = mkfifo(dir.resolve("pipe"));
    Path link = Files.createSymbolicLink(dir.resolve("out.csv"), fifo);
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    AtomicOutput.writeString(link, "abc");
    assertEquals("abc", reader.get(30, TimeUnit.SECONDS));
    assertTrue(Files.isSymbolicLink(link) && isSpecial(fifo));
  }

  @Test
  void pathsThroughProcAreWrittenThroughNotRenamedOver() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    // like /dev/stdout -> /proc/self/fd/1; only resolved here, never written
    Path link = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/proc/self/fd/1"));
    assertEquals(new OutputPath.Resolved(OutputPath.Kind.WRITE_THROUGH, link), OutputPath.resolve(link));
    assertNull(OutputPath.followLinks(link));
  }

  @Test
  void aDeviceIsWrittenThrough() throws IOException {
    // only resolved: a test must never write to the machine's devices
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));
    assertEquals(OutputPath.Kind.WRITE_THROUGH, OutputPath.resolve(devNull).kind());
  }

  @Test
  void aCharacterDeviceIsWrittenThroughNotReplaced() throws Exception {
    // a private copy of /dev/null's device node (major 1, minor 3): needs root and a dev-enabled mount
    Path device = dir.resolve("null");
    Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").redirectErrorStream(true).start();
    mknod.getInputStream().readAllBytes();
    assumeTrue(mknod.waitFor() == 0, "mknod needs root");
    Path link = Files.createSymbolicLink(dir.resolve("out.csv"), device);
    try {
      AtomicOutput.writeString(device, "discarded");
      AtomicOutput.writeString(link, "discarded");
    } catch (IOException e) {
      assumeTrue(false, "device nodes cannot be opened here (nodev mount): " + e);
    }
    assertTrue(isSpecial(device), "still a device, not a regular file");
    assertEquals(0, Files.size(device), "reads as empty, as /dev/null does");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(List.of("null", "out.csv"), names(dir));
  }

  @Test
  void aSocketIsRefusedAsBadInput() throws IOException {
    Path socket = dir.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      GfaInputException e = assertThrows(GfaInputException.class, () -> AtomicOutput.writeString(socket, "x"));
      assertTrue(e.getMessage().contains("socket"), e.getMessage());
      assertFalse(Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS), "not replaced by a file");
    }
  }

  @Test
  void dashMeansStandardOutput() throws Exception {
    Child child = run(List.of("-"), null);
    assertEquals(0, child.exit, child.err);
    assertEquals("hello\n", child.out);
    assertFalse(Files.exists(dir.resolve("-")));
  }

  @Test
  void aFullStandardOutputIsAnError() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
    Child child = run(List.of("-"), new File("/dev/full"));
    assertEquals(3, child.exit, child.err);
    assertTrue(child.err.contains("standard output"), child.err);
  }

  @Test
  void aDirectoryOutputCannotBeStandardOutput() {
    assertThrows(GfaInputException.class, () -> AtomicOutput.publishDirectory(Path.of("-"), false, d -> { }));
  }

  @Test
  void longNamesWork() throws IOException {
    for (int length : new int[] {200, 240, 255}) {
      Path target = dir.resolve("x".repeat(length - 4) + ".csv");
      AtomicOutput.writeString(target, "n=" + length);
      assertEquals("n=" + length, Files.readString(target));
    }
    String multiByte = "é".repeat(125) + ".csv"; // 254 bytes
    AtomicOutput.writeString(dir.resolve(multiByte), "é");
    assertEquals("é", Files.readString(dir.resolve(multiByte)));
    assertEquals(4, names(dir).size(), "no temporaries left");
  }

  @Test
  void longNamesPublishDirectoriesToo() throws IOException {
    Path target = dir.resolve("d".repeat(250));
    AtomicOutput.publishDirectory(target, false, d -> Files.writeString(d.resolve("a"), "a"));
    AtomicOutput.publishDirectory(target, true, d -> Files.writeString(d.resolve("b"), "b"));
    assertEquals(List.of("b"), names(target));
    assertEquals(List.of("d".repeat(250)), names(dir));
  }

  @Test
  void temporaryStemsStayWithinTheLimitAndAreDistinct() {
    String a = TempFiles.stem("a".repeat(300));
    String b = TempFiles.stem("a".repeat(299) + "b");
    assertTrue(a.getBytes(StandardCharsets.UTF_8).length <= 255 - 33, a);
    assertFalse(a.equals(b), "a hash of the whole name keeps long names apart");
    assertEquals("short.csv", TempFiles.stem("short.csv"));
    String cut = TempFiles.stem("€".repeat(100));
    assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 255 - 33 && cut.startsWith("€"), cut);
  }

  @Test
  void staleTemporariesOfAKilledRunAreRemovedByTheNextWrite() throws IOException {
    Path target = dir.resolve("out.csv");
    Path stale = Files.writeString(dir.resolve(".out.csv." + DEAD_PID + "-0123456789abcdef.tmp"), "half");
    Path staleDir = Files.createDirectory(dir.resolve(".out.csv." + DEAD_PID + "-00000000000000ff.tmp"));
    Files.writeString(staleDir.resolve("x"), "x");
    Path mine = Files.writeString(dir.resolve(".out.csv." + ProcessHandle.current().pid() + "-0123456789abcdef.tmp"), "live");
    Path other = Files.writeString(dir.resolve(".other.csv." + DEAD_PID + "-0123456789abcdef.tmp"), "not ours");
    Path lookalike = Files.writeString(dir.resolve(".out.csv.notes.tmp"), "the user's");
    AtomicOutput.writeString(target, "new");
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(staleDir));
    assertTrue(Files.exists(mine), "a running process's temporary is kept");
    assertTrue(Files.exists(other), "another output's temporary is not this write's business");
    assertTrue(Files.exists(lookalike), "only names gfa makes are removed");
    assertEquals("new", Files.readString(target));
  }

  @Test
  void aDirectorySetAsideByAKilledReplacementIsPutBack() throws IOException {
    Path target = dir.resolve("model");
    Path old = Files.createDirectory(dir.resolve(".model." + DEAD_PID + "-0123456789abcdef.old"));
    Files.writeString(old.resolve("manifest.json"), "{}");
    // the killed run renamed the old model aside and died before renaming the new one in
    assertThrows(GfaInputException.class,
        () -> AtomicOutput.publishDirectory(target, false, d -> Files.writeString(d.resolve("a"), "a")),
        "the old model is back, so the directory is occupied");
    assertEquals("{}", Files.readString(target.resolve("manifest.json")));
    assertEquals(List.of("model"), names(dir));
  }

  @Test
  void namesWithGlobCharactersAreCleanedPrecisely() throws IOException {
    Path stale = Files.writeString(dir.resolve(".a[1]{x}*.csv." + DEAD_PID + "-0123456789abcdef.tmp"), "half");
    Path similar = Files.writeString(dir.resolve(".a1x.csv." + DEAD_PID + "-0123456789abcdef.tmp"), "other output");
    AtomicOutput.writeString(dir.resolve("a[1]{x}*.csv"), "z");
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(similar));
  }

  @Test
  void aStaleLongNamedTemporaryIsRemoved() throws IOException {
    String name = "y".repeat(250);
    Path stale = Files.writeString(dir.resolve("." + TempFiles.stem(name) + "." + DEAD_PID + "-0123456789abcdef.tmp"), "half");
    AtomicOutput.writeString(dir.resolve(name), "z");
    assertFalse(Files.exists(stale));
    assertEquals(List.of(name), names(dir));
  }

  @Test
  void sigtermDuringAWriteLeavesNothing() throws Exception {
    Path target = dir.resolve("out.csv");
    Process p = start(List.of(target.toString(), "slow"));
    awaitWriting(p);
    assertEquals(1, hidden(dir).size(), "the temporary exists while writing");
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(List.of(), names(dir), "the shutdown hook removed the temporary");
  }

  @Test
  void sigkillDuringAWriteLeavesATemporaryThatTheNextWriteRemoves() throws Exception {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    Process p = start(List.of(target.toString(), "slow"));
    awaitWriting(p);
    p.destroyForcibly(); // SIGKILL: no hook runs
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, hidden(dir).size(), "a killed process cannot clean up");
    assertEquals("old", Files.readString(target));
    AtomicOutput.writeString(target, "new");
    assertEquals(List.of("out.csv"), names(dir));
    assertEquals("new", Files.readString(target));
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path target = Files.writeString(dir.resolve("run.sh"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    AtomicOutput.writeString(target, "new");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  private record Child(int exit, String out, String err) {}

  private Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"), OutputWriterMain.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).directory(dir.toFile()).start();
  }

  private Child run(List<String> args, File stdout) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"), OutputWriterMain.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    if (stdout != null) {
      builder.redirectOutput(stdout);
    }
    Process p = builder.start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = stdout == null ? read(p.getInputStream()) : "";
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Child(p.exitValue(), out, err.get());
  }

  private static void awaitWriting(Process p) throws IOException {
    byte[] expected = "writing".getBytes(StandardCharsets.UTF_8);
    byte[] got = p.getErrorStream().readNBytes(expected.length);
    assertEquals("writing", new String(got, StandardCharsets.UTF_8));
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path mkfifo(Path path) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", path.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo not available");
      throw e;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo failed");
    return path;
  }

  /** A FIFO, a device or a socket: neither a regular file, a directory nor a link. */
  private static boolean isSpecial(Path p) throws IOException {
    return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
  }

  private static List<String> hidden(Path d) {
    return names(d).stream().filter(n -> n.startsWith(".")).toList();
  }

  private static List<String> names(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
