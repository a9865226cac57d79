package gfa.models.search;

import java.util.List;
import java.util.Map;

/** Standard global-optimisation test functions (Surjanovic & Bingham's library; Dixon & Szegő 1978). */
final class TestFunctions {
  private TestFunctions() {}

  static final double BRANIN_MIN = 0.397887;
  static final double HARTMANN6_MIN = -3.32237;

  /** Branin-Hoo on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887 at (-pi, 12.275), (pi, 2.275), (9.42478, 2.475). */
  static double branin(double x1, double x2) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double u = x2 - b * x1 * x1 + c * x1 - 6;
    return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
  }

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] A = {
      {10, 3, 17, 3.5, 1.7, 8},
      {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8},
      {17, 8, 0.05, 10, 0.1, 14}};
  private static final double[][] P = {
      {1312, 1696, 5569, 124, 8283, 5886},
      {2329, 4135, 8307, 3736, 1004, 9991},
      {2348, 1451, 3522, 2883, 3047, 6650},
      {4047, 8828, 8732, 5743, 1091, 381}};
  static final double[] HARTMANN6_ARGMIN = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};

  /** Hartmann-6 on [0, 1]^6; minimum -3.32237 at {@link #HARTMANN6_ARGMIN}. */
  static double hartmann6(double[] x) {
    double f = 0;
    for (int i = 0; i < 4; i++) {
      double s = 0;
      for (int j = 0; j < 6; j++) {
        double d = x[j] - 1e-4 * P[i][j];
        s += A[i][j] * d * d;
      }
      f -= ALPHA[i] * Math.exp(-s);
    }
    return f;
  }

  /** A test problem: a space, an objective on it, and the objective's minimum over the space. */
  record Problem(String name, SearchSpace space, Objective objective, double minimum, int evaluations) {}

  static Problem branin() {
    return new Problem("Branin",
        SearchSpace.of(new Parameter.Uniform("x1", -5, 10), new Parameter.Uniform("x2", 0, 15)),
        p -> branin((Double) p.get("x1"), (Double) p.get("x2")), BRANIN_MIN, 100);
  }

  static Problem hartmann6() {
    Parameter[] xs = new Parameter[6];
    for (int j = 0; j < 6; j++) {
      xs[j] = new Parameter.Uniform("x" + (j + 1), 0, 1);
    }
    return new Problem("Hartmann-6", SearchSpace.of(xs), p -> {
      double[] x = new double[6];
      for (int j = 0; j < 6; j++) {
        x[j] = (Double) p.get("x" + (j + 1));
      }
      return hartmann6(x);
    }, HARTMANN6_MIN, 100);
  }

  /** Branin on the grid q(-5, 10, 0.1) x q(0, 15, 0.1); its minimum there is branin(9.4, 2.5) = 0.402934. */
  static Problem quantisedBranin() {
    return new Problem("quantised Branin",
        SearchSpace.of(new Parameter.QUniform("x1", -5, 10, 0.1), new Parameter.QUniform("x2", 0, 15, 0.1)),
        p -> branin((Double) p.get("x1"), (Double) p.get("x2")), branin(9.4, 2.5), 100);
  }

  /** Offsets of the choice in {@link #mixedBranin()}: only option "a" reaches Branin's minimum. */
  static final Map<String, Double> OFFSETS = Map.of("a", 0.0, "b", 2.0, "c", 5.0, "d", 10.0);

  /**
   * Branin over a mixed space: x1 uniform, x2 = y - 1 with y log-uniform on [1, 16], plus an
   * offset chosen by a four-way choice; minimum 0.397887 (option "a", y = 3.275 or 13.275 ...).
   */
  static Problem mixedBranin() {
    return new Problem("mixed Branin (uniform, log-uniform, choice)",
        SearchSpace.of(new Parameter.Uniform("x1", -5, 10), new Parameter.LogUniform("y", 1, 16),
            new Parameter.Choice("offset", List.of("a", "b", "c", "d"))),
        p -> branin((Double) p.get("x1"), (Double) p.get("y") - 1) + OFFSETS.get((String) p.get("offset")),
        BRANIN_MIN, 80);
  }
}
