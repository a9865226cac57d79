package gfa.models.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test functions themselves: their published minima. */
class TestFunctionsTest {
  @Test
  void braninMinima() {
    assertEquals(TestFunctions.BRANIN_MIN, TestFunctions.branin(-Math.PI, 12.275), 1e-6);
    assertEquals(TestFunctions.BRANIN_MIN, TestFunctions.branin(Math.PI, 2.275), 1e-6);
    assertEquals(TestFunctions.BRANIN_MIN, TestFunctions.branin(9.42478, 2.475), 1e-6);
  }

  @Test
  void quantisedBraninMinimumIsTheGridsBest() {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= 150; i++) {
      for (int j = 0; j <= 150; j++) {
        best = Math.min(best, TestFunctions.branin(-5 + i / 10.0, j / 10.0));
      }
    }
    assertEquals(TestFunctions.quantisedBranin().minimum(), best, 1e-12);
  }

  @Test
  void hartmann6Minimum() {
    assertEquals(TestFunctions.HARTMANN6_MIN, TestFunctions.hartmann6(TestFunctions.HARTMANN6_ARGMIN), 1e-5);
  }
}
