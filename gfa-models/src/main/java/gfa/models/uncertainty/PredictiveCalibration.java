package gfa.models.uncertainty;

import java.util.Arrays;

/**
 * A predictive distribution for the fused D_max, calibrated on out-of-fold residuals (split
 * conformal prediction with a normalised score, the CV+ reuse of cross-validation residuals):
 *
 * <pre>
 *   r_i = (y_i - yhat_i) / s_i,   s = floor + spread   (spread: {@link EnsembleSpread})
 *   D_max | yhat, s  ~  yhat + s * r,  r drawn from the n calibration residuals
 * </pre>
 *
 * The central interval at level L takes the order statistics r_(lo), r_(hi) with
 * lo = floor((n+1)(1-L)/2) and hi = ceil((n+1)(1+L)/2) (1-based), the finite-sample conformal
 * indices that keep each tail at most (1-L)/2 for exchangeable rows; an index outside 1..n gives an
 * unbounded side. {@code p_bmg} is the share of residuals that carry yhat to the threshold or above,
 * so an interval whose lower end reaches the threshold always has {@code p_bmg >= (1+L)/2 - 1/n}.
 * When the residuals come from leave-system-out folds, "exchangeable" means: a new system is like
 * the systems held out in turn.
 *
 * @param calibratedOn the report key of the scheme whose out-of-fold residuals these are
 * @param scaleFloor the floor added to the spread (mm): the median spread of the calibration rows,
 *     so that rows on which the learners happen to agree still get a finite-width interval
 * @param residuals the normalised residuals, sorted ascending
 */
public record PredictiveCalibration(String calibratedOn, double scaleFloor, double[] residuals) {
  public PredictiveCalibration {
    if (residuals.length == 0) {
      throw new IllegalArgumentException("no calibration residuals");
    }
    if (!(scaleFloor > 0) || Double.isInfinite(scaleFloor)) {
      throw new IllegalArgumentException("scale floor must be positive and finite, got " + scaleFloor);
    }
    residuals = residuals.clone();
    Arrays.sort(residuals);
  }

  @Override
  public double[] residuals() {
    return residuals.clone();
  }

  /** Calibrates on every row. */
  public static PredictiveCalibration fit(double[] y, double[] fused, double[] spread, String calibratedOn) {
    return fit(y, fused, spread, null, calibratedOn);
  }

  /**
   * Calibrates on the given rows (all when null): the floor is their median spread (1 mm when the
   * learners agree everywhere, e.g. a single learner: the residuals are then absolute, in mm).
   */
  public static PredictiveCalibration fit(double[] y, double[] fused, double[] spread, int[] rows, String calibratedOn) {
    int n = rows == null ? y.length : rows.length;
    double[] s = new double[n];
    for (int t = 0; t < n; t++) {
      s[t] = spread[rows == null ? t : rows[t]];
    }
    double[] sorted = s.clone();
    Arrays.sort(sorted);
    double median = n == 0 ? 0 : (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
    double floor = median > 1e-9 ? median : 1.0;
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      int i = rows == null ? t : rows[t];
      r[t] = (y[i] - fused[i]) / (floor + s[t]);
    }
    return new PredictiveCalibration(calibratedOn, floor, r);
  }

  /** The scale s of a prediction whose learners spread by {@code spread}. */
  public double scale(double spread) {
    return scaleFloor + spread;
  }

  /**
   * A calibrated one-sigma of a prediction whose learners spread by {@code spread}: half the width
   * of the central 68.3 % band of the normalised residuals, times the scale. The acquisition
   * functions (ucb, ei, explore) need one number per point; this is the Gaussian sigma that band
   * would have, without assuming the residuals are Gaussian elsewhere.
   */
  public double sigma(double spread) {
    int n = residuals.length;
    int lo = Math.max(1, lowerIndex(n, ONE_SIGMA));
    int hi = Math.min(n, upperIndex(n, ONE_SIGMA));
    return scale(spread) * (residuals[hi - 1] - residuals[lo - 1]) / 2;
  }

  /** The coverage of +-1 sigma of a normal distribution. */
  public static final double ONE_SIGMA = 0.6826894921370859;

  /** The number of calibration residuals. */
  public int size() {
    return residuals.length;
  }

  /** 1-based index of the lower order statistic of a central interval at {@code level}; 0 means unbounded. */
  static int lowerIndex(int n, double level) {
    return (int) Math.floor((n + 1) * (1 - level) / 2 + 1e-9);
  }

  /** 1-based index of the upper order statistic; n+1 means unbounded. */
  static int upperIndex(int n, double level) {
    return Math.min(n + 1, (int) Math.ceil((n + 1) * (1 + level) / 2 - 1e-9));
  }

  /**
   * The interval and {@code p_bmg} of one prediction.
   *
   * @param prediction the fused prediction (mm)
   * @param spread the learners' spread on it ({@link EnsembleSpread})
   * @param level the nominal coverage of the central interval, in (0, 1), e.g. 0.9
   * @param threshold the BMG threshold (mm), e.g. 1
   */
  public Uncertainty predict(double prediction, double spread, double level, double threshold) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("interval level must be in (0, 1), got " + level);
    }
    int n = residuals.length;
    double s = scale(spread);
    int lo = lowerIndex(n, level);
    int hi = upperIndex(n, level);
    double lower = lo < 1 ? 0 : Math.max(0, prediction + s * residuals[lo - 1]);
    double upper = hi > n ? Double.POSITIVE_INFINITY : Math.max(0, prediction + s * residuals[hi - 1]);
    return new Uncertainty(lower, upper, probabilityAtLeast(prediction, spread, threshold));
  }

  /** P(D_max >= threshold): the share of residuals r with prediction + s r >= threshold (1 for a threshold <= 0). */
  public double probabilityAtLeast(double prediction, double spread, double threshold) {
    if (threshold <= 0) {
      return 1.0;
    }
    double z = (threshold - prediction) / scale(spread);
    // first index with residuals[i] >= z
    int from = 0;
    int to = residuals.length;
    while (from < to) {
      int mid = (from + to) >>> 1;
      if (residuals[mid] < z) {
        from = mid + 1;
      } else {
        to = mid;
      }
    }
    return (residuals.length - from) / (double) residuals.length;
  }
}
