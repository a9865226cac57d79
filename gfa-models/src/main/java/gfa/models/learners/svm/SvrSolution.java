package gfa.models.learners.svm;

/**
 * The solution of the epsilon-SVR dual in libsvm's form: 2n multipliers, {@code alpha[r]} of row r
 * below its tube ({@code y = +1}) and {@code alpha[r + n]} above it ({@code y = -1}); the fitted
 * function is {@code f(x) = sum_r (alpha[r] - alpha[r + n]) K(x_r, x) - rho}.
 *
 * @param alpha the 2n multipliers, each in [0, C]
 * @param gradient the dual objective's gradient at {@code alpha} (2n)
 * @param rho libsvm's rho: minus the intercept
 * @param objective the dual objective {@code 1/2 a'Qa + p'a} (libsvm's "obj"; lower is better)
 * @param iterations SMO steps taken
 * @param converged whether the maximal violation fell below the tolerance (else the step cap hit)
 */
public record SvrSolution(double[] alpha, double[] gradient, double rho, double objective, long iterations, boolean converged) {
  /** The number of training rows, n. */
  public int rows() {
    return alpha.length / 2;
  }

  /** The weight of row r in the fitted function, {@code alpha[r] - alpha[r + n]}. */
  public double coefficient(int r) {
    return alpha[r] - alpha[r + rows()];
  }

  /** The rows with a non-zero weight, in row order. */
  public int[] supportVectors() {
    int n = rows();
    return java.util.stream.IntStream.range(0, n).filter(r -> coefficient(r) != 0).toArray();
  }
}
