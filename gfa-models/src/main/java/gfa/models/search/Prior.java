package gfa.models.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Draws from the parameters' priors: random search, and TPE's startup trials. */
final class Prior {
  private Prior() {}

  /** One draw of every parameter, in the space's order. */
  static Map<String, Object> draw(SearchSpace space, RandomGenerator rng) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (Parameter p : space.parameters()) {
      params.put(p.name(), draw(p, rng));
    }
    return params;
  }

  static Object draw(Parameter parameter, RandomGenerator rng) {
    return switch (parameter) {
      case Parameter.Uniform u -> Math.min(u.high(), u.low() + rng.nextDouble() * (u.high() - u.low()));
      case Parameter.QUniform q -> q.value(rng.nextInt(q.size()));
      case Parameter.LogUniform l -> fromLog(l, StrictMath.log(l.low())
          + rng.nextDouble() * (StrictMath.log(l.high()) - StrictMath.log(l.low())));
      case Parameter.Choice c -> c.options().get(rng.nextInt(c.options().size()));
    };
  }

  /** The value at {@code log(value) = u}, kept inside the range despite rounding. */
  static double fromLog(Parameter.LogUniform l, double u) {
    return Math.max(l.low(), Math.min(l.high(), StrictMath.exp(u)));
  }
}
