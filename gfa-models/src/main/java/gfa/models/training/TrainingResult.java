package gfa.models.training;

import gfa.models.eval.ClassificationMetrics;
import gfa.models.eval.RegressionMetrics;
import java.util.List;
import java.util.Map;

/**
 * What a training run found: per-learner searches, the fusion, its evaluation, and the final
 * models; {@code secondOpinion} is the learners' cross-validation on other folds when the run made
 * it beside its searches, else null.
 */
public record TrainingResult(
    int rows,
    int folds,
    long seed,
    String foldKind,
    List<TunedModel> models,
    Map<String, Double> weights,
    RegressionMetrics fusion,
    RegressionMetrics fusionEqual,
    double[] fusedOutOfFold,
    ClassificationMetrics classification,
    double fusionSeconds,
    Ensemble ensemble,
    SecondOpinion secondOpinion) {

  /** The tuned model of a learner. */
  public TunedModel model(String learner) {
    return models.stream().filter(m -> m.learner().equals(learner)).findFirst().orElseThrow();
  }
}
