package gfa.models.training;

import gfa.models.eval.Folds;
import gfa.models.eval.Standardizer;

/**
 * The cross-validation folds with their rows already standardised: the scaler of each fold is
 * fitted on that fold's training rows only (no leakage into its validation rows) and applied once,
 * so the hundreds of trials of a search reuse the same matrices instead of rescaling every time.
 */
public final class PreparedFolds {
  private final Folds folds;
  private final double[] y;
  private final double[][][] trainX;
  private final double[][] trainY;
  private final double[][][] validationX;

  public PreparedFolds(double[][] x, double[] y, Folds folds) {
    this.folds = folds;
    this.y = y.clone();
    int k = folds.count();
    trainX = new double[k][][];
    trainY = new double[k][];
    validationX = new double[k][][];
    for (int f = 0; f < k; f++) {
      int[] train = folds.training(f);
      Standardizer scaler = Standardizer.fit(x, train);
      trainX[f] = scaler.transform(x, train);
      trainY[f] = new double[train.length];
      for (int t = 0; t < train.length; t++) {
        trainY[f][t] = y[train[t]];
      }
      validationX[f] = scaler.transform(x, folds.validation(f));
    }
  }

  public Folds folds() {
    return folds;
  }

  public int count() {
    return folds.count();
  }

  /** The observed targets, in row order. */
  public double[] y() {
    return y.clone();
  }

  double[][] trainX(int fold) {
    return trainX[fold];
  }

  double[] trainY(int fold) {
    return trainY[fold];
  }

  double[][] validationX(int fold) {
    return validationX[fold];
  }

  int[] validationRows(int fold) {
    return folds.validation(fold);
  }
}
