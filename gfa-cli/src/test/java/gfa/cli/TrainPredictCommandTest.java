package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfa train} and {@code gfa predict} end to end on a small made-up Zr-Cu-Al dataset. */
class TrainPredictCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path data;
  static Path model;

  /** Quick settings: two of the learners, one trial each, three folds. */
  static final String[] QUICK = {"--budget", "2", "--folds", "3", "--learners", "xgboost,lightgbm", "-q"};

  static String[] args(String... head) {
    String[] all = new String[head.length + QUICK.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(QUICK, 0, all, head.length, QUICK.length);
    return all;
  }

  static String dataset(int rows, long seed) {
    Random r = new Random(seed);
    StringBuilder s = new StringBuilder("composition,D_max,note\n");
    for (int i = 0; i < rows; i++) {
      int zr = 20 + r.nextInt(40);
      int al = 2 + r.nextInt(15);
      int cu = 100 - zr - al;
      double dmax = Math.max(0, (zr * cu) / 900.0 - 0.5 + r.nextDouble() * 0.3);
      s.append(String.format(java.util.Locale.ROOT, "Zr%dCu%dAl%d,%.3f,row %d%n", zr, cu, al, dmax, i));
    }
    return s.toString();
  }

  @BeforeAll
  static void trainOnce() throws IOException {
    data = Files.writeString(shared.resolve("zr-cu-al.csv"), dataset(60, 1));
    model = shared.resolve("model");
    GfaRun run = GfaRun.of(args("train", "--data", data.toString(), "--out", model.toString(), "--seed", "5"));
    assertEquals(0, run.exit(), run::toString);
  }

  @Test
  void trainWritesManifestReportAndModelFiles() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
    assertEquals("gfa-model/1", manifest.path("format").asText());
    assertEquals(64, manifest.path("data").path("sha256").asText().length());
    assertEquals("zr-cu-al.csv", manifest.path("data").path("file").asText());
    // 60 rows written, 3 compositions drawn twice: their D_max values are averaged
    assertEquals(57, manifest.path("data").path("rows").asInt());
    assertEquals("gong2024", manifest.path("descriptors").path("preset").asText());
    assertEquals("paper", manifest.path("descriptors").path("miedema").asText());
    assertFalse(manifest.path("descriptors").path("tables_version").asText().isEmpty());
    assertEquals(29, manifest.path("descriptors").path("columns").size());
    assertEquals(5, manifest.path("seed").asInt());
    assertFalse(manifest.path("gfa_version").asText().isEmpty());
    assertTrue(manifest.path("models").path("xgboost").path("params").has("max_depth"));
    // the library settings gfa fixes, beside the searched parameters (docs/model-format.md)
    assertEquals(128, manifest.path("models").path("xgboost").path("settings").path("max_bin").asInt(-1));
    assertEquals("hist", manifest.path("models").path("xgboost").path("settings").path("tree_method").asText());
    assertEquals(127, manifest.path("models").path("lightgbm").path("settings").path("max_bin").asInt(-1));
    assertTrue(manifest.path("models").path("svr").path("settings").isMissingNode(), "svr sets nothing beyond its parameters");
    assertTrue(Files.isRegularFile(model.resolve("xgboost.json")));
    assertTrue(Files.isRegularFile(model.resolve("lightgbm.txt")));
    JsonNode report = new ObjectMapper().readTree(model.resolve("report.json").toFile());
    assertEquals(57, report.path("rows").asInt());
    assertTrue(report.path("fusion").path("weights").has("lightgbm"));
    assertTrue(report.path("classification").has("average_precision"));
  }

  @Test
  void sameSeedGivesByteIdenticalPredictionsAndMetrics() throws IOException {
    Path again = dir.resolve("again");
    GfaRun run = GfaRun.of(args("train", "--data", data.toString(), "--out", again.toString(), "--seed", "5", "--json"));
    assertEquals(0, run.exit(), run::toString);
    JsonNode a = strip(new ObjectMapper().readTree(model.resolve("report.json").toFile()));
    JsonNode b = strip(new ObjectMapper().readTree(run.out()));
    assertEquals(a, b, "report metrics");
    Path in = Files.writeString(dir.resolve("in.txt"), "Zr50Cu45Al5\nZr65Cu27.5Al7.5\nCu50Zr50\n");
    Path p1 = dir.resolve("p1.csv");
    Path p2 = dir.resolve("p2.csv");
    assertEquals(0, GfaRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", p1.toString(), "-q").exit());
    assertEquals(0, GfaRun.of("predict", "--model", again.toString(), "-i", in.toString(), "-o", p2.toString(), "-q").exit());
    assertEquals(Files.readString(p1), Files.readString(p2));
    List<String> lines = Files.readAllLines(p1);
    assertEquals("composition,predicted_D_max,predicted_D_max_xgboost,predicted_D_max_lightgbm,"
        + "predicted_D_max_lower,predicted_D_max_upper,p_bmg,in_domain,composition_distance,descriptor_distance", lines.get(0));
    assertEquals(4, lines.size());
    // every training alloy holds Al (2-16 at.%): the binary Cu50Zr50 lies at least 0.02 away in fractions
    String[] binary = lines.get(3).split(",");
    assertTrue(binary[7].matches("true|false"), lines.get(3));
    assertTrue(Double.parseDouble(binary[8]) >= 0.02, lines.get(3));
  }

  @Test
  void calibrationIsSavedReportedAndGivesIntervals() throws IOException {
    assertTrue(Files.isRegularFile(model.resolve("calibration.json")));
    JsonNode report = new ObjectMapper().readTree(model.resolve("report.json").toFile());
    JsonNode calibration = report.path("calibration");
    // one system: no leave-system-out folds, so the random k-fold residuals calibrate
    assertEquals("random_kfold", calibration.path("calibrated_on").asText());
    assertEquals(57, calibration.path("residuals").asInt());
    JsonNode check = calibration.path("checks").get(0);
    assertEquals("random_kfold", check.path("evaluated_on").asText());
    assertTrue(check.path("coverage").has("90"), check.toString());
    assertEquals(10, check.path("p_bmg").path("reliability").size());
    Path in = Files.writeString(dir.resolve("cal.txt"), "Zr50Cu45Al5\nZr65Cu27.5Al7.5\n");
    Path out = dir.resolve("cal.csv");
    assertEquals(0, GfaRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", out.toString(), "-q").exit());
    for (String line : Files.readAllLines(out).subList(1, 3)) {
      String[] cells = line.split(",");
      double lower = Double.parseDouble(cells[4]);
      double upper = Double.parseDouble(cells[5]);
      double p = Double.parseDouble(cells[6]);
      assertTrue(lower >= 0 && lower <= upper && p >= 0 && p <= 1, line);
    }
  }

  @Test
  void aModelWithoutCalibrationPredictsWithoutTheColumns() throws IOException {
    Path copy = dir.resolve("old-model");
    Files.createDirectories(copy);
    try (var files = Files.list(model)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("calibration.json")) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    Path in = Files.writeString(dir.resolve("old.txt"), "Zr50Cu45Al5\n");
    Path out = dir.resolve("old.csv");
    assertEquals(0, GfaRun.of("predict", "--model", copy.toString(), "-i", in.toString(), "-o", out.toString(), "-q").exit());
    assertEquals("composition,predicted_D_max,predicted_D_max_xgboost,predicted_D_max_lightgbm", Files.readAllLines(out).get(0));
  }

  @Test
  void predictKeepsInputColumns() throws IOException {
    Path out = dir.resolve("pred.csv");
    GfaRun run = GfaRun.of("predict", "--model", model.toString(), "-i", data.toString(), "-o", out.toString(), "--json");
    assertEquals(0, run.exit(), run::toString);
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(0).startsWith("composition,D_max,note,predicted_D_max,"), lines.get(0));
    assertEquals(61, lines.size());
    assertTrue(run.out().contains("\"rows\":60"), run.out());
  }

  // --- bad input -------------------------------------------------------------------------------

  @Test
  void missingTargetColumn() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "composition,Dmax\nZr50Cu50,1\n");
    assertBadInput(GfaRun.of(args("train", "--data", bad.toString(), "--out", dir.resolve("m").toString())), "no 'D_max' column", dir.resolve("m"));
  }

  @Test
  void nonNumericTarget() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "composition,D_max\nZr50Cu50,1\nZr40Cu60,abc\n");
    assertBadInput(GfaRun.of(args("train", "--data", bad.toString(), "--out", dir.resolve("m").toString())), "line 3", dir.resolve("m"));
  }

  @Test
  void fewerRowsThanFolds() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "composition,D_max\nZr50Cu50,1\nZr40Cu60,0.2\n");
    assertBadInput(GfaRun.of(args("train", "--data", bad.toString(), "--out", dir.resolve("m").toString())), "fewer than the 3 folds", dir.resolve("m"));
  }

  @Test
  void unknownModelDirectory() throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), "Zr50Cu50\n");
    Path out = dir.resolve("out.csv");
    assertBadInput(GfaRun.of("predict", "--model", dir.resolve("nope").toString(), "-i", in.toString(), "-o", out.toString()), "model directory not found", out);
  }

  @Test
  void corruptedManifest() throws IOException {
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    for (String f : List.of("xgboost.json", "lightgbm.txt", "report.json")) {
      Files.copy(model.resolve(f), broken.resolve(f));
    }
    Files.writeString(broken.resolve("manifest.json"), "{\"format\": \"gfa-model/1\", \"descriptors\": ");
    Path in = Files.writeString(dir.resolve("in.txt"), "Zr50Cu50\n");
    Path out = dir.resolve("out.csv");
    assertBadInput(GfaRun.of("predict", "--model", broken.toString(), "-i", in.toString(), "-o", out.toString()), "corrupted manifest", out);
  }

  @Test
  void modelTrainedWithAnotherPresetIsRefused() throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), "Zr50Cu50\n");
    Path out = dir.resolve("out.csv");
    assertBadInput(GfaRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", out.toString(), "--preset", "all"),
        "trained with descriptor preset 'gong2024'", out);
  }

  @Test
  void existingModelDirectoryIsNotOverwritten() throws IOException {
    GfaRun run = GfaRun.of(args("train", "--data", data.toString(), "--out", model.toString()));
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("--replace"), run::toString);
    assertTrue(Files.isRegularFile(model.resolve("manifest.json")), "the old model is intact");
  }

  @Test
  void timeLimitStopsEverySearchAndIsRecorded() throws IOException {
    Path out = dir.resolve("limited");
    // 1000 trials would take minutes; the limit must stop each search after about 2 s
    GfaRun run = GfaRun.of("train", "--data", data.toString(), "--out", out.toString(), "--budget", "1000", "--folds", "3",
        "--learners", "xgboost,lightgbm", "--time-limit", "2s", "--no-extra-cv", "-q");
    assertEquals(0, run.exit(), run::toString);
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    for (String learner : List.of("xgboost", "lightgbm")) {
      JsonNode m = report.path("models").path(learner);
      assertTrue(m.path("stop_reason").asText().startsWith("wall-time"), m::toString);
      assertTrue(m.path("trials").asInt() >= 1 && m.path("trials").asInt() < 1000, m::toString);
      assertEquals(2, manifest.path("budget").path("learners").path(learner).path("wall_seconds").asInt(), manifest::toString);
    }
    assertTrue(manifest.path("budget").path("fusion").path("wall_seconds").isNull(), "the fusion search is not limited");
  }

  @Test
  void badTimeLimitIsRefused() throws IOException {
    for (String bad : List.of("0s", "20", "5x", "-3m")) {
      Path out = dir.resolve("m");
      GfaRun run = GfaRun.of(args("train", "--data", data.toString(), "--out", out.toString(), "--time-limit", bad));
      // a usage error: the one-line reason, then picocli's pointer to --help
      assertEquals(2, run.exit(), run::toString);
      assertTrue(run.errLines().get(0).contains("--time-limit") && run.errLines().get(0).contains("'" + bad + "'"), run::toString);
      assertFalse(Files.exists(out), run::toString);
    }
    Path out = dir.resolve("m");
    assertBadInput(GfaRun.of("train", "--data", data.toString(), "--out", out.toString(), "--model-params", model.toString(),
        "--time-limit", "1m", "-q"), "does not go with", out);
  }

  @Test
  void aLearnerOfFusionWeightZeroCanBeTrainedAloneOnItsParameters() throws IOException {
    // the weights are tuned again on the new cross-validation, so the old weight 0 does not matter
    Path zero = tampered("zero-weight", text -> text.replaceFirst(
        "\"weights\" : \\{[^}]*\\}", "\"weights\" : { \"xgboost\" : 1.0, \"lightgbm\" : 0.0 }"));
    Path out = dir.resolve("lightgbm-alone");
    GfaRun run = GfaRun.of("train", "--data", data.toString(), "--out", out.toString(), "--model-params", zero.toString(),
        "--learners", "lightgbm", "--folds", "3", "--no-extra-cv", "-q");
    assertEquals(0, run.exit(), run::toString);
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals(1, manifest.path("models").size(), manifest::toString);
    assertTrue(manifest.path("models").has("lightgbm"), manifest::toString);
  }

  /** A copy of the trained model whose manifest has {@code edit} applied to its text. */
  private Path tampered(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
    Path copy = Files.createDirectory(dir.resolve(name));
    try (var files = Files.list(model)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path manifest = copy.resolve("manifest.json");
    String text = Files.readString(manifest);
    String changed = edit.apply(text);
    assertFalse(changed.equals(text), "the edit must change the manifest");
    Files.writeString(manifest, changed);
    return copy;
  }

  @Test
  void tamperedManifestIsRefusedNotPredictedAsNaN() throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), "Zr50Cu45Al5\n");
    Path out = dir.resolve("out.csv");
    String weights = "\"weights\" : \\{[^}]*\\}";
    var cases = new java.util.LinkedHashMap<String, java.util.function.UnaryOperator<String>>();
    cases.put("fusion weight of xgboost is -1.0", t -> t.replaceFirst(weights, "\"weights\" : { \"xgboost\" : -1.0, \"lightgbm\" : 0.5 }"));
    cases.put("the fusion weights sum to 0", t -> t.replaceFirst(weights, "\"weights\" : { \"xgboost\" : 0, \"lightgbm\" : 0.0 }"));
    cases.put("fusion weight of lightgbm is \"abc\"", t -> t.replaceFirst(weights, "\"weights\" : { \"xgboost\" : 0.5, \"lightgbm\" : \"abc\" }"));
    cases.put("a scale must be a finite number > 0", t -> t.replaceFirst("\"scale\" : \\[ [^,\\]]+", "\"scale\" : [ 0.0"));
    int k = 0;
    for (var c : cases.entrySet()) {
      Path broken = tampered("broken" + k++, c.getValue());
      assertBadInput(GfaRun.of("predict", "--model", broken.toString(), "-i", in.toString(), "-o", out.toString()),
          c.getKey(), out);
    }
  }

  @Test
  void predictNamesTheFileAndLineOfARowItCannotDescribe() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "composition\nZr50Cu50\nHe50Zr50\n");
    Path out = dir.resolve("out.csv");
    assertBadInput(GfaRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", out.toString()),
        "in.csv line 3: no data for He", out);
  }

  private static void assertBadInput(GfaRun run, String expected, Path mustNotExist) {
    assertEquals(2, run.exit(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().contains(expected), run::toString);
    assertFalse(Files.exists(mustNotExist), "nothing half-written: " + mustNotExist);
  }

  private static JsonNode strip(JsonNode report) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) report.deepCopy();
    copy.path("models").forEach(m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("seconds"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("fusion")).remove("seconds");
    return copy;
  }
}
