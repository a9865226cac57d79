package gfa.models.learners;

import java.util.Map;

/**
 * The hyperparameters of {@link XgboostLearner}, by the names of XGBoost's scikit-learn API
 * ({@code XGBRegressor}). Beyond finiteness and at least one boosting round, XGBoost checks its
 * own parameters when it fits.
 */
public record XgboostOptions(
    int nEstimators, double learningRate, double colsampleBytree, double colsampleBynode, double gamma, double regLambda,
    double minChildWeight, int maxDepth, double subsample) implements LearnerOptions {

  public XgboostOptions {
    Hyperparameters.requireAtLeast("xgboost", "n_estimators", nEstimators, 1);
    Hyperparameters.requireFinite("xgboost", "learning_rate", learningRate);
    Hyperparameters.requireFinite("xgboost", "colsample_bytree", colsampleBytree);
    Hyperparameters.requireFinite("xgboost", "colsample_bynode", colsampleBynode);
    Hyperparameters.requireFinite("xgboost", "gamma", gamma);
    Hyperparameters.requireFinite("xgboost", "reg_lambda", regLambda);
    Hyperparameters.requireFinite("xgboost", "min_child_weight", minChildWeight);
    Hyperparameters.requireFinite("xgboost", "subsample", subsample);
  }

  /** From values by name; see {@link LearnerOptions#of}. */
  public static XgboostOptions of(Map<String, ?> values) {
    Hyperparameters h = Hyperparameters.resolve(Learners.byId("xgboost"), values);
    return new XgboostOptions(h.integer("n_estimators"), h.real("learning_rate"), h.real("colsample_bytree"),
        h.real("colsample_bynode"), h.real("gamma"), h.real("reg_lambda"), h.real("min_child_weight"), h.integer("max_depth"),
        h.real("subsample"));
  }

  @Override
  public String learner() {
    return "xgboost";
  }

  @Override
  public Map<String, Number> values() {
    return Hyperparameters.named("n_estimators", nEstimators, "learning_rate", learningRate,
        "colsample_bytree", colsampleBytree, "colsample_bynode", colsampleBynode, "gamma", gamma, "reg_lambda", regLambda,
        "min_child_weight", minChildWeight, "max_depth", maxDepth, "subsample", subsample);
  }
}
