package gfa.models.learners.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The fitted function against its definition, on one row, a few rows and a grid-sized input. */
class RbfExpansionTest {
  private static final double[][] VECTORS = SvrProblems.rows(900, 29, 5);
  private static final double[] WEIGHTS = SvrProblems.targets(VECTORS, 6);
  private static final double GAMMA = 0.2;
  private static final RbfExpansion F = new RbfExpansion(29, GAMMA, 0.4, WEIGHTS, VECTORS);

  @Test
  void isTheKernelExpansion() {
    double[][] queries = SvrProblems.rows(30, 29, 7);
    queries[0] = VECTORS[10].clone(); // on a support vector: distance 0
    double[] batch = F.predict(queries);
    for (int i = 0; i < queries.length; i++) {
      double exact = SvrProblems.function(VECTORS, WEIGHTS, 0.4, GAMMA, queries[i]);
      assertEquals(exact, batch[i], 1e-12 * (1 + Math.abs(exact)));
      assertEquals(batch[i], F.predict(queries[i]), 0.0, "a single row as in a batch");
    }
  }

  @Test
  void aLargeInputSpreadOverTheCoresGivesTheSameNumbersAsOneRowAtATime() {
    double[][] grid = SvrProblems.rows(5151, 29, 8); // a ternary grid's size: parallel
    double[] batch = F.predict(grid);
    double[] one = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      one[i] = F.predict(grid[i]);
    }
    assertArrayEquals(one, batch);
  }

  @Test
  void theClientCompilersLoopGivesTheSameNumbers() {
    double[][] grid = SvrProblems.rows(1031, 29, 9); // not a multiple of four: a remainder row by row
    assertArrayEquals(F.predict(grid, false), F.predict(grid, true));
    double[] one = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      one[i] = F.predict(grid[i]);
    }
    assertArrayEquals(one, F.predict(grid, true));
  }

  @Test
  void theClientCompilersLoopTakesAnOddLastSupportVectorAlone() {
    double[][] vectors = SvrProblems.rows(901, 29, 10); // pairs of vectors, then one
    RbfExpansion odd = new RbfExpansion(29, GAMMA, -0.3, SvrProblems.targets(vectors, 11), vectors);
    double[][] grid = SvrProblems.rows(64, 29, 12);
    double[] one = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      one[i] = odd.predict(grid[i]);
    }
    assertArrayEquals(one, odd.predict(grid, true));
    assertArrayEquals(one, odd.predict(grid, false));
  }

  @Test
  void withoutSupportVectorsItIsTheIntercept() {
    RbfExpansion constant = new RbfExpansion(0, GAMMA, 2.5, new double[0], new double[0][]);
    assertArrayEquals(new double[] {2.5, 2.5}, constant.predict(new double[][] {{1, 2}, {3, 4}}));
  }

  @Test
  void refusesRaggedSupportVectors() {
    assertThrows(IllegalArgumentException.class, () -> new RbfExpansion(3, GAMMA, 0, new double[] {1}, new double[][] {{1, 2}}));
  }
}
