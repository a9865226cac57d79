package gfa.models.search;

/**
 * Settings of {@link Tpe}; {@link #defaults(long)} are hyperopt's ({@code tpe.suggest}).
 *
 * @param startupTrials trials drawn from the prior before TPE takes over (hyperopt: 20)
 * @param gamma the best {@code ceil(gamma * sqrt(n))} of n trials (at most 25) are "good" (hyperopt: 0.25)
 * @param candidates draws from l(x) per parameter, of which the one maximising l(x)/g(x) is
 *     taken (hyperopt's {@code n_EI_candidates}: 24)
 * @param priorWeight weight of the prior component in the Parzen estimators and pseudo-count of each
 *     option of a choice (hyperopt: 1.0)
 * @param seed seeds every random draw of the search
 */
public record TpeOptions(int startupTrials, double gamma, int candidates, double priorWeight, long seed) {
  /** hyperopt's cap on the number of good trials, also its linear-forgetting length ({@code DEFAULT_LF}). */
  static final int GOOD_TRIALS_CAP = 25;

  public TpeOptions {
    if (startupTrials < 0) {
      throw new IllegalArgumentException("startupTrials must be >= 0, got " + startupTrials);
    }
    if (!(gamma > 0) || !Double.isFinite(gamma)) {
      throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    }
    if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
      throw new IllegalArgumentException("priorWeight must be finite and > 0, got " + priorWeight);
    }
  }

  /** hyperopt's defaults: 20 startup trials, gamma 0.25, 24 candidates, prior weight 1. */
  public static TpeOptions defaults(long seed) {
    return new TpeOptions(20, 0.25, 24, 1.0, seed);
  }

  public TpeOptions withSeed(long newSeed) {
    return new TpeOptions(startupTrials, gamma, candidates, priorWeight, newSeed);
  }

  /** How many of {@code n} finished trials count as good: {@code min(ceil(gamma * sqrt(n)), 25)} (hyperopt). */
  int goodTrials(int n) {
    return (int) Math.min(Math.ceil(gamma * Math.sqrt(n)), GOOD_TRIALS_CAP);
  }
}
