package gfa.models.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaussianTest {
  /** Reference values: CPython's math.erfc (correct to a few ulp). */
  @ParameterizedTest
  @CsvSource({
      "-1.5, 1.9661051464753108",
      "0, 1.0",
      "0.5, 0.4795001221869535",
      "1, 0.15729920705028513",
      "2, 0.004677734981047265",
      "2.5, 0.0004069520174449589",
      "3, 2.2090496998585438e-05",
      "5, 1.5374597944280351e-12",
      "10, 2.088487583762545e-45",
      "20, 5.3958656116079005e-176",
      "26.5, 2.2109076642637343e-307"})
  void erfcMatchesReferenceValuesToRelativeAccuracy(double x, double expected) {
    assertEquals(expected, Gaussian.erfc(x), 1e-13 * expected);
  }

  @Test
  void fastErfcAgreesWithTheSlowReferenceEverywhere() {
    double worst = 0;
    for (double x = 0; x < 27; x += 0.0137) {
      worst = Math.max(worst, Math.abs(Gaussian.erfc(x) / Gaussian.erfcReference(x) - 1));
    }
    assertEquals(0, worst, 1e-13);
  }

  @Test
  void massIsAccurateInBothTails() {
    assertEquals(0.6826894921370859, Gaussian.mass(-1, 1), 1e-15);
    assertEquals(6.219831985865866e-16, Gaussian.mass(8, 9), 1e-13 * 6.2e-16);
    assertEquals(6.219831985865866e-16, Gaussian.mass(-9, -8), 1e-13 * 6.2e-16);
    assertEquals(7.619853024160593e-24 - 1.910659574498683e-28, Gaussian.mass(10, 11), 1e-12 * 7.6e-24);
    assertEquals(0, Gaussian.mass(1, 1));
    assertEquals(1, Gaussian.mass(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 1e-15);
  }

  @Test
  void drawsAreStandardNormal() {
    SplittableRandom rng = new SplittableRandom(1);
    int n = 200_000;
    double sum = 0;
    double sumSquares = 0;
    int beyondTwo = 0;
    for (int i = 0; i < n; i++) {
      double z = Gaussian.sample(rng);
      sum += z;
      sumSquares += z * z;
      beyondTwo += Math.abs(z) > 2 ? 1 : 0;
    }
    assertEquals(0, sum / n, 0.01); // sd of the mean: 0.0022
    assertEquals(1, sumSquares / n, 0.015); // sd: 0.0032
    assertEquals(2 * Gaussian.upperTail(2), (double) beyondTwo / n, 0.002); // 0.0455, sd 0.0005
  }
}
