package gfa.models.eval;

/**
 * Z-score standardisation of feature columns, fitted on training rows only (inside each CV fold,
 * so validation rows never leak into the scaling). A constant column keeps scale 1, so it maps to
 * 0 rather than NaN.
 */
public record Standardizer(double[] mean, double[] scale) {

  public Standardizer {
    mean = mean.clone();
    scale = scale.clone();
  }

  /** Fits on the given rows of {@code x} (all rows when {@code rows} is null). */
  public static Standardizer fit(double[][] x, int[] rows) {
    int n = rows == null ? x.length : rows.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] m2 = new double[d];
    // Welford's update: numerically stable and one pass
    for (int t = 0; t < n; t++) {
      double[] row = x[rows == null ? t : rows[t]];
      for (int j = 0; j < d; j++) {
        double delta = row[j] - mean[j];
        mean[j] += delta / (t + 1);
        m2[j] += delta * (row[j] - mean[j]);
      }
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double sd = Math.sqrt(m2[j] / n); // population form, as scikit-learn's StandardScaler
      scale[j] = sd > 0 ? sd : 1.0;
    }
    return new Standardizer(mean, scale);
  }

  /** The given rows, standardised, as a new matrix. */
  public double[][] transform(double[][] x, int[] rows) {
    int n = rows == null ? x.length : rows.length;
    double[][] out = new double[n][];
    for (int t = 0; t < n; t++) {
      out[t] = transformRow(x[rows == null ? t : rows[t]]);
    }
    return out;
  }

  public double[] transformRow(double[] row) {
    double[] out = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = (row[j] - mean[j]) / scale[j];
    }
    return out;
  }

  public int dimension() {
    return mean.length;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }
}
