package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfa train}'s honest generalisation figures: leave-system-out beside random k-fold, the
 * per-system errors, {@code --cv leave-system-out}, and reusing parameters with
 * {@code --model-params}. 60 made-up alloys of many systems, two learners, one trial each.
 */
class TrainGeneralisationCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path data;
  static Path model;
  static GfaRun trained;

  static final String[] QUICK = {"--budget", "1", "--folds", "3", "--learners", "xgboost,lightgbm", "--threads", "1"};

  static String[] train(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", out.toString()));
    a.addAll(Arrays.asList(more));
    return a.toArray(String[]::new);
  }

  static String[] quick(Path out, String... more) {
    List<String> a = new ArrayList<>(Arrays.asList(train(out, QUICK)));
    a.addAll(Arrays.asList(more));
    return a.toArray(String[]::new);
  }

  static JsonNode report(Path model) throws IOException {
    return new ObjectMapper().readTree(model.resolve("report.json").toFile());
  }

  @BeforeAll
  static void trainOnce() throws IOException {
    data = Files.writeString(shared.resolve("alloys.csv"), PredictTernaryCommandTest.dataset(60, 3));
    model = shared.resolve("model");
    trained = GfaRun.of(quick(model));
    assertEquals(0, trained.exit(), trained::toString);
  }

  @Test
  void reportsLeaveSystemOutBesideRandomKFold() throws IOException {
    JsonNode r = report(model);
    assertEquals("random 3-fold", r.path("cv").asText());
    JsonNode lso = r.path("leave_system_out");
    assertEquals("leave-system-out 3-fold", lso.path("cv").asText());
    assertEquals(3, lso.path("folds").asInt());
    assertEquals(r.path("systems").asInt(), lso.path("groups").asInt());
    assertTrue(lso.path("groups").asInt() > 10, "the made-up alloys span many systems: " + lso);
    for (String id : List.of("xgboost", "lightgbm")) {
      for (String k : List.of("cv_r2", "cv_rmse", "cv_mae")) {
        assertTrue(lso.path("models").path(id).path(k).isNumber(), id + " " + k);
      }
    }
    assertTrue(lso.path("fusion").path("cv_r2").isNumber());
    // the keys gfa train always wrote are still there
    for (String k : List.of("rows", "folds", "seed", "models", "fusion", "fusion_equal", "classification")) {
      assertTrue(r.has(k), k);
    }
    assertTrue(trained.out().contains("LSO R2") && trained.out().contains("LSO RMSE"), trained::toString);
    assertTrue(trained.out().contains("leave-system-out 3-fold CV of the same hyperparameters and weights"), trained::toString);
  }

  @Test
  void listsTheErrorsOnTheSystemsWithMostRows() throws IOException {
    JsonNode per = report(model).path("per_system");
    assertEquals(10, per.size());
    int previous = Integer.MAX_VALUE;
    for (JsonNode s : per) {
      assertTrue(s.path("system").asText().matches("[A-Z][a-z]?(-[A-Z][a-z]?)+"), s.toString());
      assertTrue(s.path("rows").asInt() <= previous, "largest first");
      previous = s.path("rows").asInt();
      assertTrue(s.path("random_kfold").path("rmse").isNumber() && s.path("leave_system_out").path("mae").isNumber(), s.toString());
    }
    assertTrue(trained.out().contains("systems with the most rows"), trained::toString);
  }

  @Test
  void tuningOnLeaveSystemOutReportsRandomKFoldAsTheExtra() throws IOException {
    Path out = dir.resolve("lso");
    GfaRun run = GfaRun.of(quick(out, "--cv", "leave-system-out", "-q"));
    assertEquals(0, run.exit(), run::toString);
    JsonNode r = report(out);
    assertEquals("leave-system-out 3-fold", r.path("cv").asText());
    assertEquals("random 3-fold", r.path("random_kfold").path("cv").asText());
    assertFalse(r.has("leave_system_out"));
    assertEquals("leave-system-out 3-fold", new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("cv").asText());
    assertTrue(run.out().contains("random R2"), run::toString);
  }

  @Test
  void theExtraEvaluationCanBeSkipped() throws IOException {
    Path out = dir.resolve("skip");
    GfaRun run = GfaRun.of(quick(out, "--no-extra-cv", "-q"));
    assertEquals(0, run.exit(), run::toString);
    JsonNode r = report(out);
    assertEquals("not run (--no-extra-cv)", r.path("leave_system_out").path("skipped").asText());
    assertFalse(r.path("per_system").get(0).has("leave_system_out"));
  }

  @Test
  void dataOfOneSystemCannotBeSplitBySystem() throws IOException {
    Path one = Files.writeString(dir.resolve("zr-cu-al.csv"), TrainPredictCommandTest.dataset(30, 1));
    Path out = dir.resolve("one");
    GfaRun refused = GfaRun.of("train", "--data", one.toString(), "--out", out.toString(), "--cv", "leave-system-out",
        "--budget", "1", "--folds", "3", "--learners", "xgboost", "--threads", "1");
    assertEquals(2, refused.exit(), refused::toString);
    assertTrue(refused.err().contains("needs at least 3 alloy systems") && refused.err().contains("hold 1"), refused::toString);
    assertFalse(Files.exists(out));
    GfaRun kept = GfaRun.of("train", "--data", one.toString(), "--out", out.toString(), "--budget", "1", "--folds", "3",
        "--learners", "xgboost", "--threads", "1");
    assertEquals(0, kept.exit(), kept::toString);
    assertTrue(kept.err().contains("gfa: warning: no leave-system-out evaluation"), kept::toString);
    assertTrue(report(out).path("leave_system_out").path("skipped").asText().contains("hold 1"));
  }

  @Test
  void modelParamsReuseTheHyperparametersWithoutSearching() throws IOException {
    Path out = dir.resolve("reused");
    GfaRun run = GfaRun.of(train(out, "--model-params", model.toString(), "--folds", "3", "--threads", "1", "-q"));
    assertEquals(0, run.exit(), run::toString);
    JsonNode before = report(model);
    JsonNode after = report(out);
    for (String id : List.of("xgboost", "lightgbm")) {
      assertEquals(0, after.path("models").path(id).path("trials").asInt());
      assertEquals("fixed", after.path("models").path(id).path("stop_reason").asText());
      assertEquals(before.path("models").path(id).path("best_params"), after.path("models").path(id).path("best_params"));
      // same folds, same parameters, same seed: the same cross-validation
      assertEquals(before.path("models").path(id).path("cv_rmse").asDouble(), after.path("models").path(id).path("cv_rmse").asDouble(), 1e-12);
      assertEquals(before.path("leave_system_out").path("models").path(id), after.path("leave_system_out").path("models").path(id));
    }
    assertEquals(List.of(model.toString()), texts(after.path("params_from")));
    assertEquals(model.toString(), after.path("models").path("xgboost").path("params_from").asText());
  }

  @Test
  void severalModelParamsCombineFirstDirectoryFirst() throws IOException {
    // a second search of XGBoost alone, its max_depth changed so the two sources differ
    Path other = dir.resolve("xgboost-only");
    GfaRun trainedOther = GfaRun.of(train(other, "--budget", "1", "--folds", "3", "--learners", "xgboost", "--threads", "1", "-q"));
    assertEquals(0, trainedOther.exit(), trainedOther::toString);
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(other.resolve("manifest.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.path("models").path("xgboost").path("params")).put("max_depth", 3);
    json.writeValue(other.resolve("manifest.json").toFile(), manifest);
    int modelDepth = report(model).path("models").path("xgboost").path("best_params").path("max_depth").asInt();
    assertTrue(modelDepth != 3, "the two sources must differ for this test to mean anything");

    Path combined = dir.resolve("combined");
    GfaRun run = GfaRun.of(train(combined, "--model-params", other.toString(), "--model-params", model.toString(),
        "--folds", "3", "--threads", "1", "--no-extra-cv", "-q"));
    assertEquals(0, run.exit(), run::toString);
    JsonNode r = report(combined);
    assertEquals(List.of("xgboost", "lightgbm"), fieldNames(r.path("models")));
    assertEquals(3, r.path("models").path("xgboost").path("best_params").path("max_depth").asInt());
    assertEquals(other.toString(), r.path("models").path("xgboost").path("params_from").asText());
    assertEquals(report(model).path("models").path("lightgbm").path("best_params"), r.path("models").path("lightgbm").path("best_params"));
    assertEquals(model.toString(), r.path("models").path("lightgbm").path("params_from").asText());
    assertEquals(List.of(other.toString(), model.toString()), texts(r.path("params_from")));

    Path reversed = dir.resolve("reversed");
    run = GfaRun.of(train(reversed, "--model-params", model.toString(), "--model-params", other.toString(),
        "--folds", "3", "--threads", "1", "--no-extra-cv", "-q"));
    assertEquals(0, run.exit(), run::toString);
    assertEquals(modelDepth, report(reversed).path("models").path("xgboost").path("best_params").path("max_depth").asInt());
    assertEquals(model.toString(), report(reversed).path("models").path("xgboost").path("params_from").asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void modelParamsDoNotGoWithABudget() {
    Path out = dir.resolve("both");
    GfaRun run = GfaRun.of(train(out, "--model-params", model.toString(), "--budget", "2"));
    assertEquals(2, run.exit(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().contains("does not go with --budget"), run::toString);
    assertFalse(Files.exists(out));
  }

  @Test
  void anUnknownCvSchemeIsRefused() {
    Path out = dir.resolve("cv");
    GfaRun run = GfaRun.of(quick(out, "--cv", "grouped"));
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains("choose random or leave-system-out"), run::toString);
    assertFalse(Files.exists(out));
  }
}
