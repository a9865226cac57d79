package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import gfa.models.training.FusionWeights;

import org.junit.jupiter.api.Test;

class EnsembleSpreadTest {
  @Test
  void weightedStandardDeviationIgnoringZeroWeights() {
    double[][] learners = {{0, 1}, {2, 1}, {100, -50}};
    assertArrayEquals(new double[] {1, 0}, EnsembleSpread.of(learners, new double[] {0.5, 0.5, 0}), 1e-12);
    // weights 3:1 on 0 and 4: mean 1, variance (3 * 1 + 1 * 9) / 4 = 3
    assertArrayEquals(new double[] {Math.sqrt(3)}, EnsembleSpread.of(new double[][] {{0}, {4}}, new double[] {3, 1}), 1e-12);
  }

  /** A learner of weight 0 may go unevaluated (a null row): the spread and the fusion are the same bits. */
  @Test
  void aLearnerOfWeightZeroNeedNotBeEvaluated() {
    java.util.Random random = new java.util.Random(3);
    double[][] all = new double[4][1000];
    for (double[] row : all) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextGaussian() * (random.nextBoolean() ? 1e-3 : 3);
      }
    }
    double[] weights = {0.83, 0, 1.0, 0.91};
    double[][] without = all.clone();
    without[1] = null;
    assertArrayEquals(EnsembleSpread.of(all, weights), EnsembleSpread.of(without, weights));
    assertArrayEquals(FusionWeights.fuse(all, weights), FusionWeights.fuse(without, weights));
    double[] first = {0, 0.83, 1.0, 0.91}; // the first learner unevaluated
    double[][] withoutFirst = all.clone();
    withoutFirst[0] = null;
    assertArrayEquals(EnsembleSpread.of(all, first), EnsembleSpread.of(withoutFirst, first));
    assertArrayEquals(FusionWeights.fuse(all, first), FusionWeights.fuse(withoutFirst, first));
  }
}
