package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs named by a hostile but realistic user (issue 12, docs/hardening.md): an output onto an
 * input, a link, a FIFO, {@code -}, a 240-character name, a standard output that cannot be
 * written. Each refusal is exit 2 with the input byte for byte as it was.
 */
class HostileOutputsTest {
  @TempDir Path dir;

  private static final String DATA = """
      composition,D_max
      Zr50 Cu50,2
      Zr65 Al10 Cu25,5
      Pd40 Ni40 P20,10
      """;

  private Path data() throws IOException {
    return Files.writeString(dir.resolve("x.csv"), DATA);
  }

  /** A stand-in for a model directory: the refusals come before anything reads it. */
  private Path model() throws IOException {
    Path model = Files.createDirectories(dir.resolve("model"));
    Files.writeString(model.resolve("manifest.json"), "{\"precious\": true}\n");
    return model;
  }

  // --- an output onto an input ----------------------------------------------------------------

  @Test
  void pruneOntoItsDataIsRefused() throws IOException {
    Path data = data();
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
    for (Path output : List.of(data, link, dir.resolve("sub/../x.csv"))) {
      Files.createDirectories(dir.resolve("sub"));
      GfaRun run = GfaRun.of("prune", "--data", data.toString(), "--system", "Zr-Al-Cu", "--output", output.toString());
      assertRefused(run, "is the input");
      assertEquals(DATA, Files.readString(data));
    }
  }

  @Test
  void featurizeOntoItsInputIsRefused() throws IOException {
    Path data = data();
    assertRefused(GfaRun.of("featurize", "-i", data.toString(), "-o", data.toString()), "is the input");
    Path hard = Files.createLink(dir.resolve("hard.csv"), data);
    assertRefused(GfaRun.of("featurize", "-i", data.toString(), "-o", hard.toString()), "is the input");
    assertEquals(DATA, Files.readString(data));
  }

  @Test
  void predictOntoItsInputOrIntoItsModelIsRefused() throws IOException {
    Path data = data();
    Path model = model();
    assertRefused(GfaRun.of("predict", "-m", model.toString(), "-i", data.toString(), "-o", data.toString()), "is the input");
    assertRefused(GfaRun.of("predict", "-m", model.toString(), "-i", data.toString(), "-o", model.resolve("manifest.json").toString()),
        "inside the input directory");
    assertEquals(DATA, Files.readString(data));
    assertEquals("{\"precious\": true}\n", Files.readString(model.resolve("manifest.json")));
  }

  @Test
  void predictTernaryNeverReplacesItsModelOrData() throws IOException {
    Path model = model();
    Map<String, String> before = tree(dir);
    assertRefused(GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", model.toString(), "--out", model.toString(), "--replace"),
        "is the input");
    assertRefused(GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", model.toString(), "--out", dir.toString(), "--replace"),
        "contains the input");
    assertRefused(GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", model.toString(), "--out", model.resolve("maps").toString()),
        "inside the input directory");
    Path data = data();
    before = tree(dir);
    assertRefused(GfaRun.of("predict-ternary", "Zr-Al-Cu", "--data", data.toString(), "--out", dir.toString(), "--replace"),
        "contains the input");
    assertEquals(before, tree(dir));
  }

  @Test
  void trainAndStudyNeverReplaceTheirData() throws IOException {
    Path data = data();
    Map<String, String> before = tree(dir);
    assertRefused(GfaRun.of("train", "--data", data.toString(), "--out", dir.toString(), "--replace"), "contains the input");
    assertRefused(GfaRun.of("study", "--data", data.toString(), "--systems", "Zr-Al-Cu", "--levels", "3", "--out", dir.toString(),
        "--replace", "--budget", "1"), "contains the input");
    assertEquals(before, tree(dir));
  }

  @Test
  void campaignStatusKeepsItsMapsOutOfTheCampaign() throws IOException {
    Path campaign = Files.createDirectory(dir.resolve("campaign"));
    Path ledger = Files.writeString(campaign.resolve("ledger.csv"), "records\n");
    assertRefused(GfaRun.of("campaign", "status", "--campaign", campaign.toString(), "--maps", campaign.resolve("ledger.csv.png").toString()),
        "inside the input directory");
    assertEquals("records\n", Files.readString(ledger));
  }

  @Test
  void aDirectoryOutputCannotBeStandardOutput() throws IOException {
    Path model = model();
    assertRefused(GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", model.toString(), "--out", "-"), "standard output");
    assertRefused(GfaRun.of("train", "--data", data().toString(), "--out", "-"), "standard output");
  }

  // --- what the output path is ----------------------------------------------------------------

  @Test
  void anOutputLinkStaysALink() throws IOException {
    Path data = data();
    Path results = Files.createDirectory(dir.resolve("results"));
    Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("results/run1.csv"));
    GfaRun run = GfaRun.of("featurize", "-i", data.toString(), "-o", link.toString(), "--quiet");
    assertEquals(0, run.exit(), run::toString);
    assertTrue(Files.isSymbolicLink(link), "still a link");
    assertTrue(Files.readString(results.resolve("run1.csv")).startsWith("composition,D_max,"));
    assertEquals(List.of("run1.csv"), names(results), "no temporary left");
  }

  @Test
  void aFifoIsWrittenThrough() throws Exception {
    Path data = data();
    Path fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    GfaRun run = GfaRun.of("prune", "--data", data.toString(), "--system", "Zr-Al-Cu", "--level", "1", "-o", fifo.toString(), "--quiet");
    assertEquals(0, run.exit(), run::toString);
    assertEquals("composition,D_max\nZr50 Cu50,2\nPd40 Ni40 P20,10\n", reader.get(60, TimeUnit.SECONDS));
    assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), "still a FIFO");
  }

  @Test
  void aLongOutputNameWorks() throws IOException {
    Path out = dir.resolve("n".repeat(236) + ".csv");
    GfaRun run = GfaRun.of("featurize", "-i", data().toString(), "-o", out.toString(), "--quiet");
    assertEquals(0, run.exit(), run::toString);
    assertEquals(240, out.getFileName().toString().length());
    assertTrue(Files.readString(out).startsWith("composition,D_max,"));
  }

  @Test
  void jsonAndAnOutputOnStandardOutputCannotShareIt() throws IOException {
    assertRefused(GfaRun.of("featurize", "-i", data().toString(), "-o", "-", "--json"), "--json");
  }

  // --- standard output, in a child process ----------------------------------------------------

  @Test
  void dashWritesTheTableToStandardOutput() throws Exception {
    Path data = data();
    Path file = dir.resolve("file.csv");
    assertEquals(0, GfaRun.of("featurize", "-i", data.toString(), "-o", file.toString(), "--quiet").exit());
    Child featurize = gfa(null, "featurize", "-i", data.toString(), "-o", "-", "--quiet");
    assertEquals(0, featurize.exit, featurize.err);
    assertEquals(Files.readString(file), featurize.out);

    Child prune = gfa(null, "prune", "--data", data.toString(), "--system", "Zr-Al-Cu", "--level", "1", "-o", "-");
    assertEquals(0, prune.exit, prune.err);
    assertEquals("composition,D_max\nZr50 Cu50,2\nPd40 Ni40 P20,10\n", prune.out, "only the table on stdout");
    assertTrue(prune.err.contains("total"), "the listing went to stderr: " + prune.err);
    assertEquals(List.of("file.csv", "x.csv"), names(dir), "no file named '-'");
  }

  @Test
  void aFullStandardOutputIsExit1() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
    File full = new File("/dev/full");
    Path data = data();
    Child table = gfa(full, "featurize", "-i", data.toString(), "-o", "-", "--quiet");
    assertEquals(1, table.exit, table.err);
    assertTrue(table.err.contains("standard output"), table.err);
    Child json = gfa(full, "featurize", "-i", data.toString(), "-o", dir.resolve("out.csv").toString(), "--json");
    assertEquals(1, json.exit, json.err);
    assertTrue(json.err.contains("cannot write to standard output"), json.err);
    Child listing = gfa(full, "descriptors");
    assertEquals(1, listing.exit, listing.err);
  }

  @Test
  void aSwallowedWriteErrorTurnsSuccessIntoExit1() {
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    java.io.StringWriter err = new java.io.StringWriter();
    java.io.PrintWriter failing = new java.io.PrintWriter(broken);
    failing.print("result");
    java.io.PrintStream fine = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    assertEquals(1, ExitCodes.checkStandardOutput(0, failing, fine, new java.io.PrintWriter(err)));
    assertTrue(err.toString().contains("cannot write to standard output"), err::toString);
    assertEquals(2, ExitCodes.checkStandardOutput(2, failing, fine, new java.io.PrintWriter(new java.io.StringWriter())),
        "an earlier failure keeps its code");
    java.io.PrintStream failingStream = new java.io.PrintStream(broken);
    failingStream.print("result");
    assertEquals(1, ExitCodes.checkStandardOutput(0, new java.io.PrintWriter(java.io.Writer.nullWriter()), failingStream,
        new java.io.PrintWriter(new java.io.StringWriter())));
    assertEquals(0, ExitCodes.checkStandardOutput(0, new java.io.PrintWriter(java.io.Writer.nullWriter()), fine,
        new java.io.PrintWriter(new java.io.StringWriter())));
  }

  private record Child(int exit, String out, String err) {}

  private Child gfa(File stdout, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "gfa.cli.Gfa"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    if (stdout != null) {
      builder.redirectOutput(stdout);
    }
    Process p = builder.start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = stdout == null ? read(p.getInputStream()) : "";
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Child(p.exitValue(), out, err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefused(GfaRun run, String why) {
    assertEquals(2, run.exit(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().contains(why), run::toString);
  }

  /** Every file under {@code root} with its bytes, to show that nothing changed. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        files.put(root.relativize(p).toString(), Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : Files.isSymbolicLink(p) ? "link" : "dir");
      }
    }
    return files;
  }

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void treeSeesContent() throws IOException {
    Path data = data();
    Map<String, String> before = tree(dir);
    Files.writeString(data, "changed");
    assertTrue(!before.equals(tree(dir)), "a changed byte is seen");
  }
}
