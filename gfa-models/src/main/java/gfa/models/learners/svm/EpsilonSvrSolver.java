package gfa.models.learners.svm;

/**
 * Sequential minimal optimisation for the epsilon-SVR dual as libsvm poses it (Chang & Lin, "LIBSVM:
 * a library for support vector machines", 2011, §4.1.2 and §4.1.1): 2n variables {@code alpha_t} in
 * [0, C] with labels {@code y_t = +1} (t < n) and {@code -1} (t >= n), minimising {@code 1/2 a'Qa +
 * p'a} subject to {@code y'a = 0}, where {@code Q_st = y_s y_t K(s mod n, t mod n)}, {@code p_r =
 * epsilon - z_r} and {@code p_(r+n) = epsilon + z_r}.
 *
 * <p>Each step picks the pair by the second-order working-set selection of Fan, Chen & Lin (JMLR 6,
 * 2005, WSS 2): i the maximal violator, j the variable whose pair with i decreases the objective
 * most under a one-dimensional Newton step; it stops when the maximal violation {@code m(a) - M(a)}
 * is below the tolerance (libsvm's rule, tolerance 1e-3 in scikit-learn); rho is libsvm's (the mean
 * of {@code y_t G_t} over free variables, else the middle of the feasible interval).
 *
 * <p>Why by hand and not libsvm's Java port: with the whole kernel matrix in memory, the Q row of a
 * variable t is plus or minus the K row of t mod n, so one pass over n rows updates the gradient of
 * all 2n variables without copying a Q row, and the loops are plain array loops: the gradient
 * update vectorises, and the selection loops test the variables' bounds by conditional moves
 * (the bounds of neighbouring variables follow no pattern: as branches, their mispredictions were
 * most of a step's time; a hard fit, C 50, took 13.1 s with them and 11.1 s without). There is no shrinking: with every kernel row already computed a step costs three
 * passes over n numbers, and libsvm's shrinking (tried: the tests' ShrinkingSvrSolver) made the
 * fits about twice slower, its indexed loops over the active variables costing more than the
 * variables it removes (docs/engine.md, "SVR solver"). The steps allocate nothing.
 */
public final class EpsilonSvrSolver {
  /** libsvm's TAU: the curvature used when a pair's is not positive (duplicated rows). */
  private static final double TAU = 1e-12;

  private final KernelMatrix kernel;
  private final double c;
  private final double tolerance;

  /**
   * @param kernel the kernel matrix of the n training rows
   * @param c the box constraint C (positive)
   * @param tolerance the stopping tolerance on the maximal violation (positive)
   */
  public EpsilonSvrSolver(KernelMatrix kernel, double c, double tolerance) {
    if (!(c > 0) || Double.isInfinite(c) || !(tolerance > 0)) {
      throw new IllegalArgumentException("C " + c + ", tolerance " + tolerance);
    }
    this.kernel = kernel;
    this.c = c;
    this.tolerance = tolerance;
  }

  /**
   * Solves the dual for targets {@code z} and tube half-width {@code epsilon >= 0}, starting from
   * {@code alpha = 0} as libsvm does.
   */
  public SvrSolution solve(double[] z, double epsilon) {
    int n = kernel.size();
    if (z.length != n) {
      throw new IllegalArgumentException(z.length + " targets for " + n + " kernel rows");
    }
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon " + epsilon);
    }
    double[] p = new double[2 * n];
    for (int r = 0; r < n; r++) {
      p[r] = epsilon - z[r];
      p[r + n] = epsilon + z[r];
    }
    double[] alpha = new double[2 * n];
    double[] gradient = p.clone(); // G = Q alpha + p with alpha = 0
    float[] k = kernel.values();
    double[] diagonal = new double[n];
    for (int r = 0; r < n; r++) {
      diagonal[r] = k[r * n + r];
    }
    // libsvm's cap on the number of steps
    long cap = Math.max(10_000_000L, 2L * n > Integer.MAX_VALUE / 100 ? Integer.MAX_VALUE : 100L * 2 * n);
    long iterations = 0;
    boolean converged = false;
    while (iterations < cap) {
      int i = maximalViolator(alpha, gradient, n);
      if (i < 0) {
        converged = true;
        break;
      }
      double gMax = i < n ? -gradient[i] : gradient[i];
      int j = secondVariable(i, gMax, alpha, gradient, k, diagonal, n);
      if (j < 0) {
        converged = true;
        break;
      }
      iterations++;
      step(i, j, alpha, gradient, k, diagonal, n);
    }
    double rho = rho(alpha, gradient, n);
    double objective = 0;
    for (int t = 0; t < 2 * n; t++) {
      objective += alpha[t] * (gradient[t] + p[t]);
    }
    return new SvrSolution(alpha, gradient, rho, objective / 2, iterations, converged);
  }

  /**
   * i = argmax over the variables that may move up along y (y_t = +1 below C, y_t = -1 above 0) of
   * {@code -y_t G_t}; -1 if there is none.
   */
  private int maximalViolator(double[] alpha, double[] g, int n) {
    double gMax = Double.NEGATIVE_INFINITY;
    int best = -1;
    // the status test as a conditional move: it is unpredictable, the maximum rarely changes
    for (int r = 0; r < n; r++) {
      double v = alpha[r] < c ? -g[r] : Double.NEGATIVE_INFINITY;
      if (v >= gMax && v != Double.NEGATIVE_INFINITY) {
        gMax = v;
        best = r;
      }
    }
    for (int r = n; r < 2 * n; r++) {
      double v = alpha[r] > 0 ? g[r] : Double.NEGATIVE_INFINITY;
      if (v >= gMax && v != Double.NEGATIVE_INFINITY) {
        gMax = v;
        best = r;
      }
    }
    return best;
  }

  /**
   * j of WSS 2 for the given i, or -1 when the pair's violation {@code gMax + gMax2} is below the
   * tolerance (the solution is optimal to it) or no variable can pair with i.
   */
  private int secondVariable(int i, double gMax, double[] alpha, double[] g, float[] k, double[] diagonal, int n) {
    int ri = i < n ? i : i - n;
    int rowI = ri * n;
    double qdI = diagonal[ri];
    double gMax2 = Double.NEGATIVE_INFINITY;
    // the best objective decrease so far, diff^2 / quad, kept as a fraction: comparing by cross
    // multiplication spares a division per candidate (the loop's slowest operation); -1 / 1 makes
    // the first candidate win, as libsvm's initial infinity
    double bestSquare = -1;
    double bestQuad = 1;
    int best = -1;
    for (int r = 0; r < n; r++) {
      // y = +1 variables that may move down, and y = -1 variables that may move up; for both the
      // pair's curvature is K_ii + K_jj - 2 K_ij (the signs of y_i y_j cancel), so of a row's two
      // variables only the one with the larger violation can be chosen (the y = -1 one on a tie,
      // as a scan of r then r + n with ">=" would); the selections below are branch-free
      // (conditional moves), the mispredicted branches having been most of this loop's time
      double quad = qdI + diagonal[r] - 2.0 * k[rowI + r];
      if (quad <= 0) {
        quad = TAU;
      }
      int t = r + n;
      double down = alpha[r] > 0 ? g[r] : Double.NEGATIVE_INFINITY;
      double up = alpha[t] < c ? -g[t] : Double.NEGATIVE_INFINITY;
      boolean upper = up >= down;
      double violation = upper ? up : down;
      gMax2 = violation >= gMax2 ? violation : gMax2;
      double diff = gMax + violation;
      if (diff > 0 & diff * diff * bestQuad >= bestSquare * quad) {
        bestSquare = diff * diff;
        bestQuad = quad;
        best = upper ? t : r;
      }
    }
    return gMax + gMax2 < tolerance ? -1 : best;
  }

  /** The analytic two-variable step on (i, j), clipped to the box, and the gradient update. */
  private void step(int i, int j, double[] alpha, double[] g, float[] k, double[] diagonal, int n) {
    int ri = i < n ? i : i - n;
    int rj = j < n ? j : j - n;
    double yi = i < n ? 1 : -1;
    double yj = j < n ? 1 : -1;
    double quad = diagonal[ri] + diagonal[rj] - 2.0 * k[ri * n + rj];
    if (quad <= 0) {
      quad = TAU;
    }
    double oldI = alpha[i];
    double oldJ = alpha[j];
    double newI;
    double newJ;
    if (yi != yj) {
      // a_i - a_j stays fixed
      double delta = (-g[i] - g[j]) / quad;
      double diff = oldI - oldJ;
      double low = Math.max(0, diff);
      double high = Math.min(c, c + diff);
      newI = oldI + delta;
      newJ = oldJ + delta;
      if (newI <= low) {
        newI = low;
        newJ = diff > 0 ? 0 : -diff;
      } else if (newI >= high) {
        newI = high;
        newJ = diff > 0 ? c - diff : c;
      }
    } else {
      // a_i + a_j stays fixed
      double delta = (g[i] - g[j]) / quad;
      double sum = oldI + oldJ;
      double low = Math.max(0, sum - c);
      double high = Math.min(c, sum);
      newI = oldI - delta;
      newJ = oldJ + delta;
      if (newI <= low) {
        newI = low;
        newJ = sum > c ? c : sum;
      } else if (newI >= high) {
        newI = high;
        newJ = sum > c ? sum - c : 0;
      }
    }
    alpha[i] = newI;
    alpha[j] = newJ;
    // G_t += Q_ti dA_i + Q_tj dA_j, with Q_ti = y_t y_i K(t mod n, ri): one pass over the rows
    // updates both variables of each row
    double ci = yi * (newI - oldI);
    double cj = yj * (newJ - oldJ);
    int rowI = ri * n;
    int rowJ = rj * n;
    for (int r = 0; r < n; r++) {
      double s = ci * k[rowI + r] + cj * k[rowJ + r];
      g[r] += s;
      g[r + n] -= s;
    }
  }

  /** libsvm's rho: the mean of y_t G_t over free variables, else the middle of its bounds. */
  private double rho(double[] alpha, double[] g, int n) {
    double upper = Double.POSITIVE_INFINITY;
    double lower = Double.NEGATIVE_INFINITY;
    double freeSum = 0;
    int free = 0;
    for (int t = 0; t < 2 * n; t++) {
      boolean positive = t < n;
      double yg = positive ? g[t] : -g[t];
      if (alpha[t] >= c) {
        if (positive) {
          lower = Math.max(lower, yg);
        } else {
          upper = Math.min(upper, yg);
        }
      } else if (alpha[t] <= 0) {
        if (positive) {
          upper = Math.min(upper, yg);
        } else {
          lower = Math.max(lower, yg);
        }
      } else {
        free++;
        freeSum += yg;
      }
    }
    return free > 0 ? freeSum / free : (upper + lower) / 2;
  }
}
