package gfa.models.learners;

import java.util.List;

/** The four learners of the paper, in its order: SVR, random forest, XGBoost, LightGBM. */
public final class Learners {
  private static final List<Learner> ALL =
      List.of(new SvrLearner(), new RandomForestLearner(), new XgboostLearner(), new LightgbmLearner());

  private Learners() {}

  /** All four, in the paper's order. */
  public static List<Learner> all() {
    return ALL;
  }

  /** The learner called {@code id} ({@code svr}, {@code rf}, {@code xgboost}, {@code lightgbm}). */
  public static Learner byId(String id) {
    for (Learner learner : ALL) {
      if (learner.id().equals(id)) {
        return learner;
      }
    }
    throw new IllegalArgumentException("unknown learner '" + id + "'; known: "
        + ALL.stream().map(Learner::id).toList());
  }
}
