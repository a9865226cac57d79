package gfa.models.learners.svm;

import gfa.core.concurrent.RowBlocks;

/**
 * The function an RBF support vector machine fitted, {@code f(x) = b + sum_i w_i exp(-gamma |x -
 * v_i|^2)}, evaluated with the support vectors held as one column-major matrix: for a query row the
 * squared distances to all s vectors are accumulated column by column in one unit-stride loop over
 * s (which the JIT vectorises), then the weighted kernels are summed in support-vector order.
 *
 * <p>Each distance sums the squared differences, as {@link SquaredDistances}, not {@code |x|^2 +
 * |v|^2 - 2 x.v}: equal cost here, and no cancellation for a query next to a support vector. The
 * arithmetic of a row does not depend on how rows are spread over threads.
 */
public final class RbfExpansion {
  /** Below this many kernel evaluations a call stays on the caller's thread (forking costs more). */
  private static final long PARALLEL_WORK = 1L << 22;
  /** Rows whose kernel sums are accumulated together (see predictFourRows). */
  private static final int ROWS = 4;

  private final int width;
  private final double gamma;
  private final double intercept;
  private final double[] weights;
  /** columns[f][i]: descriptor f of support vector i. */
  private final double[][] columns;
  /** vectors[i][f]: the same, vector by vector (for the client compiler's loop). */
  private final double[][] vectors;
  /**
   * Whether the JVM runs the client compiler only (the launcher says so with {@code
   * -Dgfa.jit=client} where it passes {@code -XX:TieredStopAtLevel=1}): the loops that are fastest
   * without vectorisation are chosen. The results are the same either way.
   */
  static final boolean CLIENT_COMPILER = "client".equals(System.getProperty("gfa.jit"));

  /**
   * @param vectors the support vectors (s x width; copied)
   * @param weights their weights w_i (s; copied)
   */
  public RbfExpansion(int width, double gamma, double intercept, double[] weights, double[][] vectors) {
    if (weights.length != vectors.length) {
      throw new IllegalArgumentException(weights.length + " weights for " + vectors.length + " support vectors");
    }
    this.width = width;
    this.gamma = gamma;
    this.intercept = intercept;
    this.weights = weights.clone();
    this.columns = new double[width][vectors.length];
    this.vectors = new double[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i].length != width) {
        throw new IllegalArgumentException("support vector " + i + " has " + vectors[i].length + " values, not " + width);
      }
      for (int f = 0; f < width; f++) {
        columns[f][i] = vectors[i][f];
      }
      this.vectors[i] = vectors[i].clone();
    }
  }

  /** f at each row of {@code x} (rows of {@code width} values); large inputs use the common pool. */
  public double[] predict(double[][] x) {
    return predict(x, CLIENT_COMPILER);
  }

  /** As {@link #predict(double[][])}, with the loop for the client compiler or not (for tests). */
  double[] predict(double[][] x, boolean byVector) {
    double[] out = new double[x.length];
    RowBlocks.run(x.length, (long) x.length * weights.length, PARALLEL_WORK,
        (from, to) -> predictRows(x, from, to, out, byVector ? null : new double[ROWS][weights.length], byVector));
    return out;
  }

  /** f at one row. */
  public double predict(double[] x) {
    return predictRow(x, new double[weights.length]);
  }

  private void predictRows(double[][] x, int from, int to, double[] out, double[][] squared, boolean byVector) {
    int r = from;
    for (; r + ROWS <= to; r += ROWS) {
      if (byVector) {
        predictFourRowsByVector(x, r, out);
      } else {
        predictFourRows(x, r, out, squared);
      }
    }
    for (; r < to; r++) {
      out[r] = predictRow(x[r], squared != null ? squared[0] : new double[weights.length]);
    }
  }

  /**
   * Rows r..r+3 at once, two support vectors at a time: the eight squared distances are summed in
   * registers over the descriptors, each row's descriptor read once for both vectors and each
   * vector's once for the four rows, with nothing stored until the kernel sums (an odd last vector
   * alone). Each distance and each row's sum take the same operations in the same order as {@link
   * #predictRow}, so the results are the same bit for bit. This is the loop for the client
   * compiler: 1.8x faster there than {@link #predictFourRows} with one vector at a time, and pairs
   * of vectors another 10-20 % (docs/benchmarks.md, session 12); under C2, which vectorises the
   * other loop, it is 1.4x slower.
   */
  private void predictFourRowsByVector(double[][] x, int r, double[] out) {
    int s = weights.length;
    double[] x0 = x[r];
    double[] x1 = x[r + 1];
    double[] x2 = x[r + 2];
    double[] x3 = x[r + 3];
    double s0 = intercept;
    double s1 = intercept;
    double s2 = intercept;
    double s3 = intercept;
    double g = -gamma;
    int i = 0;
    for (; i + 1 < s; i += 2) {
      double[] v = vectors[i];
      double[] u = vectors[i + 1];
      double a0 = 0.0;
      double a1 = 0.0;
      double a2 = 0.0;
      double a3 = 0.0;
      double b0 = 0.0;
      double b1 = 0.0;
      double b2 = 0.0;
      double b3 = 0.0;
      for (int f = 0; f < width; f++) {
        double y0 = x0[f];
        double y1 = x1[f];
        double y2 = x2[f];
        double y3 = x3[f];
        double vf = v[f];
        double d0 = y0 - vf;
        double d1 = y1 - vf;
        double d2 = y2 - vf;
        double d3 = y3 - vf;
        a0 += d0 * d0;
        a1 += d1 * d1;
        a2 += d2 * d2;
        a3 += d3 * d3;
        double uf = u[f];
        double e0 = y0 - uf;
        double e1 = y1 - uf;
        double e2 = y2 - uf;
        double e3 = y3 - uf;
        b0 += e0 * e0;
        b1 += e1 * e1;
        b2 += e2 * e2;
        b3 += e3 * e3;
      }
      double w = weights[i];
      s0 += w * Math.exp(g * a0);
      s1 += w * Math.exp(g * a1);
      s2 += w * Math.exp(g * a2);
      s3 += w * Math.exp(g * a3);
      double wu = weights[i + 1];
      s0 += wu * Math.exp(g * b0);
      s1 += wu * Math.exp(g * b1);
      s2 += wu * Math.exp(g * b2);
      s3 += wu * Math.exp(g * b3);
    }
    if (i < s) { // an odd last vector alone
      double[] v = vectors[i];
      double w = weights[i];
      s0 += w * Math.exp(g * squaredDistance(x0, v));
      s1 += w * Math.exp(g * squaredDistance(x1, v));
      s2 += w * Math.exp(g * squaredDistance(x2, v));
      s3 += w * Math.exp(g * squaredDistance(x3, v));
    }
    out[r] = s0;
    out[r + 1] = s1;
    out[r + 2] = s2;
    out[r + 3] = s3;
  }

  /** |x - v|^2 with the descriptors summed in order from 0, as every loop here sums them. */
  private double squaredDistance(double[] x, double[] v) {
    double a = 0.0;
    for (int f = 0; f < width; f++) {
      double d = x[f] - v[f];
      a += d * d;
    }
    return a;
  }

  /**
   * Rows r..r+3 at once: each support vector's descriptor is read once for four rows. The
   * arithmetic of each row is that of {@link #predictRow} (same operations, same order), so the
   * results are the same bit for bit; what changes is speed with the client compiler, which
   * predict-ternary runs with and which does not vectorise: a 5151-point grid's kernel sums took
   * 1.4-1.7x less CPU this way (the server compiler's vectorised loop is as fast either way).
   */
  private void predictFourRows(double[][] x, int r, double[] out, double[][] squared) {
    int s = weights.length;
    double[] q0 = squared[0];
    double[] q1 = squared[1];
    double[] q2 = squared[2];
    double[] q3 = squared[3];
    java.util.Arrays.fill(q0, 0.0);
    java.util.Arrays.fill(q1, 0.0);
    java.util.Arrays.fill(q2, 0.0);
    java.util.Arrays.fill(q3, 0.0);
    double[] x0 = x[r];
    double[] x1 = x[r + 1];
    double[] x2 = x[r + 2];
    double[] x3 = x[r + 3];
    for (int f = 0; f < width; f++) {
      double a = x0[f];
      double b = x1[f];
      double c = x2[f];
      double d = x3[f];
      double[] column = columns[f];
      for (int i = 0; i < s; i++) {
        double v = column[i];
        double d0 = a - v;
        double d1 = b - v;
        double d2 = c - v;
        double d3 = d - v;
        q0[i] += d0 * d0;
        q1[i] += d1 * d1;
        q2[i] += d2 * d2;
        q3[i] += d3 * d3;
      }
    }
    double s0 = intercept;
    double s1 = intercept;
    double s2 = intercept;
    double s3 = intercept;
    double g = -gamma;
    for (int i = 0; i < s; i++) {
      double w = weights[i];
      s0 += w * Math.exp(g * q0[i]);
      s1 += w * Math.exp(g * q1[i]);
      s2 += w * Math.exp(g * q2[i]);
      s3 += w * Math.exp(g * q3[i]);
    }
    out[r] = s0;
    out[r + 1] = s1;
    out[r + 2] = s2;
    out[r + 3] = s3;
  }

  private double predictRow(double[] x, double[] squared) {
    int s = weights.length;
    java.util.Arrays.fill(squared, 0.0);
    for (int f = 0; f < width; f++) {
      double xf = x[f];
      double[] column = columns[f];
      for (int i = 0; i < s; i++) {
        double d = xf - column[i];
        squared[i] += d * d;
      }
    }
    double sum = intercept;
    double g = -gamma;
    for (int i = 0; i < s; i++) {
      sum += weights[i] * Math.exp(g * squared[i]);
    }
    return sum;
  }
}
