package gfa.models.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An honest check of a calibration: the intervals and {@code p_bmg} of each row are computed with a
 * calibration fitted only on rows of the <em>other</em> folds of the evaluated scheme, never on the
 * row's own residual. With leave-system-out folds on both sides this is nested leave-system-out:
 * each fold's systems are scored with intervals calibrated on the residuals of the other systems.
 * Evaluating random k-fold predictions with a leave-system-out calibration (fitted outside each
 * random fold) says how conservative the intervals are on systems the model knows.
 *
 * @param calibratedOn the scheme whose residuals calibrate
 * @param evaluatedOn the scheme whose out-of-fold predictions are scored
 * @param coverage per nominal level, the share of rows whose D_max lies in the interval
 * @param medianWidth per nominal level, the median interval width (mm)
 * @param threshold the BMG threshold (mm)
 * @param brier the Brier score of {@code p_bmg}
 * @param brierBaseRate the Brier score of always predicting the calibration rows' share of glasses
 * @param reliability {@code p_bmg} in ten equal bins
 */
public record CalibrationCheck(
    String calibratedOn, String evaluatedOn, Map<Double, Double> coverage, Map<Double, Double> medianWidth, double threshold,
    double brier, double brierBaseRate, List<ReliabilityBin> reliability) {
  /** The nominal levels reported. */
  public static final double[] LEVELS = {0.5, 0.8, 0.9};
  private static final int BINS = 10;

  public CalibrationCheck {
    coverage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
    medianWidth = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(medianWidth));
    reliability = List.copyOf(reliability);
  }

  /**
   * @param calibration the out-of-fold predictions whose residuals calibrate
   * @param evaluation the out-of-fold predictions scored (same rows, same order)
   */
  public static CalibrationCheck run(OutOfFold calibration, OutOfFold evaluation, double[] levels, double threshold) {
    int n = evaluation.y().length;
    if (calibration.y().length != n) {
      throw new IllegalArgumentException("calibration and evaluation must hold the same rows");
    }
    double[][] lower = new double[levels.length][n];
    double[][] upper = new double[levels.length][n];
    double[] p = new double[n];
    double[] base = new double[n];
    for (int f = 0; f < evaluation.folds(); f++) {
      int[] outside = evaluation.rowsOutside(f);
      int[] inside = evaluation.rowsIn(f);
      if (inside.length == 0 || outside.length == 0) {
        continue;
      }
      PredictiveCalibration c =
          PredictiveCalibration.fit(calibration.y(), calibration.fused(), calibration.spread(), outside, calibration.scheme());
      double glasses = 0;
      for (int i : outside) {
        glasses += calibration.y()[i] >= threshold ? 1 : 0;
      }
      for (int i : inside) {
        for (int l = 0; l < levels.length; l++) {
          Uncertainty u = c.predict(evaluation.fused()[i], evaluation.spread()[i], levels[l], threshold);
          lower[l][i] = u.lower();
          upper[l][i] = u.upper();
          p[i] = u.pBmg();
        }
        base[i] = glasses / outside.length;
      }
    }
    Map<Double, Double> coverage = new LinkedHashMap<>();
    Map<Double, Double> width = new LinkedHashMap<>();
    double[] y = evaluation.y();
    for (int l = 0; l < levels.length; l++) {
      int covered = 0;
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        covered += y[i] >= lower[l][i] && y[i] <= upper[l][i] ? 1 : 0;
        w[i] = upper[l][i] - lower[l][i];
      }
      Arrays.sort(w);
      coverage.put(levels[l], covered / (double) n);
      width.put(levels[l], (w[(n - 1) / 2] + w[n / 2]) / 2);
    }
    return new CalibrationCheck(calibration.scheme(), evaluation.scheme(), coverage, width, threshold,
        brier(p, y, threshold), brier(base, y, threshold), reliability(p, y, threshold));
  }

  static double brier(double[] p, double[] y, double threshold) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double o = y[i] >= threshold ? 1 : 0;
      sum += (p[i] - o) * (p[i] - o);
    }
    return sum / y.length;
  }

  static List<ReliabilityBin> reliability(double[] p, double[] y, double threshold) {
    int[] rows = new int[BINS];
    double[] sumP = new double[BINS];
    double[] glasses = new double[BINS];
    for (int i = 0; i < y.length; i++) {
      int b = Math.min(BINS - 1, (int) Math.floor(p[i] * BINS));
      rows[b]++;
      sumP[b] += p[i];
      glasses[b] += y[i] >= threshold ? 1 : 0;
    }
    List<ReliabilityBin> out = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      out.add(new ReliabilityBin(b / (double) BINS, (b + 1) / (double) BINS, rows[b],
          rows[b] == 0 ? Double.NaN : sumP[b] / rows[b], rows[b] == 0 ? Double.NaN : glasses[b] / rows[b]));
    }
    return out;
  }
}
