package gfa.models.search;

import java.util.random.RandomGenerator;

/**
 * The standard normal distribution, computed with {@link StrictMath} so that a seeded search
 * proposes the same trials on every machine.
 */
final class Gaussian {
  private static final double SQRT_PI = StrictMath.sqrt(Math.PI);
  private static final double SQRT_2 = StrictMath.sqrt(2.0);
  /** Chebyshev coefficients of {@link #logScaledErfc}, computed once from the slow reference. */
  private static final double[] CHEBYSHEV = chebyshevCoefficients(30);

  private Gaussian() {}

  /**
   * The complementary error function, to about 1e-15 relative error for moderate x (1e-13 near the
   * underflow at x = 27), also in the upper tail where {@code 1 - erf(x)} would be rounding error.
   *
   * <p>As in Numerical Recipes (3rd ed., §6.2.2): with t = 2 / (2 + x), erfc(x) = t exp(-x^2 +
   * f(t)) for x >= 0, where f is smooth on [0, 1] and is summed as a Chebyshev series. The series'
   * coefficients are not copied from a table: they are computed when the class loads, by
   * interpolating f at Chebyshev nodes, from {@link #erfcReference}.
   */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 2 - erfc(-x);
    }
    double t = 2 / (2 + x);
    return t * StrictMath.exp(-x * x + chebyshevSum(CHEBYSHEV, 2 * t - 1));
  }

  /** f(t) = log(erfc(x) / t) + x^2 with x = 2/t - 2, for t in (0, 1]; smooth, with limit -log(2 sqrt(pi)) at t = 0. */
  private static double logScaledErfc(double t) {
    double x = 2 / t - 2;
    return logErfcPlusSquare(x) - StrictMath.log(t);
  }

  /** log(erfc(x)) + x^2 for x >= 0, from the reference methods (no underflow for large x). */
  private static double logErfcPlusSquare(double x) {
    if (x < 1) {
      return StrictMath.log(1 - erfBySeries(x)) + x * x;
    }
    return -StrictMath.log(SQRT_PI * erfcContinuedFraction(x));
  }

  /** The slow reference erfc for x >= 0: series below 1, continued fraction above. */
  static double erfcReference(double x) {
    return x < 1 ? 1 - erfBySeries(x) : StrictMath.exp(-x * x) / (SQRT_PI * erfcContinuedFraction(x));
  }

  /** erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)) (Abramowitz & Stegun 7.1.6); all terms positive. */
  private static double erfBySeries(double x) {
    double twoXSquared = 2 * x * x;
    double term = x;
    double sum = x;
    for (int n = 1; term > 1e-17 * sum; n++) {
      term *= twoXSquared / (2 * n + 1);
      sum += term;
    }
    return 2 / SQRT_PI * StrictMath.exp(-x * x) * sum;
  }

  /**
   * x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))) (Abramowitz & Stegun 7.1.14), so that erfc(x) =
   * exp(-x^2) / (sqrt(pi) * value); modified Lentz method. Converges for x > 0, slowly for small x.
   */
  private static double erfcContinuedFraction(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int n = 1; n < 100_000; n++) {
      double a = 0.5 * n;
      d = x + a * d;
      d = 1 / (d == 0 ? tiny : d);
      c = x + a / c;
      if (c == 0) {
        c = tiny;
      }
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 3e-16) {
        return f;
      }
    }
    throw new IllegalStateException("erfc continued fraction did not converge at " + x);
  }

  /** Coefficients c_k of f(t(y)) = sum_k c_k T_k(y) - c_0/2, y = 2t - 1, interpolated at n Chebyshev nodes. */
  private static double[] chebyshevCoefficients(int n) {
    double[] values = new double[n];
    for (int j = 0; j < n; j++) {
      double y = StrictMath.cos(Math.PI * (j + 0.5) / n);
      values[j] = logScaledErfc(0.5 * (y + 1));
    }
    double[] c = new double[n];
    for (int k = 0; k < n; k++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += values[j] * StrictMath.cos(Math.PI * k * (j + 0.5) / n);
      }
      c[k] = 2.0 / n * sum;
    }
    return c;
  }

  /** sum_k c_k T_k(y) - c_0 / 2 by Clenshaw's recurrence. */
  private static double chebyshevSum(double[] c, double y) {
    double b1 = 0;
    double b2 = 0;
    for (int k = c.length - 1; k >= 1; k--) {
      double b0 = 2 * y * b1 - b2 + c[k];
      b2 = b1;
      b1 = b0;
    }
    return y * b1 - b2 + 0.5 * c[0];
  }

  /** P(Z >= z) for a standard normal Z. */
  static double upperTail(double z) {
    return 0.5 * erfc(z / SQRT_2);
  }

  /** P(lo <= Z < hi) for a standard normal Z, computed from the nearer tail so it stays accurate far out. */
  static double mass(double lo, double hi) {
    if (!(lo < hi)) {
      return 0;
    }
    if (lo >= 0) {
      return upperTail(lo) - upperTail(hi);
    }
    if (hi <= 0) {
      return upperTail(-hi) - upperTail(-lo);
    }
    return 1 - upperTail(-lo) - upperTail(hi);
  }

  /** A standard normal draw (Box-Muller; one of the pair is discarded so each call uses exactly two uniforms). */
  static double sample(RandomGenerator rng) {
    double u1 = 1 - rng.nextDouble(); // (0, 1]
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }
}
