package gfa.models.learners.svm;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;
import smile.regression.SVM;

/** Seeded regression problems and the reference fit (Smile's SMO) the solver's tests compare with. */
final class SvrProblems {
  private SvrProblems() {}

  /** n rows of p uniform descriptors in [-2, 2], {@code y = sin(x0) + x1 x2 - 0.5 x_(p-1) + noise}. */
  static double[][] rows(int n, int p, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        row[j] = random.nextDouble(-2, 2);
      }
    }
    return x;
  }

  static double[] targets(double[][] x, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] r = x[i];
      y[i] = Math.sin(r[0]) + r[1] * r[2] - 0.5 * r[r.length - 1] + random.nextDouble(-0.1, 0.1);
    }
    return y;
  }

  /** Smile's SMO fit with scikit-learn's parameters (Smile refuses epsilon = 0: 1e-9 then). */
  static KernelMachine<double[]> smile(double[][] x, double[] y, double c, double gamma, double epsilon) {
    return SVM.fit(x, y, new GaussianKernel(Math.sqrt(1 / (2 * gamma))), new SVM.Options(Math.max(epsilon, 1e-9), c, 1e-3));
  }

  /** Smile's weights by training row (Smile keeps the rows it was given as its support vectors). */
  static double[] smileCoefficients(KernelMachine<double[]> machine, double[][] x) {
    Map<double[], Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < x.length; i++) {
      index.put(x[i], i);
    }
    double[] w = new double[x.length];
    double[][] vectors = machine.vectors();
    for (int s = 0; s < vectors.length; s++) {
      w[index.get(vectors[s])] += machine.weights()[s];
    }
    return w;
  }

  /** The RBF kernel in double precision, straight from its definition. */
  static double kernel(double[] a, double[] b, double gamma) {
    double squared = 0;
    for (int j = 0; j < a.length; j++) {
      squared += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return Math.exp(-gamma * squared);
  }

  /** {@code f(x) = b + sum_r w_r K(x_r, x)} evaluated naively in double precision. */
  static double function(double[][] x, double[] w, double b, double gamma, double[] query) {
    double f = b;
    for (int r = 0; r < x.length; r++) {
      if (w[r] != 0) {
        f += w[r] * kernel(x[r], query, gamma);
      }
    }
    return f;
  }

  /**
   * The dual objective of weights w (w_r = alpha_r - alpha_(r+n), at most one of the two non-zero):
   * {@code 1/2 w'Kw + epsilon sum |w_r| - z'w}, libsvm's objective, lower is better.
   */
  static double dualObjective(double[][] x, double[] z, double[] w, double gamma, double epsilon) {
    double quadratic = 0;
    double linear = 0;
    for (int r = 0; r < x.length; r++) {
      if (w[r] == 0) {
        continue;
      }
      for (int s = 0; s < x.length; s++) {
        if (w[s] != 0) {
          quadratic += w[r] * w[s] * kernel(x[r], x[s], gamma);
        }
      }
      linear += epsilon * Math.abs(w[r]) - z[r] * w[r];
    }
    return quadratic / 2 + linear;
  }
}
