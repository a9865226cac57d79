package gfa.models.learners;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyperparameter values of one fit as the search gives them (a map of numbers): the caller's
 * values over the learner's defaults, checked against the learner's space (known names, finite
 * numbers, whole numbers for integer ranges). The learners' {@link LearnerOptions} records are
 * built from these, and add the library's own bounds. Values outside a range's bounds are allowed:
 * the space bounds the search, not the library.
 */
final class Hyperparameters {
  private final Map<String, Double> values;

  private Hyperparameters(Map<String, Double> values) {
    this.values = values;
  }

  static Hyperparameters resolve(Learner learner, Map<String, ?> given) {
    ParamSpace space = learner.space();
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : space.names()) {
      Object value = given.containsKey(name) ? given.get(name) : learner.defaults().get(name);
      if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
        throw new IllegalArgumentException(learner.id() + ": parameter " + name + " = " + value
            + " is not a finite number");
      }
      double v = number.doubleValue();
      if (space.range(name).integer() && (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)) {
        throw new IllegalArgumentException(learner.id() + ": parameter " + name + " = " + v
            + " must be a whole number");
      }
      values.put(name, v);
    }
    for (String name : given.keySet()) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException(learner.id() + ": unknown parameter '" + name + "'; known: "
            + space.names());
      }
    }
    return new Hyperparameters(Collections.unmodifiableMap(values));
  }

  double real(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'");
    }
    return v;
  }

  int integer(String name) {
    return (int) real(name); // whole-numberedness checked in resolve
  }

  static void requireFinite(String learner, String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(learner + ": parameter " + name + " = " + v + " is not a finite number");
    }
  }

  /** A library's own validity bound. */
  static void requireAtLeast(String learner, String name, double v, double min) {
    if (v < min) {
      throw new IllegalArgumentException(learner + ": parameter " + name + " = " + v + " must be >= " + min);
    }
  }

  static void requireAtLeast(String learner, String name, int v, int min) {
    if (v < min) {
      throw new IllegalArgumentException(learner + ": parameter " + name + " = " + v + " must be >= " + min);
    }
  }

  /** An ordered, unmodifiable map from alternating names and values, for {@link LearnerOptions#values()}. */
  static Map<String, Number> named(Object... namesAndValues) {
    Map<String, Number> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], (Number) namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
