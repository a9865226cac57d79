package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The honest check: each fold is scored with a calibration fitted on the other folds only. */
class CalibrationCheckTest {
  private static final double[] LEVELS = {0.5, 0.8, 0.9};

  /**
   * Out-of-fold predictions with noise sd {@code sd}, 5 folds of 1000 rows, centred far from 0 so
   * that clipping plays no part.
   */
  private static OutOfFold gaussian(String scheme, double[] y, double sd, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = y.length;
    double[] fused = new double[n];
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fused[i] = y[i] - sd * random.nextGaussian();
      fold[i] = i % 5;
    }
    return new OutOfFold(scheme, y, fused, new double[n], fold, 5);
  }

  private static double[] truth(int n) {
    double[] y = new double[n];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      y[i] = 20 + random.nextDouble();
    }
    return y;
  }

  @Test
  void calibratingOnTheHarderSchemeCoversItAndOvercoversTheEasierOne() {
    double[] y = truth(5000);
    OutOfFold unseen = gaussian("leave_system_out", y, 1.0, 2);
    OutOfFold seen = gaussian("random_kfold", y, 0.4, 3);
    CalibrationCheck lso = CalibrationCheck.run(unseen, unseen, LEVELS, 1);
    CalibrationCheck random = CalibrationCheck.run(unseen, seen, LEVELS, 1);
    CalibrationCheck naive = CalibrationCheck.run(seen, unseen, LEVELS, 1);
    for (double level : LEVELS) {
      assertEquals(level, lso.coverage().get(level), 0.025, "nested leave-system-out at " + level);
      assertTrue(random.coverage().get(level) > level + 0.05, "conservative on seen systems at " + level);
      assertTrue(naive.coverage().get(level) < level - 0.1, "random-fold calibration undercovers unseen systems at " + level);
    }
    // 90 % of N(0, 1): half-width 1.645
    assertEquals(2 * 1.645, lso.medianWidth().get(0.9), 0.15);
  }

  /**
   * One fold's residuals are 100 times the others': scored with the other folds' calibration, none
   * of its rows is covered, so coverage cannot exceed 80 %. A check that let a fold calibrate on
   * its own residuals would report about 90 %.
   */
  @Test
  void aFoldNeverCalibratesOnItsOwnResiduals() {
    int n = 2000;
    double[] y = truth(n);
    double[] fused = new double[n];
    int[] fold = new int[n];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < n; i++) {
      fold[i] = i % 5;
      fused[i] = y[i] - (fold[i] == 0 ? 10 : 0.1) * (random.nextBoolean() ? 1 : -1) * (1 + random.nextDouble());
    }
    OutOfFold oof = new OutOfFold("leave_system_out", y, fused, new double[n], fold, 5);
    CalibrationCheck check = CalibrationCheck.run(oof, oof, LEVELS, 1);
    assertTrue(check.coverage().get(0.9) <= 0.8 + 1e-12, "coverage " + check.coverage().get(0.9));
  }

  /** Brier score and reliability on data whose true P(D_max >= 1) is known. */
  @Test
  void pBmgIsReliableWhenTheResidualsAreExchangeable() {
    SplittableRandom random = new SplittableRandom(9);
    int n = 20000;
    double[] y = new double[n];
    double[] fused = new double[n];
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fused[i] = random.nextDouble(0, 2);
      y[i] = fused[i] + 0.5 * random.nextGaussian();
      fold[i] = i % 5;
    }
    OutOfFold oof = new OutOfFold("leave_system_out", y, fused, new double[n], fold, 5);
    CalibrationCheck check = CalibrationCheck.run(oof, oof, LEVELS, 1);
    assertTrue(check.brier() < check.brierBaseRate() - 0.05, check.brier() + " vs " + check.brierBaseRate());
    int rows = 0;
    for (ReliabilityBin bin : check.reliability()) {
      rows += bin.rows();
      if (bin.rows() >= 500) {
        assertEquals(bin.meanProbability(), bin.observedFrequency(), 0.05, "bin " + bin.low());
        assertTrue(bin.meanProbability() >= bin.low() && bin.meanProbability() <= bin.high());
      }
    }
    assertEquals(n, rows);
  }

  @Test
  void brierScoreByHand() {
    assertEquals((0.04 + 0.09) / 2, CalibrationCheck.brier(new double[] {0.8, 0.3}, new double[] {2, 0}, 1), 1e-12);
  }
}
