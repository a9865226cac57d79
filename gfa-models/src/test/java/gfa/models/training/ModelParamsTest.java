package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import gfa.models.eval.Folds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.models.learners.Learners;
import gfa.models.learners.LightgbmOptions;
import gfa.models.learners.QRange;
import gfa.models.search.Budget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reusing a search's parameters: the same models without searching, on the same or other rows. */
class ModelParamsTest {
  @TempDir Path tmp;

  @Test
  void reusedParametersReproduceTheTunedModelsExactly() throws Exception {
    double[][] x = TrainingRunTest.features(120, 21);
    double[] y = TrainingRunTest.target(x, 21);
    TrainingOptions options =
        new TrainingOptions(3, 5, 2, Budget.trials(3), Budget.trials(30), List.of("xgboost", "svr"));
    TrainingResult tuned = TrainingRun.run(TrainingRunTest.COLUMNS, x, y, options, TrainingListener.NONE);
    ModelParams params = ModelParams.of(tuned);
    assertEquals(List.of("xgboost", "svr"), params.learners());

    Folds folds = Folds.shuffled(x.length, 3, 5);
    TrainingResult again =
        TrainingRun.runWithParams(TrainingRunTest.COLUMNS, x, y, folds, options, params, TrainingListener.NONE);
    double[][] probe = TrainingRunTest.features(15, 77);
    try (Ensemble a = tuned.ensemble(); Ensemble b = again.ensemble();
        Ensemble c = TrainingRun.refit(TrainingRunTest.COLUMNS, x, y, params, 5, 2)) {
      for (String id : params.learners()) {
        assertArrayEquals(tuned.model(id).outOfFold(), again.model(id).outOfFold(), 0.0, id);
        assertEquals(0, again.model(id).trials());
        assertEquals("fixed", again.model(id).stopReason());
      }
      double[][] pa = a.predict(probe);
      double[][] pc = c.predict(probe);
      for (int m = 0; m < pa.length; m++) {
        assertArrayEquals(pa[m], pc[m], 1e-12, "model " + m + " refitted with the same parameters and weights");
      }
    }
  }

  @Test
  void parametersRoundTripThroughAModelDirectory() throws Exception {
    double[][] x = TrainingRunTest.features(90, 4);
    double[] y = TrainingRunTest.target(x, 4);
    TrainingOptions options =
        new TrainingOptions(3, 9, 2, Budget.trials(2), Budget.trials(20), List.of("lightgbm", "rf"));
    TrainingResult r = TrainingRun.run(TrainingRunTest.COLUMNS, x, y, options, TrainingListener.NONE);
    Path dir = tmp.resolve("model");
    ModelStore.save(dir, false, r, options, TrainingRunTest.provenance());
    r.ensemble().close();
    ModelParams read = ModelParams.read(dir);
    ModelParams direct = ModelParams.of(r);
    assertEquals(direct.learners(), read.learners());
    // the typed options read back are the very records written (every double exact)
    assertEquals(direct.options(), read.options());
    assertEquals(direct.weights(), read.weights());
    assertTrue(read.options().get("lightgbm") instanceof LightgbmOptions l && l.numLeaves() >= 10, read.toString());
    // no whole number is stored as a double, no real one as an integer
    JsonNode models = new ObjectMapper().readTree(dir.resolve(ModelStore.MANIFEST).toFile()).path("models");
    for (String id : read.learners()) {
      for (QRange range : Learners.byId(id).space().ranges()) {
        JsonNode v = models.path(id).path("params").path(range.name());
        assertTrue(range.integer() ? v.isInt() : v.isDouble(), id + " " + range.name() + " = " + v);
      }
    }
  }

  @Test
  void aBrokenManifestIsAnInputError() throws Exception {
    assertThrows(GfaInputException.class, () -> ModelParams.read(tmp.resolve("absent")));
    Path dir = Files.createDirectory(tmp.resolve("broken"));
    Files.writeString(dir.resolve(ModelStore.MANIFEST), "{\"format\":\"gfa-model/1\",\"models\":{\"svr\":{\"params\":{}}}}");
    GfaInputException e = assertThrows(GfaInputException.class, () -> ModelParams.read(dir));
    assertTrue(e.getMessage().contains("svr has no number for 'C'"), e.getMessage());
  }

  @Test
  void combinedSetsTakeEachLearnerFromTheFirstSetThatHasItInFusionOrder() {
    ModelParams boosters = ModelParams.of(
        Map.of("lightgbm", Map.of("num_leaves", 20.0), "xgboost", Map.of("max_depth", 9.0)), Map.of("lightgbm", 0.5, "xgboost", 0.25));
    ModelParams all = ModelParams.defaults(List.of("xgboost", "svr", "rf", "lightgbm"));
    ModelParams combined = ModelParams.combine(List.of(boosters, all));
    assertEquals(List.of("svr", "rf", "xgboost", "lightgbm"), combined.learners());
    assertEquals(9, combined.params().get("xgboost").get("max_depth"));
    assertEquals(20, combined.params().get("lightgbm").get("num_leaves"));
    assertEquals(all.params().get("svr"), combined.params().get("svr"));
    assertArrayEquals(new double[] {1.0, 1.0, 0.25, 0.5}, combined.weightsInOrder());
    // the other way round, the defaults win everywhere
    ModelParams reversed = ModelParams.combine(List.of(all, boosters));
    assertEquals(all.params().get("xgboost"), reversed.params().get("xgboost"));
    assertEquals(List.of("svr", "rf", "xgboost", "lightgbm"), reversed.learners());
  }
}
