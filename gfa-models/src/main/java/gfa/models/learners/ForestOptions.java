package gfa.models.learners;

import java.util.Map;

/**
 * The hyperparameters of {@link RandomForestLearner}, by scikit-learn's names: {@code
 * n_estimators} trees, {@code max_features} descriptors tried per split, {@code max_depth} (root at
 * depth 0), {@code min_samples_split} rows and {@code min_impurity_decrease}.
 */
public record ForestOptions(int nEstimators, int maxFeatures, int maxDepth, int minSamplesSplit, double minImpurityDecrease)
    implements LearnerOptions {

  /** At least one tree, feature and level, splits of at least 2 rows, a finite decrease >= 0. */
  public ForestOptions {
    Hyperparameters.requireAtLeast("rf", "n_estimators", nEstimators, 1);
    Hyperparameters.requireAtLeast("rf", "max_features", maxFeatures, 1);
    Hyperparameters.requireAtLeast("rf", "max_depth", maxDepth, 1);
    Hyperparameters.requireAtLeast("rf", "min_samples_split", minSamplesSplit, 2);
    Hyperparameters.requireFinite("rf", "min_impurity_decrease", minImpurityDecrease);
    Hyperparameters.requireAtLeast("rf", "min_impurity_decrease", minImpurityDecrease, 0);
  }

  /** From values by name; see {@link LearnerOptions#of}. */
  public static ForestOptions of(Map<String, ?> values) {
    Hyperparameters h = Hyperparameters.resolve(Learners.byId("rf"), values);
    return new ForestOptions(h.integer("n_estimators"), h.integer("max_features"), h.integer("max_depth"),
        h.integer("min_samples_split"), h.real("min_impurity_decrease"));
  }

  @Override
  public String learner() {
    return "rf";
  }

  @Override
  public Map<String, Number> values() {
    return Hyperparameters.named("n_estimators", nEstimators, "max_features", maxFeatures, "max_depth", maxDepth,
        "min_samples_split", minSamplesSplit, "min_impurity_decrease", minImpurityDecrease);
  }
}
