package gfa.models.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One hyperparameter and the prior the search draws it from (hyperopt's {@code hp.*} expressions).
 * In a trial's parameter map, numeric parameters are {@link Double}s and {@link Choice}s are
 * {@link String}s.
 */
public sealed interface Parameter
    permits Parameter.Uniform, Parameter.QUniform, Parameter.LogUniform, Parameter.Choice {

  /** The name the value is stored under, e.g. {@code n_estimators}. */
  String name();

  /** Whether {@code value} is one this parameter can take (right type, inside the range, on the grid). */
  boolean admits(Object value);

  /** A real number, uniform on [low, high] ({@code hp.uniform}). */
  record Uniform(String name, double low, double high) implements Parameter {
    public Uniform {
      requireName(name);
      requireRange(name, low, high);
    }

    @Override
    public boolean admits(Object value) {
      return value instanceof Double d && d >= low && d <= high;
    }
  }

  /**
   * A quantised uniform range, docs/method.md §4's {@code q(low, high, step)}: the grid {@code low + k*step},
   * k = 0, 1, ..., with a last point beyond {@code high} clipped to {@code high}; every grid point is
   * equally likely under the prior. Grid values are computed in decimal, so {@code q(0.1, 0.45,
   * 0.005)} gives {@code 0.105}, not {@code 0.10500000000000001}. A parameter with an integer low
   * and step holds whole numbers (as {@link Double}s; see {@link Trial#intValue}).
   */
  record QUniform(String name, double low, double high, double step) implements Parameter {
    public QUniform {
      requireName(name);
      requireRange(name, low, high);
      if (!(step > 0) || !Double.isFinite(step)) {
        throw new IllegalArgumentException(name + ": step must be finite and > 0, got " + step);
      }
      if ((high - low) / step >= Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException(name + ": more than " + Integer.MAX_VALUE + " grid points");
      }
    }

    /** The number of grid points. */
    public int size() {
      BigDecimal steps = decimal(high).subtract(decimal(low)).divide(decimal(step), 0, RoundingMode.CEILING);
      return steps.intValueExact() + 1;
    }

    /** Grid point {@code index} (0 = low, {@code size() - 1} = high). */
    public double value(int index) {
      if (index < 0 || index >= size()) {
        throw new IndexOutOfBoundsException(name + ": grid index " + index + " outside [0, " + size() + ")");
      }
      double v = decimal(low).add(decimal(step).multiply(BigDecimal.valueOf(index))).doubleValue();
      return Math.min(v, high);
    }

    /** The index of the grid point nearest to {@code value} (values outside the range give an end point). */
    public int index(double value) {
      return nearestIndex(value, low, step, size());
    }

    static int nearestIndex(double value, double low, double step, int size) {
      return (int) Math.max(0, Math.min(size - 1, Math.rint((value - low) / step)));
    }

    @Override
    public boolean admits(Object value) {
      return value instanceof Double d && d >= low && d <= high && value(index(d)) == d;
    }

    private static BigDecimal decimal(double x) {
      return BigDecimal.valueOf(x); // the shortest decimal that reads back as x: 0.005, not 0.005000000000000000104...
    }
  }

  /** A positive real number whose logarithm is uniform ({@code hp.loguniform(log(low), log(high))}). */
  record LogUniform(String name, double low, double high) implements Parameter {
    public LogUniform {
      requireName(name);
      requireRange(name, low, high);
      if (!(low > 0)) {
        throw new IllegalArgumentException(name + ": a log-uniform range needs low > 0, got " + low);
      }
    }

    @Override
    public boolean admits(Object value) {
      return value instanceof Double d && d >= low && d <= high;
    }
  }

  /** One of a list of options, each equally likely under the prior ({@code hp.choice}). */
  record Choice(String name, List<String> options) implements Parameter {
    public Choice {
      requireName(name);
      options = List.copyOf(options);
      if (options.isEmpty()) {
        throw new IllegalArgumentException(name + ": a choice needs at least one option");
      }
      Set<String> seen = new HashSet<>();
      for (String option : options) {
        if (!seen.add(option)) {
          throw new IllegalArgumentException(name + ": option '" + option + "' is listed twice");
        }
      }
    }

    /** The position of {@code option} in {@link #options()}; throws for an unknown option. */
    public int index(String option) {
      int i = options.indexOf(option);
      if (i < 0) {
        throw new IllegalArgumentException(name + ": '" + option + "' is not one of " + options);
      }
      return i;
    }

    @Override
    public boolean admits(Object value) {
      return value instanceof String s && options.contains(s);
    }
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a name");
    }
  }

  private static void requireRange(String name, double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
      throw new IllegalArgumentException(name + ": need finite low < high, got [" + low + ", " + high + "]");
    }
  }
}
