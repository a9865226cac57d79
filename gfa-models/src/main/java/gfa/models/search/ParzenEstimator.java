package gfa.models.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * A one-dimensional Parzen estimator: a mixture of Gaussians, one on each observation plus one
 * for the prior, truncated as a whole to [low, high) — hyperopt's {@code adaptive_parzen_normal}
 * with {@code GMM1} / {@code GMM1_lpdf}.
 *
 * <p><b>Components.</b> The prior component sits at the middle of the range with sigma = the
 * range's width and weight {@code priorWeight}. Each observation's sigma is the larger distance to
 * its neighbours in the sorted list of observations and prior mean (the distance to the only
 * neighbour at either end), clipped to [width / min(100, 1 + components), width]; a single
 * observation gets width / 2. Observations weigh 1, except that with more than 25 observations
 * the oldest ones fade (hyperopt's linear forgetting: the n - 25 oldest ramp from 1/n to 1).
 *
 * <p><b>Grids.</b> A quantised parameter is handled on its grid indices 0..count-1: the estimator
 * lives on [-0.5, count - 0.5), a draw is rounded to the nearest index, and the density of index
 * k is the probability mass of the bin [k - 0.5, k + 0.5).
 */
final class ParzenEstimator {
  /** hyperopt's linear-forgetting length ({@code DEFAULT_LF}). */
  static final int LINEAR_FORGETTING = 25;
  private static final double SQRT_2PI = StrictMath.sqrt(2 * Math.PI);
  private static final int MAX_REJECTIONS = 100_000;
  /**
   * A bin further than this many sigmas from a component's mean gets less than 2e-33 of its mass:
   * skipped, as the prior component alone gives every bin far more than 1e16 times that.
   */
  private static final double NEGLIGIBLE_Z = 12;

  private final double low;
  private final double high;
  private final boolean binned;
  private final double[] weights;
  private final double[] mus;
  private final double[] sigmas;
  private final double[] cumulativeWeights;
  /** weight / (sigma sqrt(2 pi)) of each component. */
  private final double[] coefficients;
  /** log of the mixture's mass inside [low, high). */
  private final double logAccept;

  private ParzenEstimator(double low, double high, boolean binned, double[] weights, double[] mus, double[] sigmas) {
    this.low = low;
    this.high = high;
    this.binned = binned;
    this.weights = weights;
    this.mus = mus;
    this.sigmas = sigmas;
    this.cumulativeWeights = new double[weights.length];
    this.coefficients = new double[weights.length];
    double sum = 0;
    double accept = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulativeWeights[i] = sum;
      coefficients[i] = weights[i] / (sigmas[i] * SQRT_2PI);
      accept += weights[i] * Gaussian.mass((low - mus[i]) / sigmas[i], (high - mus[i]) / sigmas[i]);
    }
    this.logAccept = StrictMath.log(accept);
  }

  /** An estimator on the real interval [low, high) from observations in trial order. */
  static ParzenEstimator continuous(double[] observations, double low, double high, double priorWeight) {
    return fit(observations, low, high, priorWeight, false);
  }

  /** An estimator on the grid indices 0..count-1 from observed indices in trial order. */
  static ParzenEstimator onGrid(double[] indices, int count, double priorWeight) {
    return fit(indices, -0.5, count - 0.5, priorWeight, true);
  }

  private static ParzenEstimator fit(double[] observations, double low, double high, double priorWeight, boolean binned) {
    int n = observations.length;
    double priorMu = 0.5 * (low + high);
    double priorSigma = high - low;
    double[] forgetting = forgettingWeights(n);
    int[] order = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble(i -> observations[i]))
        .mapToInt(Integer::intValue).toArray();
    int priorPos = 0;
    while (priorPos < n && observations[order[priorPos]] < priorMu) {
      priorPos++;
    }
    int m = n + 1;
    double[] mus = new double[m];
    double[] weights = new double[m];
    for (int j = 0; j < m; j++) {
      if (j == priorPos) {
        mus[j] = priorMu;
        weights[j] = priorWeight;
      } else {
        int i = order[j < priorPos ? j : j - 1];
        mus[j] = observations[i];
        weights[j] = forgetting[i];
      }
    }
    double[] sigmas = new double[m];
    if (n == 1) {
      sigmas[1 - priorPos] = 0.5 * priorSigma;
    } else if (n >= 2) {
      sigmas[0] = mus[1] - mus[0];
      sigmas[m - 1] = mus[m - 1] - mus[m - 2];
      for (int j = 1; j < m - 1; j++) {
        sigmas[j] = Math.max(mus[j] - mus[j - 1], mus[j + 1] - mus[j]);
      }
    }
    double minSigma = priorSigma / Math.min(100.0, 1.0 + m);
    for (int j = 0; j < m; j++) {
      sigmas[j] = Math.max(minSigma, Math.min(priorSigma, sigmas[j]));
    }
    sigmas[priorPos] = priorSigma;
    double total = Arrays.stream(weights).sum();
    for (int j = 0; j < m; j++) {
      weights[j] /= total;
    }
    return new ParzenEstimator(low, high, binned, weights, mus, sigmas);
  }

  /**
   * hyperopt's linear forgetting: weight 1 for the newest 25 of {@code n} observations (in trial
   * order), a linear ramp from 1/n up to 1 for the older ones.
   */
  static double[] forgettingWeights(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    int ramp = n - LINEAR_FORGETTING;
    for (int i = 0; i < ramp; i++) {
      w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + i * (1.0 - 1.0 / n) / (ramp - 1);
    }
    return w;
  }

  /** A draw (a grid index for a grid estimator), by rejection: component by weight, then a normal draw, until inside. */
  double sample(RandomGenerator rng) {
    for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
      double u = rng.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
      int c = 0;
      while (c < cumulativeWeights.length - 1 && u >= cumulativeWeights[c]) {
        c++;
      }
      double x = mus[c] + sigmas[c] * Gaussian.sample(rng);
      if (x >= low && x < high) {
        return binned ? Math.min(high - 0.5, Math.max(low + 0.5, Math.floor(x + 0.5))) : x;
      }
    }
    throw new IllegalStateException("no draw inside [" + low + ", " + high + ") after " + MAX_REJECTIONS + " tries");
  }

  /** The log density at {@code x} (for a grid estimator: the log probability of index {@code x}). */
  double logDensity(double x) {
    if (binned) {
      double p = 0;
      for (int i = 0; i < weights.length; i++) {
        double lo = (x - 0.5 - mus[i]) / sigmas[i];
        double hi = (x + 0.5 - mus[i]) / sigmas[i];
        if (lo < NEGLIGIBLE_Z && hi > -NEGLIGIBLE_Z) {
          p += weights[i] * Gaussian.mass(lo, hi);
        }
      }
      return StrictMath.log(p) - logAccept;
    }
    double density = 0; // the prior component keeps this far from underflow inside the range
    for (int i = 0; i < weights.length; i++) {
      double z = (x - mus[i]) / sigmas[i];
      density += coefficients[i] * StrictMath.exp(-0.5 * z * z);
    }
    return StrictMath.log(density) - logAccept;
  }

  double[] weights() {
    return weights.clone();
  }

  double[] mus() {
    return mus.clone();
  }

  double[] sigmas() {
    return sigmas.clone();
  }
}
