package gfa.models.training;

import java.util.Map;

/**
 * One trial of a learner's search as report.json records it: the parameters, the loss the search
 * was given, each fold's RMSE (NaN for folds not fitted), and whether the trial was a repeat of an
 * earlier point (memoised: no fits) or stopped early after {@code foldsScored} folds.
 *
 * @param loss the mean fold RMSE for a complete trial; for a trial stopped early, the best loss so
 *     far scaled by how much worse the trial was on the folds it ran (what the search is told)
 */
public record SearchTrial(
    int number, Map<String, Object> params, double loss, double[] foldRmse, int foldsScored, boolean repeat,
    double seconds) {
  public SearchTrial {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params)); // the space's order
    foldRmse = foldRmse.clone();
  }

  @Override
  public double[] foldRmse() {
    return foldRmse.clone();
  }

  /** Whether the trial was stopped before its last fold. */
  public boolean stoppedEarly() {
    return foldsScored < foldRmse.length;
  }
}
