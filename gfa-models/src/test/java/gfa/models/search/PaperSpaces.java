package gfa.models.search;

import gfa.models.search.Parameter.QUniform;
import java.util.ArrayList;
import java.util.List;

/** The search spaces of docs/method.md §4, as test data for the grid and the search. */
final class PaperSpaces {
  private PaperSpaces() {}

  static SearchSpace svr() {
    return SearchSpace.of(new QUniform("C", 1, 50, 1), new QUniform("gamma", 0.1, 0.45, 0.005),
        new QUniform("epsilon", 0, 0.2, 0.002));
  }

  static SearchSpace randomForest() {
    return SearchSpace.of(new QUniform("n_estimators", 50, 550, 5), new QUniform("max_features", 3, 29, 1),
        new QUniform("max_depth", 8, 55, 1), new QUniform("min_samples_split", 2, 10, 1),
        new QUniform("min_impurity_decrease", 0, 5, 0.1));
  }

  static SearchSpace xgboost() {
    return SearchSpace.of(new QUniform("n_estimators", 150, 450, 3), new QUniform("learning_rate", 0.05, 0.3, 0.002),
        new QUniform("colsample_bytree", 0.3, 1, 0.1), new QUniform("colsample_bynode", 0.1, 1, 0.1),
        new QUniform("gamma", 0, 15, 0.2), new QUniform("reg_lambda", 0, 25, 0.5),
        new QUniform("min_child_weight", 0, 50, 0.5), new QUniform("max_depth", 5, 45, 1),
        new QUniform("subsample", 0.5, 1, 0.1));
  }

  static SearchSpace lightgbm() {
    return SearchSpace.of(new QUniform("n_estimators", 100, 800, 5), new QUniform("num_leaves", 10, 400, 5),
        new QUniform("learning_rate", 0.1, 0.5, 0.02), new QUniform("min_child_samples", 1, 40, 1),
        new QUniform("reg_alpha", 0, 10, 0.5), new QUniform("reg_lambda", 0, 100, 2),
        new QUniform("subsample", 0.5, 1, 0.1));
  }

  static SearchSpace fusion() {
    return SearchSpace.of(new QUniform("x1", 0, 1, 0.01), new QUniform("x2", 0, 1, 0.01),
        new QUniform("x3", 0, 1, 0.01), new QUniform("x4", 0, 1, 0.01));
  }

  static List<SearchSpace> all() {
    return List.of(svr(), randomForest(), xgboost(), lightgbm(), fusion());
  }

  static List<QUniform> allQuantised() {
    List<QUniform> qs = new ArrayList<>();
    for (SearchSpace s : all()) {
      for (Parameter p : s.parameters()) {
        qs.add((QUniform) p);
      }
    }
    return qs;
  }
}
