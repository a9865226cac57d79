package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import gfa.models.learners.LearnerOptions;
import gfa.models.learners.Learners;
import gfa.models.learners.LightgbmOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing learners out of reused parameters, and the defaults used when nothing is reused. */
class ModelParamsChoiceTest {
  static ModelParams tuned() {
    return ModelParams.of(
        Map.of("svr", Map.of("C", 23.0), "rf", Map.of(), "lightgbm", Map.of("num_leaves", 115.0)),
        Map.of("svr", 0.51, "rf", 0.0, "lightgbm", 0.86));
  }

  @Test
  void defaultsAreTheLearnersOwnWithEqualWeights() {
    ModelParams d = ModelParams.defaults(List.of("svr", "xgboost"));
    assertEquals(List.of("svr", "xgboost"), d.learners());
    assertEquals(10.0, d.params().get("svr").get("C"));
    assertEquals(((Number) Learners.byId("xgboost").defaults().get("max_depth")).intValue(), d.params().get("xgboost").get("max_depth"));
    assertEquals(LearnerOptions.defaults("xgboost"), d.options().get("xgboost"));
    assertEquals(1.0, d.weights().get("svr"));
    assertEquals(1.0, d.weights().get("xgboost"));
  }

  @Test
  void restrictsToTheChosenLearnersKeepingTheirParametersAndWeights() {
    ModelParams lgbm = tuned().restrictTo(List.of("lightgbm"));
    assertEquals(List.of("lightgbm"), lgbm.learners());
    assertEquals(115, lgbm.params().get("lightgbm").get("num_leaves"));
    assertEquals(115, ((LightgbmOptions) lgbm.options().get("lightgbm")).numLeaves());
    assertEquals(0.86, lgbm.weights().get("lightgbm"));
    var unknown = assertThrows(GfaInputException.class, () -> tuned().restrictTo(List.of("xgboost")));
    assertTrue(unknown.getMessage().contains("xgboost"), unknown.getMessage());
    var zero = assertThrows(GfaInputException.class, () -> tuned().restrictTo(List.of("rf")));
    assertTrue(zero.getMessage().contains("all zero"), zero.getMessage());
  }

  @Test
  void aTrainingThatTunesTheWeightsAgainMayChooseALearnerOfWeightZero() {
    ModelParams rf = tuned().choose(List.of("rf"));
    assertEquals(List.of("rf"), rf.learners());
    assertEquals(0.0, rf.weights().get("rf"));
    var unknown = assertThrows(GfaInputException.class, () -> tuned().choose(List.of("xgboost")));
    assertTrue(unknown.getMessage().contains("xgboost"), unknown.getMessage());
  }

  @Test
  void dropsTheLearnersThatDoNotCountInTheFusion() {
    ModelParams p = tuned();
    List<String> expected = p.learners().stream().filter(id -> !id.equals("rf")).toList();
    assertEquals(expected, p.withoutZeroWeights().learners());
    ModelParams allZero = ModelParams.of(Map.of("svr", Map.of()), Map.of("svr", 0.0));
    assertThrows(GfaInputException.class, allZero::withoutZeroWeights);
  }
}
