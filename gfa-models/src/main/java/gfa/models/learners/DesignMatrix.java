package gfa.models.learners;

/**
 * Checks and converts the row-major descriptor matrices handed to the learners. Every learner
 * refuses empty, ragged or non-finite input with an {@link IllegalArgumentException} before any
 * library sees it.
 */
final class DesignMatrix {
  private DesignMatrix() {}

  /** Checks a training set; returns the number of columns. */
  static int requireTraining(double[][] x, double[] y, int threads) {
    if (x == null || y == null) {
      throw new IllegalArgumentException("training data must not be null");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("training data has no rows");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length + " values");
    }
    requireThreads(threads);
    if (x[0] == null || x[0].length == 0) {
      throw new IllegalArgumentException("training rows have no columns");
    }
    int width = x[0].length;
    requireRows(x, width);
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is not finite");
      }
    }
    return width;
  }

  static void requireThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** Checks that every row has {@code width} finite values. */
  static void requireRows(double[][] x, int width) {
    if (x == null) {
      throw new IllegalArgumentException("rows must not be null");
    }
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      if (row == null || row.length != width) {
        throw new IllegalArgumentException("row " + i + " has " + (row == null ? "no" : row.length)
            + " values; the model expects " + width);
      }
      for (int j = 0; j < width; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException("row " + i + ", column " + j + ": " + row[j] + " is not finite");
        }
      }
    }
  }

  /** A deep copy, so that a model that keeps rows (SVR's support vectors) cannot be changed by the caller. */
  static double[][] copy(double[][] x) {
    double[][] copy = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      copy[i] = x[i].clone();
    }
    return copy;
  }

  /** Row-major doubles. */
  static double[] flatten(double[][] x, int width) {
    double[] flat = new double[x.length * width];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, flat, i * width, width);
    }
    return flat;
  }

  /** Row-major float32 (XGBoost stores its data in single precision). */
  static float[] flattenToFloat(double[][] x, int width) {
    float[] flat = new float[x.length * width];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < width; j++) {
        flat[i * width + j] = (float) x[i][j];
      }
    }
    return flat;
  }

  /** A vector in float32 (the label type of XGBoost and LightGBM). */
  static float[] toFloat(double[] y) {
    float[] f = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      f[i] = (float) y[i];
    }
    return f;
  }
}
