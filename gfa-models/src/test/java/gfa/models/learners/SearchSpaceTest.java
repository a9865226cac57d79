package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declared search spaces are docs/method.md §4's table, range by range, in the paper's order. */
class SearchSpaceTest {
  private static QRange real(String name, double low, double high, double step) {
    return new QRange(name, low, high, step, false);
  }

  private static QRange integer(String name, double low, double high, double step) {
    return new QRange(name, low, high, step, true);
  }

  @Test
  void svrSpaceIsMethodSection4() {
    assertEquals(List.of(
        real("C", 1, 50, 1),
        real("gamma", 0.1, 0.45, 0.005),
        real("epsilon", 0, 0.2, 0.002)), new SvrLearner().space().ranges());
  }

  @Test
  void randomForestSpaceIsMethodSection4() {
    assertEquals(List.of(
        integer("n_estimators", 50, 550, 5),
        integer("max_features", 3, 29, 1),
        integer("max_depth", 8, 55, 1),
        integer("min_samples_split", 2, 10, 1),
        real("min_impurity_decrease", 0, 5, 0.1)), new RandomForestLearner().space().ranges());
  }

  @Test
  void xgboostSpaceIsMethodSection4() {
    assertEquals(List.of(
        integer("n_estimators", 150, 450, 3),
        real("learning_rate", 0.05, 0.3, 0.002),
        real("colsample_bytree", 0.3, 1, 0.1),
        real("colsample_bynode", 0.1, 1, 0.1),
        real("gamma", 0, 15, 0.2),
        real("reg_lambda", 0, 25, 0.5),
        real("min_child_weight", 0, 50, 0.5),
        integer("max_depth", 5, 45, 1),
        real("subsample", 0.5, 1, 0.1)), new XgboostLearner().space().ranges());
  }

  @Test
  void lightgbmSpaceIsMethodSection4() {
    assertEquals(List.of(
        integer("n_estimators", 100, 800, 5),
        integer("num_leaves", 10, 400, 5),
        real("learning_rate", 0.1, 0.5, 0.02),
        integer("min_child_samples", 1, 40, 1),
        real("reg_alpha", 0, 10, 0.5),
        real("reg_lambda", 0, 100, 2),
        real("subsample", 0.5, 1, 0.1)), new LightgbmLearner().space().ranges());
  }

  @Test
  void learnersAreListedInThePapersOrder() {
    assertEquals(List.of("svr", "rf", "xgboost", "lightgbm"), Learners.all().stream().map(Learner::id).toList());
    assertEquals("rf", Learners.byId("rf").id());
    assertThrows(IllegalArgumentException.class, () -> Learners.byId("gbm"));
  }

  @Test
  void gridMembershipToleratesRoundingOnly() {
    QRange gamma = real("gamma", 0.1, 0.45, 0.005);
    assertEquals(71, gamma.size());
    assertTrue(gamma.contains(0.105));
    assertTrue(gamma.contains(0.1 + 3 * 0.005)); // 0.11499999999999999
    assertTrue(gamma.contains(0.45));
    assertFalse(gamma.contains(0.1025));
    assertFalse(gamma.contains(0.455));
    assertEquals(101, integer("n_estimators", 50, 550, 5).size());
    assertEquals(6, real("subsample", 0.5, 1, 0.1).size());
  }

  @Test
  void aPointNeedsEveryNameAndNoOther() {
    ParamSpace space = new SvrLearner().space();
    assertTrue(space.contains(Map.of("C", 3.0, "gamma", 0.2, "epsilon", 0.0)));
    assertFalse(space.contains(Map.of("C", 3.0, "gamma", 0.2)));
    assertFalse(space.contains(Map.of("C", 3.0, "gamma", 0.2, "epsilon", 0.0, "tol", 0.001)));
    assertFalse(space.contains(Map.of("C", 3.5, "gamma", 0.2, "epsilon", 0.0)));
  }

  @Test
  void malformedRangesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> real("x", 1, 1, 0.1));
    assertThrows(IllegalArgumentException.class, () -> real("x", 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> integer("x", 0, 1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> ParamSpace.of(real("x", 0, 1, 0.1), real("x", 0, 2, 0.1)));
  }
}
