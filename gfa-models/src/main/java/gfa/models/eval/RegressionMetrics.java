package gfa.models.eval;

/** R², RMSE and MAE of predictions against observations. */
public record RegressionMetrics(double r2, double rmse, double mae) {

  public static RegressionMetrics of(double[] observed, double[] predicted) {
    return of(observed, predicted, null);
  }

  /** Metrics over the given rows only (all rows when {@code rows} is null). */
  public static RegressionMetrics of(double[] observed, double[] predicted, int[] rows) {
    int n = rows == null ? observed.length : rows.length;
    double mean = 0;
    for (int t = 0; t < n; t++) {
      mean += observed[rows == null ? t : rows[t]];
    }
    mean /= n;
    double ssRes = 0;
    double ssTot = 0;
    double abs = 0;
    for (int t = 0; t < n; t++) {
      int i = rows == null ? t : rows[t];
      double e = observed[i] - predicted[i];
      ssRes += e * e;
      abs += Math.abs(e);
      ssTot += (observed[i] - mean) * (observed[i] - mean);
    }
    return new RegressionMetrics(1 - ssRes / ssTot, Math.sqrt(ssRes / n), abs / n);
  }

  /**
   * The mean of the per-fold metrics: the paper's objective ("mean RMSE over 5-fold CV") and its
   * fusion score ("mean 5-fold CV R²").
   */
  public static RegressionMetrics meanOverFolds(double[] observed, double[] predicted, Folds folds) {
    double r2 = 0;
    double rmse = 0;
    double mae = 0;
    for (int f = 0; f < folds.count(); f++) {
      RegressionMetrics m = of(observed, predicted, folds.validation(f));
      r2 += m.r2;
      rmse += m.rmse;
      mae += m.mae;
    }
    int k = folds.count();
    return new RegressionMetrics(r2 / k, rmse / k, mae / k);
  }
}
