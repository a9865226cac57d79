package gfa.models.learners.svm;

import java.util.Arrays;

/**
 * All squared Euclidean distances {@code |x_i - x_j|^2} between the rows of one training set, as
 * floats: what an RBF kernel matrix is made of, independent of gamma, C and epsilon. Only the
 * strictly upper triangle of the row-major n x n array is filled (the matrix is symmetric with a
 * zero diagonal).
 *
 * <p>Each distance is summed from the differences themselves rather than from squared norms and a
 * dot product ({@code |a|^2 + |b|^2 - 2 a.b}): the flops are the same, and near-duplicate rows (the
 * data hold many) get an exact small distance instead of a cancellation error. The columns are
 * transposed first so the inner loop runs over rows j with unit stride, which the JIT vectorises.
 */
public final class SquaredDistances {
  /** Side of the square tiles the lower triangle is mirrored in (keeps the writes in cache). */
  private static final int TILE = 64;

  private final int n;
  private final float[] upper;

  private SquaredDistances(int n, float[] upper) {
    this.n = n;
    this.upper = upper;
  }

  /** Computes the distances of the rows of {@code x} (n x p, finite, not retained). */
  public static SquaredDistances of(double[][] x) {
    float[] values = new float[Math.multiplyExact(x.length, x.length)];
    upper(x, values);
    return new SquaredDistances(x.length, values);
  }

  /**
   * Writes the distances of the rows of {@code x} into the strictly upper triangle of the n x n
   * row-major {@code values} (at least n x n long); the rest is left as it was.
   */
  static void upper(double[][] x, float[] values) {
    int n = x.length;
    int p = n == 0 ? 0 : x[0].length;
    double[][] columns = new double[p][n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < p; f++) {
        columns[f][i] = x[i][f];
      }
    }
    double[] sums = new double[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(sums, i + 1, n, 0.0);
      for (int f = 0; f < p; f++) {
        double[] column = columns[f];
        double xi = column[i];
        for (int j = i + 1; j < n; j++) {
          double d = xi - column[j];
          sums[j] += d * d;
        }
      }
      int row = i * n;
      for (int j = i + 1; j < n; j++) {
        values[row + j] = (float) sums[j];
      }
    }
  }

  public int size() {
    return n;
  }

  /** The RBF kernel matrix {@code exp(-gamma |x_i - x_j|^2)} of these distances. */
  public KernelMatrix kernel(double gamma) {
    float[] k = new float[n * n];
    toKernel(upper, n, -gamma, k);
    return new KernelMatrix(n, k);
  }

  /**
   * Fills the whole of {@code out} with {@code exp(g * d)} from the upper triangle {@code d}: the
   * exponentials of the upper triangle, ones on the diagonal, the lower triangle mirrored. {@code
   * out} may be {@code d} itself.
   */
  static void toKernel(float[] d, int n, double g, float[] out) {
    for (int i = 0; i < n; i++) {
      int row = i * n;
      out[row + i] = 1f;
      for (int j = i + 1; j < n; j++) {
        out[row + j] = (float) Math.exp(g * d[row + j]);
      }
    }
    mirror(out, n);
  }

  /** Copies the strictly upper triangle onto the lower one, tile by tile. */
  private static void mirror(float[] v, int n) {
    for (int bi = 0; bi < n; bi += TILE) {
      int iEnd = Math.min(n, bi + TILE);
      for (int bj = bi; bj < n; bj += TILE) {
        int jEnd = Math.min(n, bj + TILE);
        for (int i = bi; i < iEnd; i++) {
          int row = i * n;
          for (int j = Math.max(bj, i + 1); j < jEnd; j++) {
            v[j * n + i] = v[row + j];
          }
        }
      }
    }
  }

  /** The memory the matrix takes, bytes. */
  public long bytes() {
    return 4L * n * n;
  }
}
