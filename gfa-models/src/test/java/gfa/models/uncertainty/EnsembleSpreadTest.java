package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class EnsembleSpreadTest {
  @Test
  void weightedStandardDeviationIgnoringZeroWeights() {
    double[][] learners = {{0, 1}, {2, 1}, {100, -50}};
    assertArrayEquals(new double[] {1, 0}, EnsembleSpread.of(learners, new double[] {0.5, 0.5, 0}), 1e-12);
    // weights 3:1 on 0 and 4: mean 1, variance (3 * 1 + 1 * 9) / 4 = 3
    assertArrayEquals(new double[] {Math.sqrt(3)}, EnsembleSpread.of(new double[][] {{0}, {4}}, new double[] {3, 1}), 1e-12);
  }
}
