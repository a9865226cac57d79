package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.models.eval.Folds;
import gfa.models.eval.RegressionMetrics;
import gfa.models.eval.Standardizer;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.Learners;
import gfa.models.learners.ParamSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production cross-validation ({@link Folds}, {@link PreparedFolds}, {@link CrossValidation}):
 * each row is predicted by a model fitted on the other folds' rows only, on descriptors scaled with
 * those rows' z-scores, whatever the number of threads.
 */
class CrossValidationTest {

  /**
   * A learner whose prediction for a row shows what it was given: the mean of its training targets
   * plus the row's first (standardised) descriptor.
   */
  private static final class Probe implements Learner {
    @Override
    public String id() {
      return "probe";
    }

    @Override
    public ParamSpace space() {
      return ParamSpace.of();
    }

    @Override
    public Map<String, Object> defaults() {
      return Map.of();
    }

    @Override
    public FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
      double mean = java.util.Arrays.stream(y).average().orElseThrow();
      return new FittedModel() {
        @Override
        public double[] predict(double[][] rows) {
          return java.util.Arrays.stream(rows).mapToDouble(row -> mean + row[0]).toArray();
        }

        @Override
        public void save(Path file) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public FittedModel load(Path file) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void eachRowIsPredictedFromTheOtherFoldsScaledByThemAlone() throws Exception {
    GeneralisationTest.Data d = GeneralisationTest.systems(5);
    Folds folds = Folds.shuffled(d.y().length, 4, 11);
    double[] predicted = CrossValidation.outOfFold(new Probe(), Map.of(), new PreparedFolds(d.x(), d.y(), folds), 3, 2);

    int covered = 0;
    for (int f = 0; f < folds.count(); f++) {
      int[] train = folds.training(f);
      double trainMean = 0;
      for (int i : train) {
        trainMean += d.y()[i];
      }
      trainMean /= train.length;
      Standardizer scaler = Standardizer.fit(d.x(), train);
      for (int i : folds.validation(f)) {
        double expected = trainMean + scaler.transformRow(d.x()[i])[0];
        assertEquals(expected, predicted[i], 1e-9, "row " + i + " of fold " + f);
        covered++;
      }
    }
    assertEquals(d.y().length, covered, "every row is in exactly one validation fold");
    // the probe would see a different mean and scaling had all rows been used
    Standardizer all = Standardizer.fit(d.x(), null);
    double allMean = java.util.Arrays.stream(d.y()).average().orElseThrow();
    assertTrue(Math.abs(predicted[0] - (allMean + all.transformRow(d.x()[0])[0])) > 1e-6,
        "row 0 predicted as if fitted on every row");
  }

  @Test
  void aRealLearnerLearnsAndTheThreadsDoNotChangeItsPredictions() throws Exception {
    GeneralisationTest.Data d = GeneralisationTest.systems(6);
    PreparedFolds folds = new PreparedFolds(d.x(), d.y(), Folds.shuffled(d.y().length, 5, 42));
    Learner xgboost = Learners.byId("xgboost");
    double[] one = CrossValidation.outOfFold(xgboost, xgboost.defaults(), folds, 42, 1);
    double[] three = CrossValidation.outOfFold(xgboost, xgboost.defaults(), folds, 42, 3);
    assertArrayEquals(one, three, 0.0, "out-of-fold predictions depend on the thread count");

    double[] seconds = new double[2];
    Learner rf = Learners.byId("rf");
    List<double[]> both = CrossValidation.outOfFold(
        List.of(xgboost, rf), List.of(xgboost.defaults(), rf.defaults()), folds, 42, 2, seconds);
    assertArrayEquals(one, both.get(0), 0.0, "the shared pool gives each learner its own predictions");
    assertArrayEquals(CrossValidation.outOfFold(rf, rf.defaults(), folds, 42, 1), both.get(1), 0.0);
    assertTrue(seconds[0] > 0 && seconds[1] > 0, "fit seconds are reported per learner");

    // random folds see every system in training, so its level is learnt (GeneralisationTest's data)
    double r2 = RegressionMetrics.of(d.y(), one).r2();
    assertTrue(r2 > 0.8, "out-of-fold R^2 " + r2); // 0.85 here; a learner that learnt nothing scores about 0
  }
}
