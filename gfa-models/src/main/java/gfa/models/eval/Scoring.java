package gfa.models.eval;

/**
 * The one scoring convention of gfa: a score is higher-is-better and named as scikit-learn names
 * it. The learners are tuned on {@link #NEG_RMSE}, the fusion weights on {@link #R2}; the TPE
 * search minimises, so it is handed the score negated ({@link #loss}) and every report and progress
 * line turns the loss back into the score ({@link #score(double)}) under the scoring's name.
 */
public enum Scoring {
  /** Minus the mean over folds of each fold's RMSE (mm). */
  NEG_RMSE("neg_rmse") {
    @Override
    public double of(RegressionMetrics m) {
      return -m.rmse();
    }
  },
  /** The mean over folds of each fold's R². */
  R2("r2") {
    @Override
    public double of(RegressionMetrics m) {
      return m.r2();
    }
  };

  private final String id;

  Scoring(String id) {
    this.id = id;
  }

  /** The name reports use: {@code neg_rmse}, {@code r2}. */
  public String id() {
    return id;
  }

  /** The score of fold-averaged metrics. */
  public abstract double of(RegressionMetrics m);

  /** The score of out-of-fold predictions, averaged over {@code folds}. */
  public double of(double[] observed, double[] predicted, Folds folds) {
    return of(RegressionMetrics.meanOverFolds(observed, predicted, folds));
  }

  /** What the minimising search is given: the score negated (exactly: negation is exact). */
  public double loss(double score) {
    return -score;
  }

  /** The score a search's loss stands for. */
  public double score(double loss) {
    return -loss;
  }
}
