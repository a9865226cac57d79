package gfa.models.learners;

import java.util.Map;

/**
 * The hyperparameters of {@link LightgbmLearner}, by the names of LightGBM's scikit-learn API
 * ({@code LGBMRegressor}).
 */
public record LightgbmOptions(
    int nEstimators, int numLeaves, double learningRate, int minChildSamples, double regAlpha, double regLambda,
    double subsample) implements LearnerOptions {

  /** At least one round and two leaves, {@code min_child_samples >= 0}, the reals finite. */
  public LightgbmOptions {
    Hyperparameters.requireAtLeast("lightgbm", "n_estimators", nEstimators, 1);
    Hyperparameters.requireAtLeast("lightgbm", "num_leaves", numLeaves, 2);
    Hyperparameters.requireFinite("lightgbm", "learning_rate", learningRate);
    Hyperparameters.requireAtLeast("lightgbm", "min_child_samples", minChildSamples, 0);
    Hyperparameters.requireFinite("lightgbm", "reg_alpha", regAlpha);
    Hyperparameters.requireFinite("lightgbm", "reg_lambda", regLambda);
    Hyperparameters.requireFinite("lightgbm", "subsample", subsample);
  }

  /** From values by name; see {@link LearnerOptions#of}. */
  public static LightgbmOptions of(Map<String, ?> values) {
    Hyperparameters h = Hyperparameters.resolve(Learners.byId("lightgbm"), values);
    return new LightgbmOptions(h.integer("n_estimators"), h.integer("num_leaves"), h.real("learning_rate"),
        h.integer("min_child_samples"), h.real("reg_alpha"), h.real("reg_lambda"), h.real("subsample"));
  }

  @Override
  public String learner() {
    return "lightgbm";
  }

  @Override
  public Map<String, Number> values() {
    return Hyperparameters.named("n_estimators", nEstimators, "num_leaves", numLeaves, "learning_rate", learningRate,
        "min_child_samples", minChildSamples, "reg_alpha", regAlpha, "reg_lambda", regLambda, "subsample", subsample);
  }
}
