package gfa.models.learners;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One hyperparameter's quantised uniform range, docs/method.md §4's {@code q(low, high, step)}: the grid
 * {@code low, low + step, ..., high}.
 *
 * @param name the parameter's name as the paper's libraries spell it ({@code C},
 *     {@code n_estimators}, {@code reg_lambda}, ...)
 * @param low the smallest grid value
 * @param high the largest grid value
 * @param step the grid spacing
 * @param integer whether the library takes a whole number (a tree count, a depth); the grid of such
 *     a parameter holds whole numbers only. A real-valued parameter may still have a whole-numbered
 *     grid (SVR's {@code C}).
 */
public record QRange(String name, double low, double high, double step, boolean integer) {
  /** Tolerance, in units of {@code step}, for deciding that a value lies on the grid. */
  private static final double GRID_TOLERANCE = 1e-9;

  public QRange {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a range needs a name");
    }
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
      throw new IllegalArgumentException(name + ": need finite low < high, got [" + low + ", " + high + "]");
    }
    if (!Double.isFinite(step) || !(step > 0)) {
      throw new IllegalArgumentException(name + ": step must be finite and > 0, got " + step);
    }
    if (integer && (low != Math.rint(low) || high != Math.rint(high) || step != Math.rint(step))) {
      throw new IllegalArgumentException(name + ": an integer range needs whole-numbered low, high and step");
    }
  }

  /** A real-valued range {@code q(low, high, step)}. */
  public static QRange ofReal(String name, double low, double high, double step) {
    return new QRange(name, low, high, step, false);
  }

  /** A whole-numbered range {@code q(low, high, step)}. */
  public static QRange ofInteger(String name, int low, int high, int step) {
    return new QRange(name, low, high, step, true);
  }

  /** The number of grid points (the last one may be {@code high} clipped, as in hyperopt). */
  public int size() {
    BigDecimal span = BigDecimal.valueOf(high).subtract(BigDecimal.valueOf(low));
    return span.divide(BigDecimal.valueOf(step), 0, RoundingMode.CEILING).intValueExact() + 1;
  }

  /** Whether {@code value} lies in [low, high] and on the grid (up to floating-point rounding). */
  public boolean contains(double value) {
    if (!(value >= low && value <= high)) {
      return false;
    }
    if (value == high) {
      return true;
    }
    double k = (value - low) / step;
    return Math.abs(k - Math.rint(k)) <= GRID_TOLERANCE * Math.max(1, Math.abs(k));
  }
}
