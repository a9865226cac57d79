package gfa.models.learners.svm;

/**
 * {@link EpsilonSvrSolver}'s problem and steps (libsvm's epsilon-SVR dual, WSS 2, libsvm's stopping
 * rule and rho) with libsvm's shrinking: every min(2n, 1000) steps the variables stuck at a bound
 * that cannot violate the optimality conditions any more (libsvm's rule) leave the active set,
 * and the steps scan only the active ones. Once the violation is below ten times the tolerance the
 * whole gradient is rebuilt and every variable re-enters (once); the solution is always checked
 * on all variables before it is returned.
 *
 * <p>The active variables are kept as two ascending lists of rows, those whose y = +1 variable is
 * active and those whose y = -1 variable is, so every loop has one sign and reads the kernel rows
 * in ascending order. A gradient is rebuilt from the kernel matrix directly ({@code G = p + (Kw,
 * -Kw)}), so libsvm's G_bar is not needed.
 *
 * <p>Kept in the tests only, as the measured alternative: on a fold of the published data it takes
 * more steps and about twice the time of {@link EpsilonSvrSolver} (the indexed loops over the
 * active lists cost more than the variables shrinking removes; docs/engine.md, "SVR solver"), so
 * gfa fits without shrinking. {@link SvrFoldBenchmark} times both.
 */
final class ShrinkingSvrSolver {
  private static final double TAU = 1e-12;

  private final KernelMatrix kernel;
  private final double c;
  private final double tolerance;

  // the state of one solve
  private int n;
  private float[] k;
  private double[] alpha;
  private double[] g;
  private double[] p;
  private int[] plus;
  private int plusSize;
  private int[] minus;
  private int minusSize;
  private boolean unshrunk;

  ShrinkingSvrSolver(KernelMatrix kernel, double c, double tolerance) {
    if (!(c > 0) || Double.isInfinite(c) || !(tolerance > 0)) {
      throw new IllegalArgumentException("C " + c + ", tolerance " + tolerance);
    }
    this.kernel = kernel;
    this.c = c;
    this.tolerance = tolerance;
  }

  /** As {@link EpsilonSvrSolver#solve}. Not thread-safe: one solve at a time per solver. */
  public SvrSolution solve(double[] z, double epsilon) {
    n = kernel.size();
    if (z.length != n) {
      throw new IllegalArgumentException(z.length + " targets for " + n + " kernel rows");
    }
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon " + epsilon);
    }
    p = new double[2 * n];
    for (int r = 0; r < n; r++) {
      p[r] = epsilon - z[r];
      p[r + n] = epsilon + z[r];
    }
    alpha = new double[2 * n];
    g = p.clone();
    k = kernel.values();
    plus = new int[n];
    minus = new int[n];
    activateAll();
    unshrunk = false;
    long cap = Math.max(10_000_000L, 2L * n > Integer.MAX_VALUE / 100 ? Integer.MAX_VALUE : 100L * 2 * n);
    int period = Math.min(2 * n, 1000);
    int counter = period;
    long iterations = 0;
    boolean converged = false;
    while (iterations < cap) {
      if (--counter == 0) {
        counter = period;
        shrink();
      }
      int[] pair = select();
      if (pair == null) {
        if (plusSize + minusSize == 2 * n) {
          converged = true;
          break;
        }
        // optimal on the active set: check on all variables
        rebuildGradient();
        activateAll();
        counter = 1;
        pair = select();
        if (pair == null) {
          converged = true;
          break;
        }
      }
      iterations++;
      step(pair[0], pair[1]);
    }
    if (plusSize + minusSize < 2 * n) {
      rebuildGradient();
      activateAll();
    }
    double rho = rho();
    double objective = 0;
    for (int t = 0; t < 2 * n; t++) {
      objective += alpha[t] * (g[t] + p[t]);
    }
    return new SvrSolution(alpha, g, rho, objective / 2, iterations, converged);
  }

  private void activateAll() {
    for (int r = 0; r < n; r++) {
      plus[r] = r;
      minus[r] = r;
    }
    plusSize = n;
    minusSize = n;
  }

  /** G = p + (Kw, -Kw) with w_r = alpha_r - alpha_(r+n), from the kernel matrix. */
  private void rebuildGradient() {
    double[] kw = new double[n];
    for (int s = 0; s < n; s++) {
      double w = alpha[s] - alpha[s + n];
      if (w != 0) {
        int row = s * n;
        for (int r = 0; r < n; r++) {
          kw[r] += w * k[row + r]; // K is symmetric: row s is column s
        }
      }
    }
    for (int r = 0; r < n; r++) {
      g[r] = p[r] + kw[r];
      g[r + n] = p[r + n] - kw[r];
    }
  }

  private final int[] selected = new int[2];

  /** WSS 2 on the active set: {i, j}, or null when optimal to the tolerance there. */
  private int[] select() {
    double gMax = Double.NEGATIVE_INFINITY;
    int i = -1;
    for (int a = 0; a < plusSize; a++) {
      int r = plus[a];
      if (alpha[r] < c && -g[r] >= gMax) {
        gMax = -g[r];
        i = r;
      }
    }
    for (int a = 0; a < minusSize; a++) {
      int t = minus[a] + n;
      if (alpha[t] > 0 && g[t] >= gMax) {
        gMax = g[t];
        i = t;
      }
    }
    if (i < 0) {
      return null;
    }
    int rowI = (i < n ? i : i - n) * n;
    double qdI = 1.0 * k[rowI + (i < n ? i : i - n)];
    double gMax2 = Double.NEGATIVE_INFINITY;
    double bestSquare = -1;
    double bestQuad = 1;
    int j = -1;
    for (int a = 0; a < plusSize; a++) {
      int r = plus[a];
      if (alpha[r] > 0) {
        double gr = g[r];
        if (gr >= gMax2) {
          gMax2 = gr;
        }
        double diff = gMax + gr;
        if (diff > 0) {
          double quad = qdI + k[r * n + r] - 2.0 * k[rowI + r];
          if (quad <= 0) {
            quad = TAU;
          }
          if (diff * diff * bestQuad >= bestSquare * quad) {
            bestSquare = diff * diff;
            bestQuad = quad;
            j = r;
          }
        }
      }
    }
    for (int a = 0; a < minusSize; a++) {
      int r = minus[a];
      int t = r + n;
      if (alpha[t] < c) {
        double gt = -g[t];
        if (gt >= gMax2) {
          gMax2 = gt;
        }
        double diff = gMax + gt;
        if (diff > 0) {
          double quad = qdI + k[r * n + r] - 2.0 * k[rowI + r];
          if (quad <= 0) {
            quad = TAU;
          }
          if (diff * diff * bestQuad >= bestSquare * quad) {
            bestSquare = diff * diff;
            bestQuad = quad;
            j = t;
          }
        }
      }
    }
    if (gMax + gMax2 < tolerance || j < 0) {
      return null;
    }
    selected[0] = i;
    selected[1] = j;
    return selected;
  }

  private void step(int i, int j) {
    int ri = i < n ? i : i - n;
    int rj = j < n ? j : j - n;
    double yi = i < n ? 1 : -1;
    double yj = j < n ? 1 : -1;
    double quad = k[ri * n + ri] + k[rj * n + rj] - 2.0 * k[ri * n + rj];
    if (quad <= 0) {
      quad = TAU;
    }
    double oldI = alpha[i];
    double oldJ = alpha[j];
    double newI;
    double newJ;
    if (yi != yj) {
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
    double ci = yi * (newI - oldI);
    double cj = yj * (newJ - oldJ);
    int rowI = ri * n;
    int rowJ = rj * n;
    for (int a = 0; a < plusSize; a++) {
      int r = plus[a];
      g[r] += ci * k[rowI + r] + cj * k[rowJ + r];
    }
    for (int a = 0; a < minusSize; a++) {
      int r = minus[a];
      g[r + n] -= ci * k[rowI + r] + cj * k[rowJ + r];
    }
  }

  /** libsvm's do_shrinking on the active set. */
  private void shrink() {
    double gMax1 = Double.NEGATIVE_INFINITY; // max over I_up of -y G
    double gMax2 = Double.NEGATIVE_INFINITY; // max over I_low of y G
    for (int a = 0; a < plusSize; a++) {
      int r = plus[a];
      if (alpha[r] < c) {
        gMax1 = Math.max(gMax1, -g[r]);
      }
      if (alpha[r] > 0) {
        gMax2 = Math.max(gMax2, g[r]);
      }
    }
    for (int a = 0; a < minusSize; a++) {
      int t = minus[a] + n;
      if (alpha[t] > 0) {
        gMax1 = Math.max(gMax1, g[t]);
      }
      if (alpha[t] < c) {
        gMax2 = Math.max(gMax2, -g[t]);
      }
    }
    if (!unshrunk && gMax1 + gMax2 <= tolerance * 10) {
      unshrunk = true;
      rebuildGradient();
      activateAll();
    }
    int kept = 0;
    for (int a = 0; a < plusSize; a++) {
      int r = plus[a];
      boolean out = alpha[r] >= c ? -g[r] > gMax1 : alpha[r] <= 0 && g[r] > gMax2;
      if (!out) {
        plus[kept++] = r;
      }
    }
    plusSize = kept;
    kept = 0;
    for (int a = 0; a < minusSize; a++) {
      int r = minus[a];
      int t = r + n;
      boolean out = alpha[t] >= c ? -g[t] > gMax2 : alpha[t] <= 0 && g[t] > gMax1;
      if (!out) {
        minus[kept++] = r;
      }
    }
    minusSize = kept;
  }

  private double rho() {
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
