package gfa.models.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
  @Test
  void bandwidthsFollowHyperoptsNeighbourRule() {
    // Range [0, 100): prior at 50 with sigma 100. Sorted centres 0, 30, [50], 90, 95.
    // Neighbour distances: 30 (one-sided), max(30, 20) = 30, prior, max(40, 5) = 40, 5 (one-sided);
    // clipped to [100 / min(100, 1 + 5), 100] = [16.67, 100].
    ParzenEstimator e = ParzenEstimator.continuous(new double[] {90, 0, 95, 30}, 0, 100, 1.0);
    assertArrayEquals(new double[] {0, 30, 50, 90, 95}, e.mus());
    assertArrayEquals(new double[] {30, 30, 100, 40, 100 / 6.0}, e.sigmas(), 1e-12);
    assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, e.weights(), 1e-15);
  }

  @Test
  void priorWeightAndASingleObservation() {
    ParzenEstimator e = ParzenEstimator.continuous(new double[] {80}, 0, 100, 3.0);
    assertArrayEquals(new double[] {50, 80}, e.mus());
    assertArrayEquals(new double[] {100, 50}, e.sigmas(), 1e-12); // one observation: half the width
    assertArrayEquals(new double[] {0.75, 0.25}, e.weights(), 1e-15);
    ParzenEstimator empty = ParzenEstimator.continuous(new double[0], 0, 100, 1.0);
    assertArrayEquals(new double[] {50}, empty.mus());
    assertArrayEquals(new double[] {100}, empty.sigmas());
  }

  @Test
  void linearForgettingFadesOnlyObservationsOlderThanTheNewest25() {
    assertArrayEquals(ones(25), ParzenEstimator.forgettingWeights(25));
    double[] w26 = ParzenEstimator.forgettingWeights(26);
    assertEquals(1.0 / 26, w26[0], 1e-15);
    assertEquals(1.0, w26[1]);
    double[] w30 = ParzenEstimator.forgettingWeights(30);
    // numpy.linspace(1/30, 1, 5) for the 5 oldest, then 25 ones
    double step = (1 - 1.0 / 30) / 4;
    for (int i = 0; i < 5; i++) {
      assertEquals(1.0 / 30 + i * step, w30[i], 1e-15);
    }
    for (int i = 5; i < 30; i++) {
      assertEquals(1.0, w30[i]);
    }
  }

  @Test
  void continuousDensityIntegratesToOneOverTheRange() {
    ParzenEstimator e = ParzenEstimator.continuous(new double[] {-4.9, -4.8, 0.3, 9.99, 2, 2.01}, -5, 10, 1.0);
    int n = 150_000;
    double h = 15.0 / n;
    double integral = 0;
    for (int i = 0; i <= n; i++) {
      double f = Math.exp(e.logDensity(-5 + i * h));
      integral += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f; // Simpson
    }
    assertEquals(1.0, integral * h / 3, 1e-6);
  }

  @Test
  void gridProbabilitiesSumToOneAndMatchDraws() {
    ParzenEstimator e = ParzenEstimator.onGrid(new double[] {0, 1, 1, 6, 7}, 8, 1.0);
    double[] p = new double[8];
    double total = 0;
    for (int k = 0; k < 8; k++) {
      p[k] = Math.exp(e.logDensity(k));
      total += p[k];
    }
    assertEquals(1.0, total, 1e-12);
    SplittableRandom rng = new SplittableRandom(5);
    int draws = 200_000;
    int[] counts = new int[8];
    for (int i = 0; i < draws; i++) {
      double k = e.sample(rng);
      assertEquals(Math.rint(k), k);
      counts[(int) k]++;
    }
    for (int k = 0; k < 8; k++) {
      double sd = Math.sqrt(p[k] * (1 - p[k]) / draws);
      assertEquals(p[k], (double) counts[k] / draws, 5 * sd, "index " + k);
    }
  }

  @Test
  void continuousDrawsFollowTheDensity() {
    ParzenEstimator e = ParzenEstimator.continuous(new double[] {0.1, 0.15, 0.9}, 0, 1, 1.0);
    SplittableRandom rng = new SplittableRandom(6);
    int draws = 200_000;
    int[] counts = new int[10];
    for (int i = 0; i < draws; i++) {
      double x = e.sample(rng);
      assertTrue(x >= 0 && x < 1, "draw " + x);
      counts[(int) (x * 10)]++;
    }
    for (int bin = 0; bin < 10; bin++) {
      double p = 0; // the density integrated over the bin (midpoint rule, 1000 steps)
      for (int i = 0; i < 1000; i++) {
        p += Math.exp(e.logDensity(bin / 10.0 + (i + 0.5) / 10_000.0)) / 10_000.0;
      }
      double sd = Math.sqrt(p * (1 - p) / draws);
      assertEquals(p, (double) counts[bin] / draws, 5 * sd, "bin " + bin);
    }
  }

  @Test
  void categoricalPosteriorAddsPriorPseudoCounts() {
    CategoricalEstimator c = CategoricalEstimator.fit(new int[] {2, 2, 0}, 4, 1.0);
    assertArrayEquals(new double[] {2 / 7.0, 1 / 7.0, 3 / 7.0, 1 / 7.0}, c.probabilities(), 1e-15);
    assertEquals(Math.log(3 / 7.0), c.logProbability(2), 1e-15);
    // 26 observations: the oldest (option 0) weighs 1/26
    int[] obs = new int[26];
    java.util.Arrays.fill(obs, 1);
    obs[0] = 0;
    CategoricalEstimator faded = CategoricalEstimator.fit(obs, 2, 1.0);
    double total = 2 + 1.0 / 26 + 25;
    assertArrayEquals(new double[] {(1 + 1.0 / 26) / total, 26 / total}, faded.probabilities(), 1e-15);
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }
}
