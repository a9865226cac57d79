package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.models.eval.Folds;
import gfa.models.eval.Standardizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * gfa's forest against two references on 1,500 of the published alloys (5-fold CV, seed 42 folds,
 * z-scored inside each training part): Smile's exact forest with scikit-learn's stopping rules cut
 * in ({@link SmileForest}, gfa's forest before), and scikit-learn 1.2.1 itself, measured once with
 * bench-like code on the same rows and folds. All are the same model grown from other random
 * draws; over forest seeds 1-5 at the defaults the CV RMSE was: scikit-learn 1.104-1.129 (mean
 * 1.1185), gfa 1.116-1.135 (mean 1.1256), Smile 1.136-1.149 (mean 1.142). Allowed: 4% from Smile,
 * 2% from scikit-learn's mean. A forest that mishandled bootstrap weights, thresholds or a stopping
 * rule misses by more (a forest of max_depth 4 is 15% worse here).
 */
class ForestAgainstSmileTest {
  private static final double TOLERANCE = 0.04;
  /** scikit-learn's RandomForestRegressor at the defaults on these rows and folds, mean over random_state 1-5. */
  private static final double SKLEARN_DEFAULTS_RMSE = 1.1185;
  private static final double SKLEARN_TOLERANCE = 0.02;
  private static double[][] x;
  private static double[] y;

  @BeforeAll
  static void read() throws Exception {
    Optional<Path> file = PublishedDataset.file();
    Assumptions.assumeTrue(file.isPresent(),
        "published dataset not found: set gfa.reference.dir to ../shared/reference (skipping)");
    PublishedDataset data = PublishedDataset.read(file.get());
    int[] rows = new SplittableRandom(5).ints(0, data.y().length).distinct().limit(1500).toArray();
    x = Arrays.stream(rows).mapToObj(i -> data.x()[i]).toArray(double[][]::new);
    y = Arrays.stream(rows).mapToDouble(i -> data.y()[i]).toArray();
  }

  @Test
  void cvErrorMatchesSmilesExactForestAndScikitLearnsAtTheDefaults() {
    double gfa = compare(Map.of());
    assertTrue(Math.abs(gfa / SKLEARN_DEFAULTS_RMSE - 1) < SKLEARN_TOLERANCE,
        "gfa " + gfa + " against scikit-learn's " + SKLEARN_DEFAULTS_RMSE);
  }

  @Test
  void cvErrorMatchesSmilesExactForestWithEveryRuleActive() {
    compare(Map.of("max_features", 10.0, "max_depth", 12.0, "min_samples_split", 6.0, "min_impurity_decrease", 0.1));
  }

  private static double compare(Map<String, Object> changes) {
    Map<String, Object> params = new java.util.HashMap<>(new RandomForestLearner().defaults());
    params.putAll(changes);
    double gfa = cvRmse(params, false);
    double smile = cvRmse(params, true);
    System.out.printf("rf %s: 5-fold CV RMSE gfa %.4f, Smile %.4f mm%n", changes, gfa, smile);
    assertTrue(Math.abs(gfa / smile - 1) < TOLERANCE, "gfa " + gfa + " against Smile " + smile);
    return gfa;
  }

  private static double cvRmse(Map<String, Object> params, boolean smile) {
    Folds folds = Folds.shuffled(y.length, 5, 42);
    double sse = 0;
    for (int fold = 0; fold < folds.count(); fold++) {
      int[] train = folds.training(fold);
      Standardizer scaler = Standardizer.fit(x, train);
      double[][] tx = scaler.transform(x, train);
      double[] ty = Arrays.stream(train).mapToDouble(i -> y[i]).toArray();
      DecisionForest forest = smile
          ? DecisionForest.of(tx[0].length, SmileForest.grow(tx, ty, params, 42, 2).roots())
          : ForestGrower.grow(RankedDescriptors.of(tx, ty), ForestOptions.of(params), 42, 2);
      int[] validation = folds.validation(fold);
      double[][] vx = scaler.transform(x, validation);
      for (int i = 0; i < validation.length; i++) {
        double d = forest.predict(vx[i]) - y[validation[i]];
        sse += d * d;
      }
    }
    return Math.sqrt(sse / y.length);
  }
}
