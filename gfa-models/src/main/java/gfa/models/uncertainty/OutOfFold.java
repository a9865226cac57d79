package gfa.models.uncertainty;

import gfa.models.eval.Folds;

/**
 * The out-of-fold predictions of one cross-validation scheme, as calibration and its check need
 * them: the truth, the fused prediction, the learners' spread and the fold that held each row out.
 *
 * @param scheme the report key of the scheme ({@code random_kfold}, {@code leave_system_out})
 */
public record OutOfFold(String scheme, double[] y, double[] fused, double[] spread, int[] foldOf, int folds) {
  public OutOfFold {
    if (fused.length != y.length || spread.length != y.length || foldOf.length != y.length) {
      throw new IllegalArgumentException("one prediction, spread and fold per row");
    }
  }

  /**
   * @param learners out-of-fold predictions, one row per learner
   * @param weights fusion weights, one per learner
   */
  public static OutOfFold of(String scheme, double[] y, double[] fused, double[][] learners, double[] weights, Folds folds) {
    int[] foldOf = new int[y.length];
    for (int f = 0; f < folds.count(); f++) {
      for (int i : folds.validation(f)) {
        foldOf[i] = f;
      }
    }
    return new OutOfFold(scheme, y, fused, EnsembleSpread.of(learners, weights), foldOf, folds.count());
  }

  /** The rows of every fold but {@code fold}. */
  int[] rowsOutside(int fold) {
    return rows(fold, false);
  }

  /** The rows of {@code fold}. */
  int[] rowsIn(int fold) {
    return rows(fold, true);
  }

  private int[] rows(int fold, boolean in) {
    int count = 0;
    for (int f : foldOf) {
      if ((f == fold) == in) {
        count++;
      }
    }
    int[] out = new int[count];
    int t = 0;
    for (int i = 0; i < foldOf.length; i++) {
      if ((foldOf[i] == fold) == in) {
        out[t++] = i;
      }
    }
    return out;
  }

  /** Calibration on all rows. */
  public PredictiveCalibration calibrate() {
    return PredictiveCalibration.fit(y, fused, spread, scheme);
  }
}
