package gfa.models.learners;

import java.util.Map;

/**
 * The hyperparameters of {@link SvrLearner}, by scikit-learn's names: {@code C}, {@code gamma}
 * (of the kernel {@code exp(-gamma |x - x'|^2)}) and the tube width {@code epsilon} (mm).
 */
public record SvrOptions(double c, double gamma, double epsilon) implements LearnerOptions {

  /** Finite; {@code C > 0}, {@code gamma > 0} and {@code epsilon >= 0}, as the solver needs. */
  public SvrOptions {
    Hyperparameters.requireFinite("svr", "C", c);
    Hyperparameters.requireFinite("svr", "gamma", gamma);
    Hyperparameters.requireFinite("svr", "epsilon", epsilon);
    if (!(c > 0) || !(gamma > 0)) {
      throw new IllegalArgumentException("svr: C and gamma must be > 0, got C = " + c + ", gamma = " + gamma);
    }
    Hyperparameters.requireAtLeast("svr", "epsilon", epsilon, 0);
  }

  /** From values by name; see {@link LearnerOptions#of}. */
  public static SvrOptions of(Map<String, ?> values) {
    Hyperparameters h = Hyperparameters.resolve(Learners.byId("svr"), values);
    return new SvrOptions(h.real("C"), h.real("gamma"), h.real("epsilon"));
  }

  @Override
  public String learner() {
    return "svr";
  }

  @Override
  public Map<String, Number> values() {
    return Hyperparameters.named("C", c, "gamma", gamma, "epsilon", epsilon);
  }
}
