package gfa.models.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of the objective.
 *
 * @param number position in the search, from 0
 * @param params the parameter values, in the search space's order (immutable): {@link Double} for
 *     numeric parameters, {@link String} for choices
 * @param loss the objective's value; {@code +inf} for a failed trial (the objective returned NaN or
 *     an infinity)
 * @param seconds wall time the objective took
 */
public record Trial(int number, Map<String, Object> params, double loss, double seconds) {
  public Trial {
    if (number < 0) {
      throw new IllegalArgumentException("trial number must be >= 0, got " + number);
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(params);
    copy.forEach((name, value) -> {
      if (name == null || !(value instanceof Double || value instanceof String)) {
        throw new IllegalArgumentException("parameter " + name + " = " + value + ": need a name and a Double or String value");
      }
    });
    params = Collections.unmodifiableMap(copy);
    if (Double.isNaN(loss) || loss == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("trial " + number + ": loss " + loss + " (a failed trial has loss +inf)");
    }
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("trial " + number + ": seconds must be >= 0, got " + seconds);
    }
  }

  /** Whether the objective failed to give a finite loss. */
  public boolean failed() {
    return loss == Double.POSITIVE_INFINITY;
  }

  /** The value of numeric parameter {@code name}. */
  public double doubleValue(String name) {
    if (value(name) instanceof Double d) {
      return d;
    }
    throw new IllegalArgumentException("parameter " + name + " is not numeric: " + value(name));
  }

  /** The value of a whole-numbered parameter (e.g. {@code q(50, 550, 5)}); throws if it is not a whole number. */
  public int intValue(String name) {
    double d = doubleValue(name);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter " + name + " = " + d + " is not a whole number");
    }
    return (int) d;
  }

  /** The option chosen for choice parameter {@code name}. */
  public String stringValue(String name) {
    if (value(name) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("parameter " + name + " is not a choice: " + value(name));
  }

  private Object value(String name) {
    Object v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("trial " + number + " has no parameter '" + name + "'; it has " + params.keySet());
    }
    return v;
  }
}
