package gfa.models.training;

import gfa.models.eval.RegressionMetrics;
import gfa.models.learners.LearnerOptions;
import java.util.Map;

/**
 * A learner after its hyperparameter search: the best parameters, the CV metrics they give (mean
 * over folds), the out-of-fold predictions (for fusion and evaluation), the search's cost, and its
 * trials ({@code history}; empty for fixed parameters).
 */
public record TunedModel(
    String learner,
    Map<String, Object> bestParams,
    RegressionMetrics cv,
    double[] outOfFold,
    int trials,
    String stopReason,
    double seconds,
    java.util.List<SearchTrial> history) {

  /** A model not searched (fixed parameters): no trial history. */
  public TunedModel(
      String learner, Map<String, Object> bestParams, RegressionMetrics cv, double[] outOfFold, int trials,
      String stopReason, double seconds) {
    this(learner, bestParams, cv, outOfFold, trials, stopReason, seconds, java.util.List.of());
  }

  public TunedModel {
    bestParams = Map.copyOf(bestParams);
    outOfFold = outOfFold.clone();
    history = java.util.List.copyOf(history);
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
