package gfa.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.cli.Gfa;
import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The API computes what the commands compute: each call against the command of the same name, on
 * the same input, compared cell for cell as the command writes them. One small model (300 rows of
 * the built-in table, two learners, two trials, one thread) is trained by {@code gfa train} and by
 * the API and shared by the tests.
 */
class GlassFormingAbilityTest {
  private static final String[] ALLOYS = {"Zr65Cu17.5Ni10Al7.5", "Cu46Zr46Al8", "Pd40Cu30Ni10P20", "Fe80B20", "Mg65Cu25Y10"};

  @TempDir static Path tmp;
  private static Path data;
  private static Path alloysFile;
  private static Path cliModel;
  private static Path apiModel;
  private static DmaxModel trained;

  @BeforeAll
  static void trainBothWays() throws Exception {
    Table ward = GlassFormingAbility.builtInTable();
    Table rows = ward.rows(IntStream.range(0, 300).map(i -> 19 * i).toArray());
    data = tmp.resolve("small.csv");
    Files.writeString(data, Tables.toCsv(rows));
    alloysFile = tmp.resolve("alloys.csv");
    Files.writeString(alloysFile, "composition\n" + String.join("\n", ALLOYS) + "\n");

    cliModel = tmp.resolve("cli-model");
    run("train", "--data", data.toString(), "--out", cliModel.toString(), "--learners", "xgboost,lightgbm", "--budget", "2",
        "--seed", "3", "--threads", "1", "--quiet");
    Table read = Table.read().csv(data.toFile()); // named small.csv, as gfa train names the file
    trained = GlassFormingAbility.train(read,
        Training.defaults().withLearners("xgboost", "lightgbm").withTrials(2).withSeed(3).withThreads(1));
    apiModel = tmp.resolve("api-model");
    trained.save(apiModel);
  }

  @AfterAll
  static void close() {
    trained.close();
  }

  @Test
  void featurizeGivesTheCommandsDescriptors() throws Exception {
    Path out = tmp.resolve("featurized.csv");
    run("featurize", "--input", alloysFile.toString(), "--output", out.toString(), "--quiet");
    assertSameCells(CsvTable.read(out), GlassFormingAbility.featurize(alloys()));
  }

  @Test
  void trainingATableRecordsItAsGfaTrainRecordsTheFile() throws Exception {
    JsonNode api = manifest(apiModel).path("data");
    JsonNode cli = manifest(cliModel).path("data");
    assertEquals("small.csv", api.path("file").asText());
    assertEquals(cli.path("sha256").asText(), api.path("sha256").asText(), "the table staged as the very bytes of the file");
    assertEquals(cli.path("rows").asInt(), api.path("rows").asInt());
    assertEquals(List.of("xgboost", "lightgbm"), trained.learners());
    assertTrue(trained.calibrated());
    assertTrue(Double.isFinite(trained.cvR2()) && Double.isFinite(trained.cvRmse()));
  }

  @Test
  void predictGivesGfaPredictsColumnsOfAModelTrainedEitherWay() throws Exception {
    Path out = tmp.resolve("predicted.csv");
    run("predict", "--model", cliModel.toString(), "--input", alloysFile.toString(), "--output", out.toString(), "--quiet");
    CsvTable expected = CsvTable.read(out);
    assertTrue(expected.header().contains("p_bmg"), "a calibrated model");
    try (DmaxModel loaded = GlassFormingAbility.load(apiModel)) {
      assertSameCells(expected, loaded.predict(alloys()));
    }
    assertSameCells(expected, trained.predict(alloys()), "the model in memory predicts as its saved copy");
  }

  @Test
  void predictSystemGivesPredictTernarysGridAndCandidates() throws Exception {
    Path out = tmp.resolve("ternary");
    run("predict-ternary", "Zr-Al-Cu", "--model", apiModel.toString(), "--step", "5", "--out", out.toString(), "--quiet");
    SystemMap map = trained.predictSystem("Zr-Al-Cu", 5);
    assertSameCells(CsvTable.read(out.resolve("grid.csv")), map.grid());
    assertSameCells(CsvTable.read(out.resolve("candidates.csv")), map.candidates());
    assertEquals(1, map.warnings().size(), "a model not pruned for Zr-Al-Cu is said to be so");
    assertTrue(map.warnings().get(0).contains("category (v)"), map.warnings().get(0));
  }

  @Test
  void trainingOnTheBuiltInTableRecordsItAsGfaTrainDoes() throws Exception {
    Training quick = Training.defaults().withLearners("xgboost").withTrials(1).withFolds(2).withoutExtraCv().withThreads(1)
        .prunedFor("Zr-Al-Cu");
    Path out = tmp.resolve("built-in-model");
    try (DmaxModel model = GlassFormingAbility.train(quick)) {
      assertEquals("Zr-Al-Cu", model.prunedFor());
      SystemMap coarse = model.predictSystem("Cu-Zr-Al", 10);
      assertEquals(List.of(), coarse.warnings(), "the same system in another order");
      assertEquals(10, coarse.map().selection().options().candidateStep(), "no 5 at.% lattice on a 10 at.% grid");
      assertEquals(66, coarse.grid().rowCount());
      model.save(out);
    }
    JsonNode manifest = manifest(out);
    assertTrue(manifest.path("data").path("built_in").asBoolean(), manifest.toString());
    assertEquals("ward2018-gfa.csv", manifest.path("data").path("file").asText());
    assertEquals("Zr-Al-Cu", manifest.path("pruning").path("system").asText());
    assertEquals(3, manifest.path("pruning").path("level").asInt());
  }

  @Test
  void aLoadedModelSavesACopyOfItsDirectory() throws Exception {
    Path copy = tmp.resolve("copy");
    try (DmaxModel loaded = GlassFormingAbility.load(apiModel)) {
      loaded.save(copy);
      GfaInputException e = assertThrows(GfaInputException.class, () -> loaded.save(copy));
      assertEquals("model directory already exists: " + copy, e.getMessage());
    }
    try (var files = Files.list(apiModel)) {
      for (Path f : files.toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy.resolve(f.getFileName())), f.getFileName().toString());
      }
    }
  }

  @Test
  void badInputIsOneLineNamingTheTableAndRow() {
    Table noColumn = Table.create("alloys", StringColumn.create("formula", "Cu50Zr50"));
    assertEquals("table 'alloys': no 'composition' column (columns: formula)",
        assertThrows(GfaInputException.class, () -> GlassFormingAbility.featurize(noColumn)).getMessage());

    Table badFormula = Table.create("alloys", StringColumn.create("composition", "Cu50Zr50", "Xx50Zr50"));
    String message = assertThrows(GfaInputException.class, () -> trained.predict(badFormula)).getMessage();
    assertTrue(message.startsWith("table 'alloys' row 1: "), message);

    Table tooLarge = Table.create("lab", StringColumn.create("composition", "Cu50Zr50", "Cu46Zr46Al8", "Cu64Zr36"),
        DoubleColumn.create("D_max", 2, 8, 150));
    message = assertThrows(GfaInputException.class, () -> GlassFormingAbility.train(tooLarge, Training.defaults())).getMessage();
    assertTrue(message.startsWith("table 'lab' row 2: "), message);
    assertFalse(message.contains("gfa-api-"), "no staging path: " + message);

    assertThrows(GfaInputException.class, () -> trained.predictSystem("Zr-Al", 5));
    assertTrue(assertThrows(GfaInputException.class, () -> trained.predictSystem("Zr-Al-Cu", 7)).getMessage().startsWith("grid "));
    assertThrows(GfaInputException.class, () -> trained.predictSystem("Zr-Al-Cu", 2, 5, 5));
    assertThrows(GfaInputException.class, () -> GlassFormingAbility.load(tmp.resolve("no-such-model")));
    assertThrows(IllegalArgumentException.class, () -> Training.defaults().withLearners("svm"));
    assertThrows(IllegalArgumentException.class, () -> Training.defaults().withTrials(0));
    assertThrows(GfaInputException.class, () -> Training.defaults().prunedFor("Zr-Al-Cu", 6));
  }

  @Test
  void aClosedModelSaysSo() {
    DmaxModel loaded = GlassFormingAbility.load(apiModel);
    loaded.close();
    loaded.close();
    assertEquals("the model is closed", assertThrows(IllegalStateException.class, () -> loaded.predict(alloys())).getMessage());
  }

  private static Table alloys() {
    return Table.create("alloys", StringColumn.create("composition", ALLOYS));
  }

  private static JsonNode manifest(Path model) throws Exception {
    return new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
  }

  private static void assertSameCells(CsvTable expected, Table actual) {
    assertSameCells(expected, actual, "");
  }

  /** The table's header and every cell, written as gfa writes them, equal the CSV's. */
  private static void assertSameCells(CsvTable expected, Table actual, String why) {
    assertEquals(expected.header(), actual.columnNames(), why);
    assertEquals(expected.rowCount(), actual.rowCount(), why);
    for (int c = 0; c < actual.columnCount(); c++) {
      Column<?> column = actual.column(c);
      for (int r = 0; r < actual.rowCount(); r++) {
        String cell = column instanceof DoubleColumn d ? CsvTable.formatNumber(d.getDouble(r))
            : column instanceof BooleanColumn b ? Boolean.toString(b.get(r)) : column.getString(r);
        assertEquals(expected.cell(r, c), cell, why + " " + column.name() + " row " + r);
      }
    }
  }

  private static void run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cmd = Gfa.commandLine(args);
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    assertEquals(0, exit, String.join(" ", args) + ": " + err);
  }
}
