package gfa.models.search;

/**
 * When a trial may be abandoned before all its cross-validation folds are fitted: the folds are
 * scored in order, and once at least {@code minFolds} of them are in, a trial whose mean fold RMSE
 * is more than {@code margin} (a fraction) above the best trial's mean RMSE on the <em>same</em>
 * folds is stopped. Comparing fold by fold cancels how hard each fold is, which moves a fold's RMSE
 * far more than the parameters of a good trial do; so a trial stopped this way is clearly worse, not
 * unlucky. How often the rule would have stopped a search's eventual best trial is measured in
 * docs/engine.md ("Stopping hopeless trials").
 *
 * @param minFolds folds scored before the rule may stop a trial (at least 1)
 * @param margin how much worse than the best, as a fraction of its partial RMSE (at least 0)
 */
public record EarlyStopping(int minFolds, double margin) {
  /** No trial is ever stopped early. */
  public static final EarlyStopping NEVER = new EarlyStopping(Integer.MAX_VALUE, Double.POSITIVE_INFINITY);

  /** gfa's rule: after two folds, stop a trial 5 % worse than the best on those folds. */
  public static final EarlyStopping DEFAULT = new EarlyStopping(2, 0.05);

  public EarlyStopping {
    if (minFolds < 1) {
      throw new IllegalArgumentException("minFolds must be >= 1, got " + minFolds);
    }
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("margin must be >= 0, got " + margin);
    }
  }

  /** Whether the rule ever stops a trial. */
  public boolean active() {
    return minFolds != Integer.MAX_VALUE && margin != Double.POSITIVE_INFINITY;
  }

  /**
   * Whether a trial whose first {@code done} fold RMSEs are {@code trial} is hopeless against the
   * best trial's fold RMSEs {@code best} (null when no trial has finished yet).
   */
  public boolean hopeless(double[] trial, double[] best, int done) {
    if (!active() || best == null || done < minFolds) {
      return false;
    }
    return partialRatio(trial, best, done) > 1 + margin;
  }

  /** The trial's mean RMSE over its first {@code done} folds, relative to the best trial's on them. */
  public static double partialRatio(double[] trial, double[] best, int done) {
    double t = 0;
    double b = 0;
    for (int f = 0; f < done; f++) {
      t += trial[f];
      b += best[f];
    }
    return t / b;
  }
}
