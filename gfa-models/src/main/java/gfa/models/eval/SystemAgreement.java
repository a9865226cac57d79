package gfa.models.eval;

/**
 * How well a ternary map agrees with the alloys reported for its system: the measure of the
 * paper's Fig. 3h. Both sides are put on the scale of "where in this system":
 *
 * <ul>
 *   <li>the model's predictions at the reported compositions are normalised with the map's own
 *       range, {@code (p - min) / (max - min)} with min and max over the grid (docs/method.md §6), and
 *       clipped to [0, 1], since a reported alloy off the grid can be predicted slightly outside
 *       the grid's range; a flat map ({@code max == min}) puts every point at 0, as the map does;
 *   <li>the reported D_max are normalised by their own range within the system,
 *       {@code (d - dmin) / (dmax - dmin)}. When every reported value is equal (a single alloy, or
 *       all alike) that range is empty and the values rank nothing; they are then all 1 if they
 *       are glasses (D_max &gt; 0: each is the system's best known alloy, which the map should
 *       put at its top) and all 0 if none formed a glass (D_max = 0: the map should put them at
 *       its bottom). This is {@code d / dmax}, the same as taking 0 mm, "no glass", as the lower
 *       end of the scale.
 * </ul>
 *
 * The RMSE is taken between the two normalised vectors. 0 means the map ranks the reported
 * alloys exactly as the reports do; values near 0.5 or above mean it has them in the wrong part
 * of its range. A pure function of its inputs.
 *
 * <p>A second RMSE scales the reported D_max by the system's maximum only, {@code d / dmax}
 * (0 mm, no glass, as the bottom of the scale). The min-max form puts a system's weakest reported
 * alloy at 0 even when it is a 2 mm bulk glass, so a map that rightly puts all of a system's bulk
 * glasses near its top scores badly; the max-scaled form does not. Both are reported; they are
 * equal when the system's weakest reported alloy formed no glass.
 *
 * @param predictedNormalized the normalised predictions, one per reported alloy
 * @param reportedNormalized the normalised reported D_max, one per reported alloy
 * @param rmse the root mean square difference; NaN when there is no reported alloy
 * @param reportedAllEqual whether every reported value was equal (the fallback above was used)
 * @param reportedScaledByMax the reported D_max over the system's highest ({@code d / dmax}; 0 when
 *     that is 0)
 * @param rmseScaledByMax the RMSE of the normalised predictions against those; NaN without alloys
 */
public record SystemAgreement(double[] predictedNormalized, double[] reportedNormalized, double rmse, boolean reportedAllEqual,
    double[] reportedScaledByMax, double rmseScaledByMax) {

  public SystemAgreement {
    predictedNormalized = predictedNormalized.clone();
    reportedNormalized = reportedNormalized.clone();
    reportedScaledByMax = reportedScaledByMax.clone();
  }

  /**
   * @param predicted the model's predictions at the reported compositions, in mm
   * @param gridMin the smallest prediction over the system's grid
   * @param gridMax the largest prediction over the system's grid
   * @param reported the reported D_max of the same alloys, in mm (duplicates already averaged)
   */
  public static SystemAgreement of(double[] predicted, double gridMin, double gridMax, double[] reported) {
    if (predicted.length != reported.length) {
      throw new IllegalArgumentException(predicted.length + " predictions for " + reported.length + " reported alloys");
    }
    int n = reported.length;
    double[] p = new double[n];
    double[] r = new double[n];
    if (n == 0) {
      return new SystemAgreement(p, r, Double.NaN, false, new double[0], Double.NaN);
    }
    double range = gridMax - gridMin;
    for (int i = 0; i < n; i++) {
      p[i] = range > 0 ? clip((predicted[i] - gridMin) / range) : 0;
    }
    double rmin = Double.POSITIVE_INFINITY;
    double rmax = Double.NEGATIVE_INFINITY;
    for (double d : reported) {
      rmin = Math.min(rmin, d);
      rmax = Math.max(rmax, d);
    }
    boolean allEqual = !(rmax > rmin);
    for (int i = 0; i < n; i++) {
      r[i] = allEqual ? (rmax > 0 ? 1 : 0) : (reported[i] - rmin) / (rmax - rmin);
    }
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      scaled[i] = rmax > 0 ? reported[i] / rmax : 0;
    }
    return new SystemAgreement(p, r, rmse(p, r), allEqual, scaled, rmse(p, scaled));
  }

  private static double rmse(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum / a.length);
  }

  @Override
  public double[] predictedNormalized() {
    return predictedNormalized.clone();
  }

  @Override
  public double[] reportedNormalized() {
    return reportedNormalized.clone();
  }

  @Override
  public double[] reportedScaledByMax() {
    return reportedScaledByMax.clone();
  }

  private static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
