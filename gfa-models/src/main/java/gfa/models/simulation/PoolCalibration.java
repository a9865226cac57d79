package gfa.models.simulation;

import gfa.models.eval.Folds;
import gfa.models.eval.SystemGroups;
import gfa.models.training.Ensemble;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingRun;
import gfa.models.uncertainty.EnsembleSpread;
import gfa.models.uncertainty.PredictiveCalibration;
import gfa.core.Composition;
import java.util.Arrays;
import java.util.List;

/**
 * The uncertainty the acquisitions of a simulated campaign read, calibrated once per system on the
 * campaign's base data only (the data pruned at level 3 for the system), so nothing of the system
 * leaks in: leave-system-out out-of-fold predictions of the same fixed-parameter model give the
 * normalised conformal residuals of {@link PredictiveCalibration} (docs/trust.md). From them:
 *
 * <ul>
 *   <li>{@code p_bmg} = {@link PredictiveCalibration#probabilityAtLeast}, as {@code gfa predict} gives it;
 *   <li>σ = s · w, s the calibrated scale of the learners' spread and w half the distance between the
 *       15.9 % and 84.1 % residual quantiles (one standard deviation for a normal distribution; robust
 *       to the skewed residuals). {@code ucb}, {@code ei} and {@code explore} read σ.
 * </ul>
 *
 * @param calibration the predictive distribution
 * @param sigmaWidth w, in units of the scale
 * @param folds the leave-system-out folds it was calibrated on
 */
public record PoolCalibration(PredictiveCalibration calibration, double sigmaWidth, int folds) {
  /** The calibration of a model of {@code params} on the base rows. */
  static PoolCalibration fit(List<Composition> compositions, double[][] x, double[] y, List<String> columns, int[] base,
      ModelParams params, int folds, long seed) {
    String[] groups = new String[base.length];
    String[] all = SystemGroups.of(compositions);
    for (int t = 0; t < base.length; t++) {
      groups[t] = all[base[t]];
    }
    int k = Math.min(folds, SystemGroups.count(groups));
    if (k < 2) {
      throw new gfa.core.GfaInputException("the base data hold " + SystemGroups.count(groups)
          + " system(s) besides the simulated one: too few to calibrate the uncertainty on leave-system-out folds");
    }
    Folds split = Folds.byGroup(groups, k, seed);
    double[] fused = new double[base.length];
    double[] spread = new double[base.length];
    double[] labels = new double[base.length];
    for (int t = 0; t < base.length; t++) {
      labels[t] = y[base[t]];
    }
    for (int f = 0; f < k; f++) {
      int[] train = split.training(f);
      int[] held = split.validation(f);
      try (Ensemble e = TrainingRun.refit(columns, rows(x, base, train), pick(labels, train), params, seed, 1)) {
        double[][] p = e.predict(rows(x, base, held));
        double[] s = EnsembleSpread.of(Arrays.copyOf(p, p.length - 1), e.weights());
        for (int t = 0; t < held.length; t++) {
          fused[held[t]] = p[p.length - 1][t];
          spread[held[t]] = s[t];
        }
      }
    }
    PredictiveCalibration c = PredictiveCalibration.fit(labels, fused, spread, "leave-system-out");
    return new PoolCalibration(c, halfWidth(c.residuals()), k);
  }

  /** Half the distance between the 15.9 % and 84.1 % quantiles of sorted residuals (nearest rank). */
  static double halfWidth(double[] sorted) {
    int n = sorted.length;
    double lo = sorted[Math.max(0, (int) Math.ceil(0.1587 * n) - 1)];
    double hi = sorted[Math.min(n - 1, (int) Math.ceil(0.8413 * n) - 1)];
    return Math.max((hi - lo) / 2, 1e-9);
  }

  /** σ of a prediction whose learners spread by {@code spread}. */
  public double sigma(double spread) {
    return calibration.scale(spread) * sigmaWidth;
  }

  /** P(D_max at least {@code threshold}) of a prediction. */
  public double pBmg(double prediction, double spread, double threshold) {
    return calibration.probabilityAtLeast(prediction, spread, threshold);
  }

  private static double[][] rows(double[][] x, int[] base, int[] subset) {
    double[][] out = new double[subset.length][];
    for (int t = 0; t < subset.length; t++) {
      out[t] = x[base[subset[t]]];
    }
    return out;
  }

  private static double[] pick(double[] v, int[] subset) {
    double[] out = new double[subset.length];
    for (int t = 0; t < subset.length; t++) {
      out[t] = v[subset[t]];
    }
    return out;
  }
}
