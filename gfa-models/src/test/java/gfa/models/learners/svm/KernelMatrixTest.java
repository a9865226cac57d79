package gfa.models.learners.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kernel matrix against the kernel's definition, and its two ways of being built. */
class KernelMatrixTest {
  @Test
  void holdsEveryRbfValueToFloatPrecision() {
    double[][] x = SvrProblems.rows(150, 29, 3); // 150 is not a multiple of the mirroring tile
    x[7] = x[3].clone(); // a duplicated row: distance exactly 0
    double gamma = 0.35;
    KernelMatrix k = KernelMatrix.rbf(x, gamma);
    for (int i = 0; i < x.length; i++) {
      assertEquals(1f, k.get(i, i));
      for (int j = 0; j < x.length; j++) {
        double exact = SvrProblems.kernel(x[i], x[j], gamma);
        // the float distance's rounding (2^-24 relative) scales with the exponent gamma d
        assertEquals(exact, k.get(i, j), 1e-7 * exact * (1 - Math.log(exact)) + 1e-30, i + ", " + j);
        assertEquals(k.get(i, j), k.get(j, i));
      }
    }
    assertEquals(1f, k.get(3, 7));
  }

  @Test
  void cachedDistancesGiveTheSameMatrix() {
    double[][] x = SvrProblems.rows(70, 5, 4);
    SquaredDistances d = SquaredDistances.of(x);
    for (double gamma : new double[] {0.1, 0.45}) {
      assertArrayEquals(KernelMatrix.rbf(x, gamma).values(), d.kernel(gamma).values());
    }
  }
}
