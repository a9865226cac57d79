package gfa.models.learners.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import smile.regression.KernelMachine;

/**
 * gfa's epsilon-SVR solver against the optimality conditions of the dual and against Smile's SMO
 * (the solver gfa used before, itself checked against scikit-learn) on the same problems.
 */
class EpsilonSvrSolverTest {
  private static final double TOL = 1e-3;

  private static SvrSolution solve(double[][] x, double[] z, double c, double gamma, double epsilon) {
    return new EpsilonSvrSolver(KernelMatrix.rbf(x, gamma), c, TOL).solve(z, epsilon);
  }

  private static double[] weights(SvrSolution s) {
    double[] w = new double[s.rows()];
    for (int r = 0; r < w.length; r++) {
      w[r] = s.coefficient(r);
    }
    return w;
  }

  /**
   * The KKT conditions of libsvm's dual, recomputed in double precision from the rows (not from the
   * solver's float kernel or its gradient): every multiplier in [0, C], {@code y'a = 0}, the maximal
   * violation {@code m(a) - M(a)} below the tolerance, and every free multiplier's {@code y_t G_t}
   * at rho.
   */
  static void assertKkt(double[][] x, double[] z, double c, double gamma, double epsilon, SvrSolution s) {
    int n = x.length;
    double[] a = s.alpha();
    double balance = 0;
    for (int t = 0; t < 2 * n; t++) {
      assertTrue(a[t] >= 0 && a[t] <= c, "alpha[" + t + "] = " + a[t]);
      balance += t < n ? a[t] : -a[t];
    }
    assertEquals(0, balance, 1e-9 * c * n, "y'alpha");
    double[] w = weights(s);
    double up = Double.NEGATIVE_INFINITY; // m(a): max over I_up of -y_t G_t
    double low = Double.POSITIVE_INFINITY; // M(a): min over I_low of -y_t G_t
    double slack = 1e-5 * c * n * 1e-2 + 1e-6; // float kernel in the solver's gradient
    for (int r = 0; r < n; r++) {
      double kw = 0; // (K w)_r = y_r-free part of (Q a)_r
      for (int q = 0; q < n; q++) {
        if (w[q] != 0) {
          kw += w[q] * SvrProblems.kernel(x[r], x[q], gamma);
        }
      }
      double gPlus = kw + epsilon - z[r]; // G_r, y = +1
      double gMinus = -kw + epsilon + z[r]; // G_(r+n), y = -1
      if (a[r] < c) {
        up = Math.max(up, -gPlus);
      }
      if (a[r] > 0) {
        low = Math.min(low, -gPlus);
      }
      if (a[r + n] > 0) {
        up = Math.max(up, gMinus);
      }
      if (a[r + n] < c) {
        low = Math.min(low, gMinus);
      }
      if (a[r] > 0 && a[r] < c) {
        assertEquals(s.rho(), gPlus, TOL + slack, "free alpha[" + r + "]");
      }
      if (a[r + n] > 0 && a[r + n] < c) {
        assertEquals(s.rho(), -gMinus, TOL + slack, "free alpha[" + (r + n) + "]");
      }
    }
    assertTrue(up - low < TOL + slack, "maximal violation " + (up - low));
  }

  /**
   * The same support vectors as Smile's up to borderline rows (those on the tube's edge to within
   * the tolerance, where either answer is optimal to it), predictions within 1e-2 (mm on D_max's
   * scale), and a dual objective at least as good to within the tolerance's reach.
   */
  static void assertLikeSmile(double[][] x, double[] z, double c, double gamma, double epsilon, double[][] queries) {
    assertLikeSmile(x, z, c, gamma, epsilon, queries, true);
  }

  /**
   * @param sameVectors whether to compare the support vectors: not with duplicated rows, whose
   *     weights may be split between the copies in any way with the same function and objective
   */
  static void assertLikeSmile(double[][] x, double[] z, double c, double gamma, double epsilon, double[][] queries, boolean sameVectors) {
    SvrSolution mine = solve(x, z, c, gamma, epsilon);
    assertTrue(mine.converged());
    KernelMachine<double[]> smile = SvrProblems.smile(x, z, c, gamma, epsilon);
    double[] theirs = SvrProblems.smileCoefficients(smile, x);
    double[] w = weights(mine);
    int differing = 0;
    for (int r = 0; r < x.length && sameVectors; r++) {
      if ((w[r] != 0) != (theirs[r] != 0)) {
        differing++;
        double f = SvrProblems.function(x, w, -mine.rho(), gamma, x[r]);
        double edge = Math.abs(Math.abs(z[r] - f) - epsilon);
        assertTrue(edge < 1e-2, "row " + r + " is a support vector of one solver only and " + edge + " off the tube's edge");
      }
    }
    assertTrue(differing <= Math.max(2, x.length / 50), differing + " rows differ in being support vectors");
    for (double[] q : queries) {
      double a = SvrProblems.function(x, w, -mine.rho(), gamma, q);
      assertEquals(smile.predict(q), a, 1e-2);
    }
    double objective = SvrProblems.dualObjective(x, z, w, gamma, epsilon);
    double smileObjective = SvrProblems.dualObjective(x, z, theirs, gamma, epsilon);
    assertTrue(objective <= smileObjective + 1e-4 * Math.abs(smileObjective),
        "dual objective " + objective + " against Smile's " + smileObjective);
    assertEquals(objective, mine.objective(), 1e-5 * Math.abs(objective) + 1e-9, "the solver's own objective");
    assertKkt(x, z, c, gamma, epsilon, mine);
  }

  @ParameterizedTest
  @CsvSource({"10, 0.2, 0.1", "50, 0.45, 0.0", "1, 0.1, 0.2", "5, 0.035, 0.05", "0.01, 0.3, 0.05", "1000, 0.2, 0.01"})
  void matchesSmilesSmoOnASyntheticProblem(double c, double gamma, double epsilon) {
    double[][] x = SvrProblems.rows(300, 8, 11);
    double[] z = SvrProblems.targets(x, 12);
    assertLikeSmile(x, z, c, gamma, epsilon, SvrProblems.rows(40, 8, 13));
  }

  @Test
  void epsilonZeroIsSolvedToTheConditions() {
    double[][] x = SvrProblems.rows(200, 5, 21);
    double[] z = SvrProblems.targets(x, 22);
    SvrSolution s = solve(x, z, 20, 0.3, 0);
    assertTrue(s.converged());
    assertKkt(x, z, 20, 0.3, 0, s);
    // with no tube every row with a residual is a support vector
    assertTrue(s.supportVectors().length > 190, s.supportVectors().length + " support vectors");
  }

  @Test
  void aTinyCPutsEveryMultiplierOnItsBoundAndTakesRhoFromTheBounds() {
    double[][] x = SvrProblems.rows(120, 5, 31);
    double[] z = SvrProblems.targets(x, 32);
    double c = 1e-4;
    SvrSolution s = solve(x, z, c, 0.2, 0.01);
    assertKkt(x, z, c, 0.2, 0.01, s);
    long bounded = Arrays.stream(s.alpha()).filter(a -> a == 0 || a == c).count();
    assertTrue(bounded >= 2 * x.length - 2, bounded + " of " + 2 * x.length + " multipliers on a bound");
    // the function is then nearly constant at -rho, close to the median target
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    assertEquals(sorted[x.length / 2], -s.rho(), 0.2);
  }

  @Test
  void duplicatedRowsWithZeroCurvatureAreHandled() {
    double[][] base = SvrProblems.rows(80, 4, 41);
    double[][] x = new double[160][];
    double[] baseZ = SvrProblems.targets(base, 42);
    double[] z = new double[160];
    for (int i = 0; i < 80; i++) {
      x[i] = base[i];
      x[i + 80] = base[i].clone();
      z[i] = baseZ[i];
      z[i + 80] = baseZ[i] + (i % 2 == 0 ? 0 : 0.3); // some duplicates disagree
    }
    assertLikeSmile(x, z, 10, 0.3, 0.05, SvrProblems.rows(20, 4, 43), false);
  }

  @Test
  void constantTargetsGiveTheConstantWithNoSupportVectors() {
    double[][] x = SvrProblems.rows(50, 3, 51);
    double[] z = new double[50];
    Arrays.fill(z, 3.25);
    for (double epsilon : new double[] {0, 0.1}) {
      SvrSolution s = solve(x, z, 10, 0.2, epsilon);
      assertEquals(0, s.supportVectors().length);
      assertEquals(-3.25, s.rho(), 1e-12);
      assertEquals(0, s.iterations());
    }
  }

  /** The shrinking variant the benchmark times reaches a solution of the same problem. */
  @Test
  void theShrinkingVariantSolvesTheSameDual() {
    double[][] x = SvrProblems.rows(400, 6, 61);
    double[] z = SvrProblems.targets(x, 62);
    SvrSolution shrunk = new ShrinkingSvrSolver(KernelMatrix.rbf(x, 0.3), 10, TOL).solve(z, 0.05);
    assertTrue(shrunk.converged());
    assertKkt(x, z, 10, 0.3, 0.05, shrunk);
    assertEquals(solve(x, z, 10, 0.3, 0.05).objective(), shrunk.objective(), 1e-3);
  }

  @Test
  void refusesAMismatchedOrNegativeInput() {
    KernelMatrix k = KernelMatrix.rbf(SvrProblems.rows(5, 2, 1), 0.2);
    assertThrows(IllegalArgumentException.class, () -> new EpsilonSvrSolver(k, 0, TOL));
    assertThrows(IllegalArgumentException.class, () -> new EpsilonSvrSolver(k, 1, TOL).solve(new double[4], 0.1));
    assertThrows(IllegalArgumentException.class, () -> new EpsilonSvrSolver(k, 1, TOL).solve(new double[5], -0.1));
  }
}
