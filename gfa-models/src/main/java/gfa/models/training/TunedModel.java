package gfa.models.training;

import gfa.models.eval.RegressionMetrics;
import gfa.models.learners.LearnerOptions;
import java.util.Map;

/**
 * A learner after its hyperparameter search: the best parameters, the CV metrics they give (mean
 * over folds), the out-of-fold predictions (for fusion and evaluation), and the search's cost.
 */
public record TunedModel(
    String learner,
    Map<String, Object> bestParams,
    RegressionMetrics cv,
    double[] outOfFold,
    int trials,
    String stopReason,
    double seconds) {

  public TunedModel {
    bestParams = Map.copyOf(bestParams);
    outOfFold = outOfFold.clone();
  }

  /** The best parameters as the learner's typed options. */
  public LearnerOptions options() {
    return LearnerOptions.of(learner, bestParams);
  }

  @Override
  public double[] outOfFold() {
    return outOfFold.clone();
  }
}
