package gfa.models.uncertainty;

/**
 * How much the fused learners disagree on a row: the standard deviation of their predictions
 * around the fused one, weighted by the fusion weights (a learner of weight 0 does not count). It
 * is the scale that normalises conformal residuals: rows on which SVR and the boosted trees agree
 * get narrower intervals than rows on which they part ways.
 */
public final class EnsembleSpread {
  private EnsembleSpread() {}

  /**
   * @param learners predictions, one row per learner, one column per composition (as
   *     {@code Ensemble.predict} without its last, fused row); the row of a learner of weight 0
   *     may be null
   * @param weights the fusion weights, one per learner
   */
  public static double[] of(double[][] learners, double[] weights) {
    if (learners.length != weights.length || learners.length == 0) {
      throw new IllegalArgumentException("one weight per learner, at least one learner");
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("fusion weights sum to " + total);
    }
    int n = gfa.models.training.FusionWeights.rowLength(learners);
    double[] spread = new double[n];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (int m = 0; m < learners.length; m++) {
        if (weights[m] != 0) { // a learner of weight 0 may be left unevaluated (a null row)
          mean += weights[m] * learners[m][i];
        }
      }
      mean /= total;
      double variance = 0;
      for (int m = 0; m < learners.length; m++) {
        if (weights[m] != 0) {
          double d = learners[m][i] - mean;
          variance += weights[m] * d * d;
        }
      }
      spread[i] = Math.sqrt(variance / total);
    }
    return spread;
  }
}
