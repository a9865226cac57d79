package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.Composition;
import gfa.core.io.CsvTable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfa predict-ternary} end to end with a tiny model trained in the test (60 made-up alloys,
 * two learners, one trial each, three folds): the grid, the top points, the candidates, the plots,
 * the summary, and the refusals of bad input.
 */
class PredictTernaryCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path data;
  /** A model trained on the data pruned for Zr-Al-Cu at level 3. */
  static Path model;
  /** A prediction with that model, default options. */
  static Path result;
  static GfaRun resultRun;

  static final String[] QUICK = {"--budget", "1", "--folds", "3", "--learners", "xgboost,lightgbm"};

  static String[] with(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /**
   * 60 alloys of Zr, Cu, Al and other glass-forming elements, 2 to 4 elements each; D_max peaks
   * near Zr45 Cu40 Al10, so the data hold a little of every pruning category.
   */
  static String dataset(int rows, long seed) {
    String[] pool = {"Zr", "Cu", "Al", "Ni", "Ti", "Pd", "P", "Mg", "Y", "Fe", "B", "Si"};
    Random r = new Random(seed);
    StringBuilder s = new StringBuilder("composition,D_max\n");
    for (int i = 0; i < rows; i++) {
      List<String> elements = new ArrayList<>(List.of(pool));
      java.util.Collections.shuffle(elements, r);
      int k = 2 + r.nextInt(3);
      int[] amounts = new int[k];
      int total = 0;
      for (int j = 0; j < k; j++) {
        amounts[j] = 5 + r.nextInt(50);
        total += amounts[j];
      }
      StringBuilder formula = new StringBuilder();
      double zr = 0;
      double cu = 0;
      double al = 0;
      for (int j = 0; j < k; j++) {
        double f = amounts[j] / (double) total;
        formula.append(elements.get(j)).append(String.format(Locale.ROOT, "%.4f", f));
        switch (elements.get(j)) {
          case "Zr" -> zr = f;
          case "Cu" -> cu = f;
          case "Al" -> al = f;
          default -> { }
        }
      }
      double dmax = 6 * Math.exp(-8 * ((zr - 0.45) * (zr - 0.45) + (cu - 0.4) * (cu - 0.4) + (al - 0.1) * (al - 0.1)));
      s.append(formula).append(',').append(String.format(Locale.ROOT, "%.3f", dmax * (zr > 0 ? 1 : 0.3))).append('\n');
    }
    return s.toString();
  }

  @BeforeAll
  static void trainAndPredictOnce() throws IOException {
    data = Files.writeString(shared.resolve("alloys.csv"), dataset(60, 3));
    model = shared.resolve("model");
    GfaRun train = GfaRun.of(with(new String[] {"train", "--data", data.toString(), "--out", model.toString(), "--system", "Zr-Al-Cu", "-q"}, QUICK));
    assertEquals(0, train.exit(), train::toString);
    result = shared.resolve("zr-al-cu");
    resultRun = GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", model.toString(), "--out", result.toString());
    assertEquals(0, resultRun.exit(), resultRun::toString);
  }

  static double[] numbers(CsvTable t, String column) {
    int c = t.requireColumn(column);
    double[] out = new double[t.rowCount()];
    for (int r = 0; r < out.length; r++) {
      out[r] = Double.parseDouble(t.cell(r, c));
    }
    return out;
  }

  @Test
  void gridHasEveryPointNormalizedFromZeroToOneAndTheTopFivePercent() {
    CsvTable grid = CsvTable.read(result.resolve("grid.csv"));
    assertEquals(List.of("composition", "Zr", "Al", "Cu", "predicted_D_max", "normalized", "top", "predicted_D_max_lower", "predicted_D_max_upper", "p_bmg"), grid.header());
    assertEquals(5151, grid.rowCount());
    double[] zr = numbers(grid, "Zr");
    double[] al = numbers(grid, "Al");
    double[] cu = numbers(grid, "Cu");
    int interior = 0;
    for (int r = 0; r < 5151; r++) {
      assertEquals(100, zr[r] + al[r] + cu[r]);
      if (zr[r] > 0 && al[r] > 0 && cu[r] > 0) {
        interior++;
      }
      Composition written = Composition.parse(grid.cell(r, 0));
      assertEquals(Composition.parse("Zr" + zr[r] + "Al" + al[r] + "Cu" + cu[r]), written);
    }
    assertEquals(4851, interior);
    assertEquals("Cu100", grid.cell(0, 0), "the published grid order: A outer, B inner, C the rest");
    assertEquals("Zr100", grid.cell(5150, 0));
    double[] normalized = numbers(grid, "normalized");
    assertEquals(0.0, Arrays.stream(normalized).min().orElseThrow());
    assertEquals(1.0, Arrays.stream(normalized).max().orElseThrow());

    // The top set, recomputed from the file: interior points above sorted[floor(0.95 * 5151)].
    double[] predicted = numbers(grid, "predicted_D_max");
    double[] sorted = predicted.clone();
    Arrays.sort(sorted);
    double threshold = sorted[4893];
    int top = 0;
    int topColumn = grid.requireColumn("top");
    for (int r = 0; r < 5151; r++) {
      boolean expected = zr[r] > 0 && al[r] > 0 && cu[r] > 0 && predicted[r] > threshold;
      assertEquals(Boolean.toString(expected), grid.cell(r, topColumn), grid.cell(r, 0));
      top += expected ? 1 : 0;
    }
    assertTrue(top > 0 && top <= 257, "about 5% of 5151 points: " + top);
  }

  @Test
  void twoCandidatesAdjacentOnTheFiveAtPercentLattice() {
    CsvTable candidates = CsvTable.read(result.resolve("candidates.csv"));
    assertEquals(List.of("rank", "composition", "Zr", "Al", "Cu", "predicted_D_max", "normalized", "reason",
        "predicted_D_max_lower", "predicted_D_max_upper", "p_bmg", "in_domain", "composition_distance", "descriptor_distance",
        "nearest_known_alloys"), candidates.header());
    assertEquals(2, candidates.rowCount());
    assertEquals("1", candidates.cell(0, 0));
    assertEquals("2", candidates.cell(1, 0));
    int[][] at = new int[2][3];
    for (int r = 0; r < 2; r++) {
      for (int k = 0; k < 3; k++) {
        at[r][k] = Integer.parseInt(candidates.cell(r, 2 + k));
        assertTrue(at[r][k] > 0 && at[r][k] % 5 == 0, "on the 5 at.% lattice, all three present: " + candidates.cell(r, 1));
      }
    }
    int[] d = {at[1][0] - at[0][0], at[1][1] - at[0][1], at[1][2] - at[0][2]};
    Arrays.sort(d);
    assertArrayEquals(new int[] {-5, 0, 5}, d, "neighbours on the lattice");
    assertTrue(candidates.cell(0, 7).startsWith("highest prediction on the 5 at.% lattice in the largest top-5% region ("),
        candidates.cell(0, 7));
    assertTrue(candidates.cell(1, 7).startsWith("highest prediction among the "), candidates.cell(1, 7));

    // Candidate 1 is a top point; each candidate's numbers are its grid row's.
    CsvTable grid = CsvTable.read(result.resolve("grid.csv"));
    for (int r = 0; r < 2; r++) {
      Composition c = Composition.parse(candidates.cell(r, 1));
      int row = -1;
      for (int g = 0; g < grid.rowCount() && row < 0; g++) {
        if (Composition.parse(grid.cell(g, 0)).equals(c)) {
          row = g;
        }
      }
      assertTrue(row >= 0);
      assertEquals(grid.cell(row, 4), candidates.cell(r, 5));
      assertEquals(grid.cell(row, 5), candidates.cell(r, 6));
      if (r == 0) {
        assertEquals("true", grid.cell(row, 6));
      }
    }
  }

  @Test
  void plotsAndSummaryAreWritten() throws IOException {
    BufferedImage png = ImageIO.read(result.resolve("ternary.png").toFile());
    assertEquals(1600, png.getWidth());
    assertEquals(800, png.getHeight());
    String svg = Files.readString(result.resolve("ternary.svg"));
    assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), svg.substring(0, Math.min(200, svg.length())));
    assertTrue(svg.contains("Zr-Al-Cu"), "the title is text in the SVG");
    JsonNode summary = new ObjectMapper().readTree(result.resolve("summary.json").toFile());
    assertEquals("Zr-Al-Cu", summary.path("system").asText());
    assertEquals(5151, summary.path("grid").path("points").asInt());
    assertEquals(4851, summary.path("grid").path("interior").asInt());
    assertEquals(4893, summary.path("top").path("threshold_index").asInt());
    assertEquals(2, summary.path("candidates").size());
    assertEquals("Zr-Al-Cu", summary.path("model").path("pruning").path("system").asText());
    assertEquals(3, summary.path("model").path("pruning").path("level").asInt());
    assertEquals(0, summary.path("warnings").size());
    int largest = summary.path("regions").path("largest").asInt();
    assertEquals(largest, summary.path("regions").path("sizes").get(0).asInt());
    for (String stage : List.of("load_model", "featurize", "predict", "select", "plots", "grid_to_plots", "write", "total")) {
      assertTrue(summary.path("timings").path(stage).isNumber(), stage);
    }
    assertTrue(summary.path("title").asText().startsWith("Zr-Al-Cu \u2014 trained on subdataset 3"), summary.path("title").asText());
    try (Stream<Path> files = Files.list(result)) {
      assertEquals(List.of("candidates.csv", "grid.csv", "summary.json", "ternary.png", "ternary.svg"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("", resultRun.out());
    assertEquals(1, resultRun.errLines().size(), resultRun::toString);
    assertTrue(resultRun.err().startsWith("Zr-Al-Cu: "), resultRun::toString);
  }

  @Test
  void jsonPrintsTheSummaryAndExcludedAlloysAreNeverProposed() throws IOException {
    CsvTable first = CsvTable.read(result.resolve("candidates.csv"));
    Path lab = Files.writeString(dir.resolve("lab.csv"),
        "composition,outcome\n" + first.cell(0, 1) + ",crystalline\nPd40Ni40P20,bmg\n");
    Path out = dir.resolve("next");
    GfaRun run = GfaRun.of("predict-ternary", "Zr-Al-Cu", "-m", model.toString(), "-o", out.toString(), "--exclude", lab.toString(), "--json");
    assertEquals(0, run.exit(), run::toString);
    assertEquals("", run.err());
    JsonNode printed = new ObjectMapper().readTree(run.out());
    assertEquals(new ObjectMapper().readTree(out.resolve("summary.json").toFile()), printed);
    assertEquals(2, printed.path("excluded").path("alloys").asInt());
    assertEquals(1, printed.path("excluded").path("on_grid").asInt());
    Composition excluded = Composition.parse(first.cell(0, 1));
    for (JsonNode c : printed.path("candidates")) {
      assertNotEquals(excluded, Composition.parse(c.path("composition").asText()));
    }
    CsvTable next = CsvTable.read(out.resolve("candidates.csv"));
    assertEquals(2, next.rowCount());
  }

  @Test
  void withDataItPrunesTrainsAndKeepsTheModel() throws IOException {
    Path out = dir.resolve("trained");
    GfaRun run = GfaRun.of(with(new String[] {"predict-ternary", "Cu-Zr-Al", "--data", data.toString(), "--out", out.toString(),
        "--level", "3", "--step", "2", "--candidate-step", "10", "-q"}, QUICK));
    assertEquals(0, run.exit(), run::toString);
    assertEquals("", run.err());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("model/manifest.json").toFile());
    assertEquals("Cu-Zr-Al", manifest.path("pruning").path("system").asText());
    assertEquals(3, manifest.path("pruning").path("level").asInt());
    assertTrue(Files.isRegularFile(out.resolve("model/xgboost.json")));
    CsvTable grid = CsvTable.read(out.resolve("grid.csv"));
    assertEquals(List.of("composition", "Cu", "Zr", "Al", "predicted_D_max", "normalized", "top", "predicted_D_max_lower", "predicted_D_max_upper", "p_bmg"), grid.header());
    assertEquals(1326, grid.rowCount(), "51 * 52 / 2 points at 2 at.%");
    CsvTable candidates = CsvTable.read(out.resolve("candidates.csv"));
    for (int r = 0; r < 2; r++) {
      for (int k = 2; k < 5; k++) {
        assertEquals(0, Integer.parseInt(candidates.cell(r, k)) % 10);
      }
    }
    // The saved model predicts the same grid again, without a warning: it was pruned for this system.
    Path again = dir.resolve("again");
    GfaRun reuse = GfaRun.of("predict-ternary", "Al-Cu-Zr", "--model", out.resolve("model").toString(), "--out", again.toString(),
        "--step", "2", "--candidate-step", "10");
    assertEquals(0, reuse.exit(), reuse::toString);
    assertFalse(reuse.err().contains("warning"), reuse::toString);
  }

  @Test
  void warnsWhenTheModelMayHaveSeenTheSystemItself() throws IOException {
    Path unpruned = dir.resolve("unpruned");
    GfaRun train = GfaRun.of(with(new String[] {"train", "--data", data.toString(), "--out", unpruned.toString(), "-q"}, QUICK));
    assertEquals(0, train.exit(), train::toString);
    Path out = dir.resolve("out");
    GfaRun run = GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", unpruned.toString(), "--out", out.toString(), "--step", "5");
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.errLines().get(0).startsWith("gfa: warning: model " + unpruned + " was trained without pruning for Zr-Al-Cu"),
        run::toString);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(1, summary.path("warnings").size());

    Path other = dir.resolve("other");
    run = GfaRun.of("predict-ternary", "Mg-Zn-Ca", "--model", model.toString(), "--out", other.toString(), "--step", "5");
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.errLines().get(0).startsWith("gfa: warning: model " + model + " was pruned for Zr-Al-Cu, not for Mg-Zn-Ca"),
        run::toString);
  }

  @Test
  void badInputIsOneLineExitTwoAndNoDirectory() throws IOException {
    Path broken = dir.resolve("broken-model");
    Files.createDirectory(broken);
    try (Stream<Path> files = Files.list(model)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("lightgbm.txt")) {
          Files.copy(f, broken.resolve(f.getFileName()));
        }
      }
    }
    Path out = dir.resolve("out");
    String m = model.toString();
    String o = out.toString();
    List<String[]> cases = List.of(
        new String[] {"predict-ternary", "Zr-Al", "--model", m, "--out", o},
        new String[] {"predict-ternary", "Zr-Zr-Cu", "--model", m, "--out", o},
        new String[] {"predict-ternary", "Xx-Al-Cu", "--model", m, "--out", o},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", o, "--step", "3"},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", o, "--candidate-step", "7"},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", o, "--step", "2", "--candidate-step", "5"},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", o, "--top", "0"},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", broken.toString(), "--out", o},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", dir.resolve("nowhere").toString(), "--out", o},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", o, "--level", "3"},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", o, "--exclude", dir.resolve("none.csv").toString()},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", dir.resolve("a/b").toString()},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--data", dir.resolve("none.csv").toString(), "--out", o});
    for (String[] args : cases) {
      GfaRun run = GfaRun.of(args);
      assertEquals(2, run.exit(), run::toString);
      assertEquals(1, run.errLines().size(), run::toString);
      assertTrue(run.err().startsWith("gfa: ") && !run.err().contains("internal error"), run::toString);
      assertEquals("", run.out());
      assertFalse(Files.exists(out), run::toString);
    }
    assertTrue(GfaRun.of(cases.get(0)).err().contains("names 2 elements"));
    assertTrue(GfaRun.of(cases.get(1)).err().contains("names Zr twice"));
    assertTrue(GfaRun.of(cases.get(2)).err().contains("unknown element 'Xx'"));
    assertEquals("gfa: grid step 3 does not divide 100; use 1, 2, 4, 5, 10, 20, 25 or 50 at.%", GfaRun.of(cases.get(3)).err().strip());
    assertTrue(GfaRun.of(cases.get(7)).err().contains("model file missing: lightgbm.txt"));

    // a garbled number in LightGBM's model text: named in one line (LightGBM's own parser, which
    // read every model before gfa read them itself, aborted the whole process on it)
    Path garbled = dir.resolve("garbled-model");
    Files.createDirectory(garbled);
    try (Stream<Path> files = Files.list(model)) {
      for (Path f : files.toList()) {
        Files.copy(f, garbled.resolve(f.getFileName()));
      }
    }
    Path text = garbled.resolve("lightgbm.txt");
    Files.writeString(text, Files.readString(text).replaceFirst("\nthreshold=", "\nthreshold=zz"));
    GfaRun unreadable = GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", garbled.toString(), "--out", o);
    assertEquals(2, unreadable.exit(), unreadable::toString);
    assertEquals(1, unreadable.errLines().size(), unreadable::toString);
    assertTrue(unreadable.err().contains("lightgbm.txt") && unreadable.err().contains("zz"), unreadable::toString);
    assertFalse(Files.exists(out), unreadable::toString);
    try (Stream<Path> files = Files.list(garbled)) { // the directory check below expects only broken-model
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(garbled);

    // Usage errors (picocli): one line and the hint to ask for help. (Neither --model nor --data is
    // not one: it trains on the built-in table, see DefaultTrainingDataTest.)
    for (String[] args : List.of(
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--data", data.toString(), "--out", o},
        new String[] {"predict-ternary", "--model", m, "--out", o},
        new String[] {"predict-ternary", "Zr-Al-Cu", "--model", m, "--out", o, "--step", "x"})) {
      GfaRun run = GfaRun.of(args);
      assertEquals(2, run.exit(), run::toString);
      assertEquals(2, run.errLines().size(), run::toString);
      assertEquals("Try 'gfa predict-ternary --help'.", run.errLines().get(1));
      assertFalse(Files.exists(out), run::toString);
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("broken-model"), left.map(p -> p.getFileName().toString()).toList(), "no temporary directory left");
    }
  }

  @Test
  void helpIsTheUserDocumentation() {
    GfaRun run = GfaRun.of("predict-ternary", "--help");
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().startsWith("Usage: gfa predict-ternary"), run::toString);
    // Percent signs are escaped for picocli's formatter: they come out single, never doubled.
    assertTrue(run.out().contains("top-5% threshold"), run::toString);
    assertTrue(run.out().contains("Grid step in at.%, a divisor of 100 (default: 1)."), run::toString);
    assertFalse(run.out().contains("%%"), run::toString);
    assertEquals("", run.err());
  }

  @Test
  void anExistingDirectoryIsReplacedOnlyWhenAsked() throws IOException {
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old");
    GfaRun refused = GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", model.toString(), "--out", out.toString(), "--step", "5");
    assertEquals(2, refused.exit(), refused::toString);
    assertTrue(refused.err().contains("--replace"), refused::toString);
    assertTrue(Files.exists(out.resolve("old.txt")));
    GfaRun replaced = GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", model.toString(), "--out", out.toString(), "--step", "5",
        "--replace", "-q");
    assertEquals(0, replaced.exit(), replaced::toString);
    assertEquals("", replaced.err());
    assertFalse(Files.exists(out.resolve("old.txt")));
    assertEquals(231, CsvTable.read(out.resolve("grid.csv")).rowCount());
  }

  /**
   * A model saved now carries its calibration alloys' descriptors (calibration-descriptors.bin),
   * so predict-ternary does not featurise them again; a model saved before the file existed has
   * none and must give the very same files, trust reports included.
   */
  @Test
  void aModelWithoutSavedDescriptorsPredictsTheSameFiles() throws IOException {
    assertTrue(Files.isRegularFile(model.resolve("calibration-descriptors.bin")), "gfa train saves the descriptors");
    Path old = Files.createDirectory(dir.resolve("old-model"));
    try (Stream<Path> files = Files.list(model)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("calibration-descriptors.bin")) {
          Files.copy(f, old.resolve(f.getFileName()));
        }
      }
    }
    Path out = dir.resolve("from-old-model");
    GfaRun run = GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", old.toString(), "--out", out.toString(), "-q");
    assertEquals(0, run.exit(), run::toString);
    CsvTable candidates = CsvTable.read(out.resolve("candidates.csv"));
    assertTrue(candidates.header().stream().anyMatch(h -> h.startsWith("nearest")), "the candidates carry trust reports");
    for (String f : List.of("grid.csv", "candidates.csv")) {
      assertEquals(Files.readString(result.resolve(f)), Files.readString(out.resolve(f)), f);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode saved = json.readTree(result.resolve("summary.json").toFile());
    JsonNode featurised = json.readTree(out.resolve("summary.json").toFile());
    for (JsonNode s : List.of(saved, featurised)) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("timings");
      ((com.fasterxml.jackson.databind.node.ObjectNode) s.path("model")).remove("directory");
    }
    assertEquals(saved, featurised);
  }

  @Test
  void aDescriptorsFileOfAnotherModelIsRefusedWithItsName() throws IOException {
    Path other = Files.createDirectory(dir.resolve("other-model"));
    try (Stream<Path> files = Files.list(model)) {
      for (Path f : files.toList()) {
        Files.copy(f, other.resolve(f.getFileName()));
      }
    }
    Path bin = other.resolve("calibration-descriptors.bin");
    byte[] bytes = Files.readAllBytes(bin);
    Files.write(bin, Arrays.copyOf(bytes, bytes.length - 8));
    GfaRun run = GfaRun.of("predict-ternary", "Zr-Al-Cu", "--model", other.toString(), "--out", dir.resolve("o").toString());
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("calibration-descriptors.bin"), run::toString);
    assertEquals(1, run.err().strip().lines().count(), run::toString);
    assertFalse(Files.exists(dir.resolve("o")));
  }
}
