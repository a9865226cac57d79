package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The conformal interval and p_bmg: exact order statistics, known coverage, consistency. */
class PredictiveCalibrationTest {
  private static double[] oneTo(int n) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = n - i; // unsorted on purpose: the record sorts
    }
    return r;
  }

  @Test
  void intervalTakesTheConformalOrderStatistics() {
    PredictiveCalibration c = new PredictiveCalibration("test", 1.0, oneTo(99));
    // n = 99, level 0.9: lower r_(floor(100 * 0.05)) = r_5, upper r_(ceil(100 * 0.95)) = r_95
    Uncertainty u = c.predict(100, 0, 0.9, 1);
    assertEquals(105, u.lower(), 1e-12);
    assertEquals(195, u.upper(), 1e-12);
    // level 0.5: r_25 and r_75; the scale multiplies the residuals (floor 1 + spread 1)
    Uncertainty half = c.predict(100, 1, 0.5, 1);
    assertEquals(100 + 2 * 25, half.lower(), 1e-12);
    assertEquals(100 + 2 * 75, half.upper(), 1e-12);
  }

  @Test
  void tooFewResidualsGiveAnUnboundedSide() {
    PredictiveCalibration c = new PredictiveCalibration("test", 1.0, new double[] {-1, 0, 1});
    Uncertainty u = c.predict(5, 0, 0.9, 1);
    assertEquals(0, u.lower()); // lower index 0: unbounded below, clipped at 0
    assertEquals(Double.POSITIVE_INFINITY, u.upper());
  }

  @Test
  void boundsAreClippedAtZero() {
    PredictiveCalibration c = new PredictiveCalibration("test", 1.0, new double[] {-5, -4, -3, -2, -1});
    Uncertainty u = c.predict(0.5, 0, 0.2, 1);
    assertEquals(0, u.lower());
    assertEquals(0, u.upper());
    assertTrue(u.covers(0));
  }

  /**
   * For exchangeable residuals the split-conformal interval covers a new point with probability
   * exactly (hi - lo) / (n + 1): here 18/20 = 0.9 for n = 19 at 90 % and 32/40 = 0.8 for n = 39 at
   * 80 %. One index off gives 0.85 or 0.775: the tolerance of 0.008 (four standard errors of the
   * 40000-repeat mean) tells them apart.
   */
  @Test
  void coverageIsNominalForExchangeableResiduals() {
    assertCoverage(19, 0.9, 0.9);
    assertCoverage(39, 0.8, 0.8);
    assertCoverage(9, 0.5, 0.5); // lo = floor(2.5) = 2, hi = ceil(7.5) = 8: 6/10
  }

  private static void assertCoverage(int n, double level, double expected) {
    SplittableRandom random = new SplittableRandom(n);
    int repeats = 40000;
    int covered = 0;
    for (int rep = 0; rep < repeats; rep++) {
      double[] y = new double[n];
      double[] fused = new double[n];
      double[] spread = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = 50 + random.nextGaussian(); // far from 0: no clipping
        fused[i] = 50;
      }
      PredictiveCalibration c = PredictiveCalibration.fit(y, fused, spread, "test");
      covered += c.predict(50, 0, level, 1).covers(50 + random.nextGaussian()) ? 1 : 0;
    }
    double expectedExact = n == 9 ? 0.6 : expected;
    assertEquals(expectedExact, covered / (double) repeats, 0.008, "n " + n + " level " + level);
  }

  /** Noise proportional to the spread: the normalised interval covers rows of small and large spread alike. */
  @Test
  void normalisationGivesCoverageAtEveryScale() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 4000;
    double[] y = new double[n];
    double[] fused = new double[n];
    double[] spread = new double[n];
    for (int i = 0; i < n; i++) {
      spread[i] = i % 2 == 0 ? 0.1 : 3.0;
      fused[i] = 100;
      y[i] = 100 + (1 + spread[i]) * random.nextGaussian();
    }
    PredictiveCalibration c = PredictiveCalibration.fit(y, fused, spread, "test");
    assertEquals(1.55, c.scaleFloor(), 1e-12); // median spread of 0.1 and 3.0
    for (double s : new double[] {0.1, 3.0}) {
      int covered = 0;
      int tests = 20000;
      for (int t = 0; t < tests; t++) {
        covered += c.predict(100, s, 0.8, 1).covers(100 + (1 + s) * random.nextGaussian()) ? 1 : 0;
      }
      // the floor scales the two groups slightly differently (1.65 / 1.1 and 4.55 / 4), so each
      // is a little off nominal (about 87 % and 75 %); an unnormalised interval would cover
      // about 100 % and 61 %
      double coverage = covered / (double) tests;
      assertTrue(coverage > 0.65 && coverage < 0.95, "spread " + s + ": " + coverage);
    }
  }

  @Test
  void pBmgIsMonotoneInThePredictionAndConsistentWithTheInterval() {
    SplittableRandom random = new SplittableRandom(11);
    double[] r = new double[500];
    for (int i = 0; i < r.length; i++) {
      r[i] = random.nextGaussian() * (random.nextBoolean() ? 1 : 3) + 0.2; // skewed, heavy-ish
    }
    PredictiveCalibration c = new PredictiveCalibration("test", 0.5, r);
    int n = r.length;
    for (double spread : new double[] {0, 0.3, 2}) {
      double previous = -1;
      for (double prediction = -3; prediction <= 6; prediction += 0.01) {
        for (double level : new double[] {0.5, 0.8, 0.9}) {
          Uncertainty u = c.predict(prediction, spread, level, 1.0);
          assertTrue(u.pBmg() >= 0 && u.pBmg() <= 1);
          if (u.lower() >= 1.0) {
            assertTrue(u.pBmg() >= (1 + level) / 2 - 1.0 / n, "lower end at the threshold, p " + u.pBmg());
          }
          if (u.upper() < 1.0) {
            assertTrue(u.pBmg() <= (1 - level) / 2 + 1.0 / n, "upper end below the threshold, p " + u.pBmg());
          }
        }
        double p = c.probabilityAtLeast(prediction, spread, 1.0);
        assertTrue(p >= previous, "p_bmg fell from " + previous + " to " + p + " at " + prediction);
        previous = p;
      }
      assertEquals(0.0, c.probabilityAtLeast(-1e6, spread, 1.0));
      assertEquals(1.0, c.probabilityAtLeast(1e6, spread, 1.0));
    }
    assertTrue(c.probabilityAtLeast(1, 0, 0.5) >= c.probabilityAtLeast(1, 0, 2)); // a bigger mould is harder to fill
  }

  @Test
  void singleLearnerFallsBackToAbsoluteResiduals() {
    double[] y = {1, 2, 3, 4};
    double[] fused = {1, 1, 1, 1};
    PredictiveCalibration c = PredictiveCalibration.fit(y, fused, new double[4], "test");
    assertEquals(1.0, c.scaleFloor());
    assertEquals(3.0, c.residuals()[3]);
  }
}
