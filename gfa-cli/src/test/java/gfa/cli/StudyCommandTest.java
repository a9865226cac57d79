package gfa.cli;

import gfa.cli.workflow.StudyOutputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.io.CsvTable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfa study} end to end on the published data, kept cheap: a hand-written parameter set of
 * one small XGBoost (30 rounds of depth 4) reused by every cell, a 5 at.% grid, one thread. Two
 * systems, all five levels: Zr-Al-Cu, whose subdatasets docs/method.md §5 pins row for row, and Ir-Ni-Ta,
 * which reports a single ribbon.
 */
class StudyCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path data;
  static Path params;
  static Path result;
  static GfaRun run;

  static final String SYSTEMS = "Zr-Al-Cu,Ir-Ni-Ta";

  /** A model directory holding only a manifest with parameters: all that --model-params reads. */
  static Path smallXgboost(Path where) throws IOException {
    Path p = Files.createDirectories(where);
    Files.writeString(p.resolve("manifest.json"), """
        {"format": "gfa-model/1",
         "models": {"xgboost": {"file": "xgboost.json", "params": {
           "n_estimators": 30, "learning_rate": 0.3, "colsample_bytree": 1.0, "colsample_bynode": 1.0, "gamma": 0.0,
           "reg_lambda": 1.0, "min_child_weight": 1.0, "max_depth": 4, "subsample": 1.0}}},
         "fusion": {"weights": {"xgboost": 1.0}}}
        """);
    return p;
  }

  static String[] study(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("study", "--data", data.toString(), "--systems", SYSTEMS, "--levels", "1-5",
        "--model-params", params.toString(), "--step", "5", "--threads", "1", "--out", out.toString()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @BeforeAll
  static void runTheStudyOnce() throws IOException {
    data = PruneCommandTest.published("features_trainset_all.csv");
    params = smallXgboost(shared.resolve("params"));
    result = shared.resolve("study");
    run = GfaRun.of(study(result));
    assertEquals(0, run.exit(), run::toString);
  }

  static List<String> column(CsvTable t, String name) {
    int c = t.requireColumn(name);
    List<String> out = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      out.add(t.cell(r, c));
    }
    return out;
  }

  @Test
  void writesEveryOutput() throws IOException {
    for (String f : List.of("study.csv", "study.json", "reported.csv", "rmse-vs-level.png", "rmse-vs-level.svg", "maps-Zr-Al-Cu.png",
        "maps-Zr-Al-Cu.svg", "maps-Ir-Ni-Ta.png", "maps-Ir-Ni-Ta.svg")) {
      assertTrue(Files.isRegularFile(result.resolve(f)), f);
    }
    BufferedImage plot = ImageIO.read(result.resolve("rmse-vs-level.png").toFile());
    assertTrue(plot.getWidth() > 800 && plot.getHeight() > 500);
    BufferedImage maps = ImageIO.read(result.resolve("maps-Zr-Al-Cu.png").toFile());
    assertTrue(maps.getWidth() > 4 * maps.getHeight() / 2, "five panels in a row");
    String svg = Files.readString(result.resolve("maps-Zr-Al-Cu.svg"));
    for (int level = 1; level <= 5; level++) {
      assertTrue(svg.contains("subdataset " + level), "panel " + level);
    }
    assertTrue(svg.contains("bulk glass (rod)"), "Zr-Al-Cu's bulk glasses are marked");
    assertTrue(Files.readString(result.resolve("rmse-vs-level.svg")).contains("Zr-Al-Cu (35 reported alloys)"));
    CsvTable grid = CsvTable.read(result.resolve("cells/Zr-Al-Cu/level-3/grid.csv"));
    assertEquals(231, grid.rowCount(), "the 5 at.% grid");
    assertEquals(List.of("composition", "Zr", "Al", "Cu", "predicted_D_max", "normalized", "top"), grid.header());
  }

  @Test
  void studyCsvHasOneRowPerCellWithThePublishedSubsetSizes() {
    CsvTable t = CsvTable.read(result.resolve("study.csv"));
    assertEquals(StudyOutputs.COLUMNS, t.header());
    assertEquals(10, t.rowCount());
    assertEquals(List.of("Zr-Al-Cu", "Zr-Al-Cu", "Zr-Al-Cu", "Zr-Al-Cu", "Zr-Al-Cu", "Ir-Ni-Ta", "Ir-Ni-Ta", "Ir-Ni-Ta", "Ir-Ni-Ta",
        "Ir-Ni-Ta"), column(t, "system"));
    assertEquals(List.of("1", "2", "3", "4", "5", "1", "2", "3", "4", "5"), column(t, "level"));
    // docs/method.md §5: the published Zr-Al-Cu subdatasets 1..5; Ir-Ni-Ta as the rule gives (docs/pruning.md)
    assertEquals(List.of("6363", "6303", "5532", "5508", "2784", "6397", "6397", "6361", "6355", "4150"), column(t, "rows_trained"));
    // Zr-Al-Cu categories: (i) 2724, (ii) 24, (iii) 771, (iv) 60, (v) 35, removed level by level
    assertEquals(List.of("0", "0", "0", "0", "2724"), column(t, "removed_i").subList(0, 5));
    assertEquals(List.of("0", "0", "0", "24", "24"), column(t, "removed_ii").subList(0, 5));
    assertEquals(List.of("0", "0", "771", "771", "771"), column(t, "removed_iii").subList(0, 5));
    assertEquals(List.of("0", "60", "60", "60", "60"), column(t, "removed_iv").subList(0, 5));
    assertEquals(List.of("35", "35", "35", "35", "35"), column(t, "removed_v").subList(0, 5));
    assertEquals(List.of("35", "35", "1", "1"), List.of(column(t, "reported_alloys").get(0), column(t, "high_gfa_alloys").get(0),
        column(t, "reported_alloys").get(5), column(t, "high_gfa_alloys").get(5)));
    for (int r = 0; r < 10; r++) {
      double rmse = Double.parseDouble(column(t, "rmse").get(r));
      double overlap = Double.parseDouble(column(t, "overlap").get(r));
      assertTrue(rmse >= 0 && rmse <= 1, "rmse " + rmse);
      assertTrue(overlap >= 0 && overlap <= 1, "overlap " + overlap);
      assertTrue(Double.parseDouble(column(t, "mean_distance_to_top").get(r)) >= 0);
      // a grid point of the system, a corner (e.g. Cu100) or an edge included: its non-zero elements in order
      assertTrue(column(t, "predicted_max_at").get(r).matches("(?=.)((Zr|Ir)\\d+)? ?((Al|Ni)\\d+)? ?((Cu|Ta)\\d+)?"),
          column(t, "predicted_max_at").get(r));
    }
  }

  @Test
  void theRmseIsThatOfTheNormalisedValuesInReportedCsv() {
    CsvTable reported = CsvTable.read(result.resolve("reported.csv"));
    assertEquals(35 * 5 + 5, reported.rowCount());
    CsvTable t = CsvTable.read(result.resolve("study.csv"));
    for (int cell = 0; cell < 10; cell++) {
      String system = column(t, "system").get(cell);
      String level = column(t, "level").get(cell);
      double sum = 0;
      int n = 0;
      for (int r = 0; r < reported.rowCount(); r++) {
        if (reported.cell(r, 0).equals(system) && reported.cell(r, 1).equals(level)) {
          double d = Double.parseDouble(reported.cell(r, reported.requireColumn("predicted_normalized")))
              - Double.parseDouble(reported.cell(r, reported.requireColumn("reported_normalized")));
          sum += d * d;
          n++;
        }
      }
      assertEquals(system.equals("Zr-Al-Cu") ? 35 : 1, n);
      assertEquals(Math.sqrt(sum / n), Double.parseDouble(column(t, "rmse").get(cell)), 1e-12, system + " level " + level);
    }
    // Zr-Al-Cu's reports run from 2 to 6 mm: min-max puts a 2 mm glass at 0, scaling by the maximum at 1/3
    int two = -1;
    for (int r = 0; r < reported.rowCount() && two < 0; r++) {
      if (reported.cell(r, reported.requireColumn("D_max")).equals("2")) {
        two = r;
      }
    }
    assertEquals("0", reported.cell(two, reported.requireColumn("reported_normalized")));
    assertEquals(1 / 3.0, Double.parseDouble(reported.cell(two, reported.requireColumn("reported_scaled_by_max"))), 1e-12);
    // Ir-Ni-Ta's one alloy (a 0.2 mm ribbon) ranks nothing: normalised to 1, the system's best known
    int irNiTa = column(reported, "system").indexOf("Ir-Ni-Ta");
    assertEquals("1", reported.cell(irNiTa, reported.requireColumn("reported_normalized")));
    assertEquals("true", reported.cell(irNiTa, reported.requireColumn("high_gfa")));
  }

  @Test
  void studyJsonSaysWhereTheModelsCameFromAndWhatWasStudied() throws IOException {
    JsonNode j = new ObjectMapper().readTree(result.resolve("study.json").toFile());
    assertEquals("model-params", j.path("model").path("source").asText());
    assertTrue(j.path("model").path("note").asText().startsWith("hyperparameters and fusion weights reused from"), j.path("model").toString());
    assertEquals(30, j.path("model").path("params").path("xgboost").path("n_estimators").asInt());
    assertEquals(64, j.path("data").path("sha256").asText().length());
    assertEquals(6398, j.path("data").path("rows").asInt());
    assertEquals(42, j.path("seed").asInt());
    assertEquals(10, j.path("cells").size());
    JsonNode first = j.path("cells").get(0);
    assertEquals(35, first.path("removed").path("v").asInt());
    assertEquals(6363, first.path("rows_trained").asInt());
    assertTrue(first.path("rmse").isNumber() && first.path("rmse_scaled_by_max").isNumber());
    assertEquals(5, j.path("grid").path("step").asInt());
    assertTrue(j.path("warnings").toString().contains("Ir-Ni-Ta: its 1 reported alloy"), j.path("warnings").toString());
    assertTrue(j.path("timings").has("total"));
    assertTrue(run.err().contains("hyperparameters and fusion weights reused from " + params), run::toString);
    assertTrue(run.out().contains("RMSE by subdataset"), run::toString);
  }

  @Test
  void sameSeedGivesTheSameStudyWhateverTheThreads() throws IOException {
    Path again = dir.resolve("again");
    // --threads 2 runs two cells side by side, each fit on one thread, as --threads 1 fits them
    List<String> args = new ArrayList<>(List.of(study(again, "--json")));
    args.set(args.indexOf("--threads") + 1, "2");
    GfaRun second = GfaRun.of(args.toArray(String[]::new));
    assertEquals(0, second.exit(), second::toString);
    JsonNode printed = new ObjectMapper().readTree(second.out());
    assertEquals(10, printed.path("cells").size(), "--json prints the study's summary");
    assertEquals(2, printed.path("model").path("parallel_cells").asInt());
    assertEquals(withoutSeconds(result.resolve("study.csv")), withoutSeconds(again.resolve("study.csv")));
    assertEquals(Files.readString(result.resolve("reported.csv")), Files.readString(again.resolve("reported.csv")));
    assertEquals(Files.readString(result.resolve("cells/Ir-Ni-Ta/level-5/grid.csv")),
        Files.readString(again.resolve("cells/Ir-Ni-Ta/level-5/grid.csv")));
  }

  /** study.csv without its last column, the seconds each cell took. */
  static String withoutSeconds(Path csv) throws IOException {
    StringBuilder s = new StringBuilder();
    for (String line : Files.readAllLines(csv)) {
      s.append(line, 0, line.lastIndexOf(',')).append('\n');
    }
    return s.toString();
  }

  @Test
  void aSystemWithoutReportedAlloysHasEmptyScoresAndAWarning() throws IOException {
    Path small = Files.writeString(dir.resolve("alloys.csv"), PredictTernaryCommandTest.dataset(60, 3));
    Path out = dir.resolve("none");
    GfaRun r = GfaRun.of("study", "--data", small.toString(), "--systems", "La-Co-Ga", "--levels", "3", "--learners", "xgboost",
        "--step", "10", "--threads", "1", "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("La-Co-Ga has no reported alloys"), r::toString);
    assertTrue(r.err().contains("default hyperparameters of xgboost with equal fusion weights"), r::toString);
    CsvTable t = CsvTable.read(out.resolve("study.csv"));
    assertEquals("", t.cell(0, t.requireColumn("rmse")));
    assertEquals("", t.cell(0, t.requireColumn("overlap")));
    assertEquals("60", t.cell(0, t.requireColumn("rows_trained")));
    JsonNode cell = new ObjectMapper().readTree(out.resolve("study.json").toFile()).path("cells").get(0);
    assertTrue(cell.path("rmse").isNull() && cell.path("overlap").isNull(), cell.toString());
    assertEquals("defaults", new ObjectMapper().readTree(out.resolve("study.json").toFile()).path("model").path("source").asText());
    assertTrue(Files.isRegularFile(out.resolve("maps-La-Co-Ga.png")), "the map is drawn all the same");
  }

  // --- bad input -------------------------------------------------------------------------------

  @Test
  void anUnknownSystemIsRefused() {
    Path out = dir.resolve("bad");
    assertBadInput(GfaRun.of("study", "--data", data.toString(), "--systems", "Zr-Al-Cu,Xx-Al-Cu", "--out", out.toString()),
        "unknown element 'Xx'", out);
    assertBadInput(GfaRun.of("study", "--data", data.toString(), "--systems", "Zr-Al-Cu,Cu-Zr-Al", "--out", out.toString()),
        "twice", out);
  }

  @Test
  void badLevelsAreRefused() {
    Path out = dir.resolve("bad");
    for (String[] c : new String[][] {{"0-3", "outside 1..5"}, {"5-1", "backwards"}, {"2,x", "not a whole number"}, {"", "empty"}}) {
      assertBadInput(GfaRun.of("study", "--data", data.toString(), "--systems", "Zr-Al-Cu", "--levels", c[0], "--out", out.toString()),
          c[1], out);
    }
  }

  @Test
  void aMissingModelParamsDirectoryIsRefused() {
    Path out = dir.resolve("bad");
    assertBadInput(GfaRun.of("study", "--data", data.toString(), "--systems", "Zr-Al-Cu", "--model-params",
        dir.resolve("nope").toString(), "--out", out.toString()), "model directory not found", out);
  }

  @Test
  void modelParamsAndBudgetExcludeEachOther() {
    Path out = dir.resolve("bad");
    GfaRun r = GfaRun.of("study", "--data", data.toString(), "--systems", "Zr-Al-Cu", "--model-params", params.toString(),
        "--budget", "2", "--out", out.toString());
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("mutually exclusive"), r::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void anExistingStudyIsNotOverwritten() throws IOException {
    String before = Files.readString(result.resolve("study.csv"));
    GfaRun r = GfaRun.of(study(result));
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--replace"), r::toString);
    assertEquals(before, Files.readString(result.resolve("study.csv")));
  }

  private static void assertBadInput(GfaRun r, String expected, Path mustNotExist) {
    assertEquals(2, r.exit(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains(expected), r::toString);
    assertFalse(Files.exists(mustNotExist), "nothing half-written: " + mustNotExist);
    assertNotEquals("", r.err());
  }
}
