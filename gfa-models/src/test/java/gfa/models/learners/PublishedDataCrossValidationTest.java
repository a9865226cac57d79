package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.models.eval.Folds;
import gfa.models.eval.RegressionMetrics;
import gfa.models.training.CrossValidation;
import gfa.models.training.PreparedFolds;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each learner with its defaults on the authors' published data (6398 alloys, 29 descriptors),
 * through the production cross-validation ({@link Folds#shuffled}, {@link PreparedFolds}'s z-scores
 * fitted inside each training part, {@link CrossValidation}): 5 shuffled folds, seed 42. The paper
 * reports test R^2 of 0.79-0.81 for the tuned models on an 80/20 split.
 */
class PublishedDataCrossValidationTest {
  private static final double MIN_R2 = 0.7;
  private static PublishedDataset data;
  private static PreparedFolds folds;

  @BeforeAll
  static void read() throws Exception {
    Optional<Path> file = PublishedDataset.file();
    Assumptions.assumeTrue(file.isPresent(),
        "published dataset not found: set gfa.reference.dir to ../shared/reference (skipping)");
    data = PublishedDataset.read(file.get());
    folds = new PreparedFolds(data.x(), data.y(), Folds.shuffled(data.y().length, 5, 42));
  }

  @ParameterizedTest
  @ValueSource(strings = {"svr", "rf", "xgboost", "lightgbm"})
  void defaultsCrossValidateAboveR2Of07(String id) throws Exception {
    Learner learner = Learners.byId(id);
    long start = System.nanoTime();
    double[] predicted = CrossValidation.outOfFold(learner, learner.defaults(), folds, 42, 2);
    double seconds = (System.nanoTime() - start) / 1e9;
    double r2 = RegressionMetrics.of(data.y(), predicted).r2();
    System.out.printf("%-8s defaults, 5-fold CV on %d alloys: R^2 = %.4f (%.1f s, 2 threads)%n",
        id, data.y().length, r2, seconds);
    assertTrue(r2 > MIN_R2, id + ": cross-validated R^2 " + r2 + " <= " + MIN_R2);
  }
}
