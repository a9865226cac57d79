package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XGBoost and LightGBM: scikit-learn's parameter names mapped onto the native libraries. */
class BoostingLearnersTest {
  private static final SyntheticRegression DATA = SyntheticRegression.generate(7);

  private static double[] predict(Learner learner, Map<String, Object> changes) {
    Map<String, Object> params = new HashMap<>(learner.defaults());
    params.putAll(changes);
    try (FittedModel model = learner.fit(DATA.trainX(), DATA.trainY(), params, 23, 2)) {
      return model.predict(DATA.testX());
    }
  }

  @Test
  void xgboostGetsItsOwnParameterNames() {
    Learner xgboost = new XgboostLearner();
    Map<String, Object> given = new HashMap<>(xgboost.defaults());
    given.put("learning_rate", 0.05);
    given.put("reg_lambda", 2.5);
    Map<String, Object> params = XgboostLearner.boosterParams(XgboostOptions.of(given), 42, 3);
    assertEquals(0.05, params.get("eta"));
    assertEquals(2.5, params.get("lambda"));
    assertEquals(6, params.get("max_depth"));
    assertEquals("reg:squarederror", params.get("objective"));
    assertEquals("hist", params.get("tree_method"));
    assertEquals(42, params.get("seed"));
    assertEquals(3, params.get("nthread"));
    assertEquals(128, params.get("max_bin"));
    assertFalse(params.containsKey("learning_rate"));
  }

  @Test
  void xgboostSubsampleTakesEffect() {
    Learner xgboost = new XgboostLearner();
    assertFalse(Arrays.equals(predict(xgboost, Map.of("subsample", 1.0)), predict(xgboost, Map.of("subsample", 0.5))));
  }

  @Test
  void lightgbmGetsItsOwnParameterNames() {
    Learner lightgbm = new LightgbmLearner();
    Map<String, Object> given = new HashMap<>(lightgbm.defaults());
    given.put("min_child_samples", 7.0);
    given.put("reg_alpha", 1.5);
    given.put("reg_lambda", 4.0);
    given.put("subsample", 0.6);
    List<String> params = List.of(LightgbmLearner.lightgbmParams(LightgbmOptions.of(given), 5, 2).split(" "));
    assertTrue(params.containsAll(List.of("objective=regression", "num_leaves=30", "learning_rate=0.1",
        "min_data_in_leaf=7", "lambda_l1=1.5", "lambda_l2=4.0", "bagging_fraction=0.6", "bagging_freq=0",
        "num_threads=2", "seed=5", "deterministic=true", "force_row_wise=true", "max_bin=127")), params.toString());
  }

  @Test
  void lightgbmKeepsOneDatasetPerFoldWhateverItsMinimumLeafSizeAndFitsAsOnAFreshOne() {
    Learner lightgbm = new LightgbmLearner();
    double[][] x = DATA.trainX().clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i].clone();
      x[i][0] = i < 3 ? 1 : 0; // a descriptor too rare to split at 20 rows a leaf (pre-filter fodder)
    }
    try (TrainingSet shared = new TrainingSet(x, DATA.trainY())) {
      for (double leaf : new double[] {2, 20, 7, 2}) {
        Map<String, Object> params = new HashMap<>(lightgbm.defaults());
        params.put("min_child_samples", leaf);
        try (FittedModel reused = lightgbm.fit(shared, params, 23, 1);
            FittedModel fresh = lightgbm.fit(x, DATA.trainY(), params, 23, 1)) {
          assertArrayEquals(fresh.predict(DATA.testX()), reused.predict(DATA.testX()), "min_child_samples " + leaf);
        }
      }
      assertEquals(1, shared.cachedCount(), "one binned Dataset for the four fits");
    }
  }

  @Test
  void lightgbmSubsampleIsInertAsInThePaper() {
    // scikit-learn's LGBMRegressor bags only when subsample_freq > 0; the paper left it at 0.
    Learner lightgbm = new LightgbmLearner();
    assertArrayEquals(predict(lightgbm, Map.of("subsample", 1.0)), predict(lightgbm, Map.of("subsample", 0.5)));
  }

  @Test
  void nativeSeedsAreTheSeedWhereTheyFit() {
    assertEquals(42, Seeds.nativeSeed(42));
    assertEquals(0, Seeds.nativeSeed(0));
    int folded = Seeds.nativeSeed(-1);
    assertTrue(folded >= 0);
    assertTrue(Seeds.nativeSeed(Long.MAX_VALUE) >= 0);
  }

  /**
   * 3000 rows whose first descriptor takes 3000 values and decides the target, fitted by deep
   * trees: the split points a booster uses on it are bounded by its histogram bins, so more than
   * 128 (XGBoost) or 127 (LightGBM) would mean the libraries' default 256/255 bins.
   */
  private static double[][] manyValues(double[] y) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    double[][] x = new double[y.length][];
    for (int i = 0; i < y.length; i++) {
      double v = random.nextDouble();
      x[i] = new double[] {v, random.nextDouble()};
      y[i] = Math.sin(40 * v) + 3 * v;
    }
    return x;
  }

  /** {@link #manyValues} fitted by {@code learner} with {@code changes} to its defaults, saved to {@code file}. */
  private static Path fittedOnManyValues(Learner learner, Map<String, Object> changes, Path file) throws Exception {
    double[] y = new double[3000];
    double[][] x = manyValues(y);
    Map<String, Object> params = new HashMap<>(learner.defaults());
    params.putAll(changes);
    try (FittedModel model = learner.fit(x, y, params, 3, 1)) {
      model.save(file);
    }
    return file;
  }

  @Test
  void xgboostSplitsOnAtMost128BinsOfADescriptor(@TempDir Path dir) throws Exception {
    Path file = fittedOnManyValues(new XgboostLearner(),
        Map.of("max_depth", 12.0, "n_estimators", 300.0, "learning_rate", 0.3, "min_child_weight", 0.0), dir.resolve("m.ubj"));
    long points = XgboostTrees.parse(Files.readAllBytes(file)).splitPoints(0);
    assertTrue(points > 64 && points <= XgboostLearner.MAX_BIN, points + " split points");
  }

  @Test
  void lightgbmSplitsOnAtMost127BinsOfADescriptor(@TempDir Path dir) throws Exception {
    Path file = fittedOnManyValues(new LightgbmLearner(),
        Map.of("num_leaves", 400.0, "n_estimators", 300.0, "learning_rate", 0.3, "min_child_samples", 2.0), dir.resolve("m.txt"));
    long points = LightgbmTrees.parse(Files.readString(file)).splitPoints(0);
    assertTrue(points > 64 && points <= LightgbmLearner.MAX_BIN, points + " split points");
  }
}
