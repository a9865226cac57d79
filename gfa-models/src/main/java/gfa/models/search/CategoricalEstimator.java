package gfa.models.search;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The posterior of a choice (hyperopt's {@code ap_categorical_sampler}): option i has probability
 * proportional to {@code priorWeight + (weighted count of observations of i)}, the counts weighted
 * by the same linear forgetting as {@link ParzenEstimator}.
 */
final class CategoricalEstimator {
  private final double[] probabilities;

  private CategoricalEstimator(double[] probabilities) {
    this.probabilities = probabilities;
  }

  /** From observed option indices in trial order. */
  static CategoricalEstimator fit(int[] observations, int optionCount, double priorWeight) {
    double[] forgetting = ParzenEstimator.forgettingWeights(observations.length);
    double[] p = new double[optionCount];
    Arrays.fill(p, priorWeight);
    for (int i = 0; i < observations.length; i++) {
      p[observations[i]] += forgetting[i];
    }
    double total = 0;
    for (double v : p) {
      total += v;
    }
    for (int k = 0; k < optionCount; k++) {
      p[k] /= total;
    }
    return new CategoricalEstimator(p);
  }

  int sample(RandomGenerator rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    for (int k = 0; k < probabilities.length - 1; k++) {
      cumulative += probabilities[k];
      if (u < cumulative) {
        return k;
      }
    }
    return probabilities.length - 1;
  }

  double logProbability(int option) {
    return StrictMath.log(probabilities[option]);
  }

  double[] probabilities() {
    return probabilities.clone();
  }
}
