package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.data.MiedemaVersion;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gfa featurize} end to end, in process. Exact descriptor values are tested in
 * gfa-features; here: the file contract, the summary, and one-line errors with exit code 2 and
 * no output file.
 */
class FeaturizeCommandTest {
  @TempDir Path dir;

  private static List<String> published() {
    return Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER).columns();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<String> header(Path csv) throws IOException {
    return List.of(Files.readAllLines(csv).get(0).split(",", -1));
  }

  private static int dataRows(Path csv) throws IOException {
    return (int) Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).count();
  }

  // --- happy paths -----------------------------------------------------------------------------

  @Test
  void csvKeepsItsColumnsAndGainsThePublishedDescriptors() throws IOException {
    Path in = write("in.csv", "name,composition,D_max\nA,Pd25 Ni57 P18,10\nB,Zr50Cu50,0.2\nC,Cu0.5Zr0.5,0\n");
    Path out = dir.resolve("out.csv");
    GfaRun run = GfaRun.of("featurize", "--input", in.toString(), "--output", out.toString());
    assertEquals(0, run.exit(), run::toString);
    List<String> expected = new ArrayList<>(List.of("name", "composition", "D_max"));
    expected.addAll(published());
    assertEquals(expected, header(out));
    assertEquals(29, published().size());
    assertEquals(3, dataRows(out));
    assertEquals("", run.out());
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("featurized 3 compositions (29 descriptors) in "), run::toString);
    assertTrue(run.err().strip().endsWith("-> " + out), run::toString);
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(1).startsWith("A,Pd25 Ni57 P18,10,"), lines.get(1));
  }

  @Test
  void allPresetFailsOnAMissingFigureUnlessAllowed() throws IOException {
    Path in = write("in.txt", "Cu50Ni50\nPd40 Ni40 P20\n");
    Path out = dir.resolve("out.csv");
    GfaRun strict = GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "--preset", "all");
    assertEquals(2, strict.exit(), strict::toString);
    assertTrue(strict.err().contains("line 2") && strict.err().contains("no data for P"), strict::toString);
    assertFalse(Files.exists(out));

    GfaRun allowed = GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "--preset", "all", "--allow-missing", "-q");
    assertEquals(0, allowed.exit(), allowed::toString);
    List<String> header = header(out);
    assertEquals(1 + 86, header.size());
    int velocity = header.indexOf("PymatgenData mean velocity_of_sound");
    String[] zrCu = Files.readAllLines(out).get(1).split(",", -1);
    String[] pdNiP = Files.readAllLines(out).get(2).split(",", -1);
    assertFalse(zrCu[velocity].isEmpty(), "Cu and Ni have a velocity of sound");
    assertEquals("", pdNiP[velocity], "P has none: an empty cell, never an invented number");
  }

  @Test
  void textFileWithOneFormulaPerLine() throws IOException {
    Path in = write("in.txt", "Pd25 Ni57 P18\nZr50Cu50\n");
    Path out = dir.resolve("out.csv");
    GfaRun run = GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "--quiet");
    assertEquals(0, run.exit(), run::toString);
    List<String> expected = new ArrayList<>(List.of("composition"));
    expected.addAll(published());
    assertEquals(expected, header(out));
    assertEquals(2, dataRows(out));
    assertEquals("", run.err(), "--quiet prints nothing on success");
  }

  @Test
  void inputColumnsNamedLikeDescriptorsAreReplaced() throws IOException {
    String stale = published().get(3);
    Path in = write("in.csv", "composition," + stale + ",D_max\nZr50Cu50,-999,1\n");
    Path out = dir.resolve("out.csv");
    GfaRun run = GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "-q");
    assertEquals(0, run.exit(), run::toString);
    List<String> expected = new ArrayList<>(List.of("composition", "D_max"));
    expected.addAll(published());
    assertEquals(expected, header(out));
    assertFalse(Files.readAllLines(out).get(1).contains("-999"));
  }

  @Test
  void jsonSummaryIsAllThatGoesToStdout() throws IOException {
    Path in = write("in.csv", "composition\nZr50Cu50\nCu64Zr36\nMg65Cu25Y10\n");
    Path out = dir.resolve("out.csv");
    GfaRun run = GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "--json",
        "--miedema", "2024", "--threads", "1");
    assertEquals(0, run.exit(), run::toString);
    assertEquals("", run.err());
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertEquals(3, summary.get("rows").asInt());
    assertEquals(29, summary.get("descriptors").asInt());
    assertEquals(30, summary.get("columns").asInt());
    assertEquals("gong2024", summary.get("preset").asText());
    assertEquals("2024", summary.get("miedema").asText());
    assertTrue(summary.get("seconds").asDouble() >= 0);
    assertTrue(summary.get("compositions_per_second").asDouble() > 0);
    assertEquals(3, dataRows(out));
  }

  @Test
  void threadCountDoesNotChangeTheResult() throws IOException {
    StringBuilder csv = new StringBuilder("composition\n");
    for (int zr = 1; zr < 100; zr++) {
      csv.append("Zr").append(zr).append("Cu").append(100 - zr).append('\n');
    }
    Path in = write("in.csv", csv.toString());
    Path one = dir.resolve("one.csv");
    Path two = dir.resolve("two.csv");
    assertEquals(0, GfaRun.of("featurize", "-i", in.toString(), "-o", one.toString(), "-q", "--threads", "1").exit());
    assertEquals(0, GfaRun.of("featurize", "-i", in.toString(), "-o", two.toString(), "-q", "--threads", "2").exit());
    assertEquals(Files.readAllLines(one), Files.readAllLines(two));
  }

  // --- bad input: exit 2, one line naming the problem (and row), no output file ------------------

  private GfaRun rejected(Path in, Path out) {
    GfaRun run = GfaRun.of("featurize", "--input", in.toString(), "--output", out.toString());
    assertEquals(2, run.exit(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("gfa: "), run::toString);
    assertFalse(run.err().contains("Exception"), run::toString);
    assertEquals("", run.out());
    assertFalse(Files.exists(out), "no output file after an error");
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {"Xx10Cu90", "Zr-5Cu105", "zr50cu50", "Zr50 Cu 50"})
  void badFormulaNamesItsRow(String formula) throws IOException {
    Path in = write("in.csv", "composition,D_max\nZr50Cu50,1\n" + formula + ",2\n");
    GfaRun run = rejected(in, dir.resolve("out.csv"));
    assertTrue(run.err().startsWith("gfa: " + in + " line 3: "), run::toString);
    assertTrue(run.err().contains(formula), run::toString);
  }

  @Test
  void badFormulaInATextFile() throws IOException {
    Path in = write("in.txt", "Zr50Cu50\nCu50Zr50\nXx10Cu90\n");
    GfaRun run = rejected(in, dir.resolve("out.csv"));
    assertTrue(run.err().startsWith("gfa: " + in + " line 3: "), run::toString);
  }

  @Test
  void emptyCompositionCell() throws IOException {
    Path in = write("in.csv", "composition,D_max\nZr50Cu50,1\n,2\n");
    GfaRun run = rejected(in, dir.resolve("out.csv"));
    assertEquals("gfa: " + in + " line 3: empty composition", run.err().strip());
  }

  @Test
  void noCompositionColumn() throws IOException {
    Path in = write("in.csv", "formula,D_max\nZr50Cu50,1\n");
    GfaRun run = rejected(in, dir.resolve("out.csv"));
    assertTrue(run.err().contains("composition"), run::toString);
  }

  @Test
  void emptyFile() throws IOException {
    rejected(write("in.csv", ""), dir.resolve("out.csv"));
  }

  @Test
  void headerWithoutRows() throws IOException {
    rejected(write("in.csv", "composition,D_max\n"), dir.resolve("out.csv"));
  }

  /** He and Xe have no Miracle radius (and more): the packing descriptors cannot be computed. */
  @ParameterizedTest
  @ValueSource(strings = {"He10Cu90", "Zr50Cu40Xe10"})
  void elementWithoutData(String formula) throws IOException {
    Path in = write("in.csv", "composition\nZr50Cu50\nCu60Zr40\n" + formula + "\n");
    GfaRun run = rejected(in, dir.resolve("out.csv"));
    assertTrue(run.err().startsWith("gfa: " + in + " line 4: "), run::toString);
    String element = formula.contains("He") ? "He" : "Xe";
    assertTrue(run.err().contains(element), run::toString);
  }

  @Test
  void elementWithoutDataPastTheFirstThousandRows() throws IOException {
    StringBuilder csv = new StringBuilder("composition\n");
    for (int i = 0; i < 1500; i++) {
      csv.append("Zr50Cu50\n");
    }
    csv.append("He10Cu90\n");
    Path in = write("in.csv", csv.toString());
    GfaRun run = rejected(in, dir.resolve("out.csv"));
    assertTrue(run.err().startsWith("gfa: " + in + " line 1502: "), run::toString);
  }

  @Test
  void missingInputFile() {
    GfaRun run = rejected(dir.resolve("nowhere.csv"), dir.resolve("out.csv"));
    assertTrue(run.err().contains("nowhere.csv"), run::toString);
  }

  @Test
  void outputDirectoryMissing() throws IOException {
    Path in = write("in.csv", "composition\nZr50Cu50\n");
    Path out = dir.resolve("no-such-dir").resolve("out.csv");
    GfaRun run = rejected(in, out);
    assertTrue(run.err().contains("no-such-dir"), run::toString);
    assertFalse(Files.exists(out.getParent()));
  }

  @Test
  void anExistingOutputIsLeftAsItWasAfterAnError() throws IOException {
    Path in = write("in.csv", "composition\nZr50Cu50\nXx10Cu90\n");
    Path out = write("out.csv", "old\n");
    GfaRun run = GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString());
    assertEquals(2, run.exit(), run::toString);
    assertEquals("old\n", Files.readString(out));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }
}
