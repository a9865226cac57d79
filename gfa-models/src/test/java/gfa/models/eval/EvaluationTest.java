package gfa.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void shuffledFoldsPartitionTheRowsReproducibly() {
    Folds a = Folds.shuffled(23, 5, 7);
    Folds b = Folds.shuffled(23, 5, 7);
    Set<Integer> seen = new HashSet<>();
    int[] sizes = new int[5];
    for (int f = 0; f < 5; f++) {
      assertArrayEquals(a.validation(f), b.validation(f));
      sizes[f] = a.validation(f).length;
      for (int i : a.validation(f)) {
        assertTrue(seen.add(i), "row in two folds");
      }
      assertEquals(23 - sizes[f], a.training(f).length);
      for (int i : a.training(f)) {
        assertTrue(Arrays.binarySearch(a.validation(f), i) < 0, "training row also validates");
      }
    }
    assertEquals(23, seen.size());
    assertArrayEquals(new int[] {5, 5, 5, 4, 4}, sizes);
    assertTrue(!Arrays.equals(a.validation(0), Folds.shuffled(23, 5, 8).validation(0)), "the seed matters");
  }

  @Test
  void foldsNeedRows() {
    var e = assertThrows(GfaInputException.class, () -> Folds.shuffled(3, 5, 1));
    assertTrue(e.getMessage().contains("3 rows") && e.getMessage().contains("5 folds"), e.getMessage());
  }

  @Test
  void groupFoldsNeverSplitAGroup() {
    String[] groups = {"Cu-Zr", "Cu-Zr", "Al-Cu-Zr", "Mg-Zn", "Mg-Zn", "Mg-Zn", "La-Al", "Pd-Ni-P", "Pd-Ni-P", "Fe-B"};
    Folds folds = Folds.byGroup(groups, 3, 1);
    for (int f = 0; f < 3; f++) {
      Set<String> inFold = new HashSet<>();
      for (int i : folds.validation(f)) {
        inFold.add(groups[i]);
      }
      for (int i : folds.training(f)) {
        assertTrue(!inFold.contains(groups[i]), groups[i] + " is on both sides of fold " + f);
      }
    }
  }

  @Test
  void regressionMetricsByHand() {
    double[] y = {0, 0.2, 1, 3};
    double[] p = {0.1, 0.2, 1.5, 2};
    RegressionMetrics m = RegressionMetrics.of(y, p);
    double mean = 4.2 / 4;
    double ssTot = Math.pow(0 - mean, 2) + Math.pow(0.2 - mean, 2) + Math.pow(1 - mean, 2) + Math.pow(3 - mean, 2);
    double ssRes = 0.01 + 0 + 0.25 + 1;
    assertEquals(1 - ssRes / ssTot, m.r2(), 1e-12);
    assertEquals(Math.sqrt(ssRes / 4), m.rmse(), 1e-12);
    assertEquals((0.1 + 0 + 0.5 + 1) / 4, m.mae(), 1e-12);
  }

  @Test
  void classificationMetricsByHand() {
    // observed BMGs (>= 1 mm): rows 2, 3, 5; predicted >= 1: rows 1, 2, 3
    double[] y = {0, 0.2, 2, 5, 0, 1.5};
    double[] p = {0.1, 1.2, 1.8, 3.0, 0.3, 0.9};
    ClassificationMetrics c = ClassificationMetrics.of(y, p, 1.0);
    assertEquals(2, c.truePositives());
    assertEquals(1, c.falsePositives());
    assertEquals(2, c.trueNegatives());
    assertEquals(1, c.falseNegatives());
    assertEquals(2 / 3.0, c.precision(), 1e-12);
    assertEquals(2 / 3.0, c.recall(), 1e-12);
    assertEquals(2 / 3.0, c.f1(), 1e-12);
    assertEquals((2.0 * 2 - 1.0 * 1) / Math.sqrt(3.0 * 3 * 3 * 3), c.mcc(), 1e-12);
    // scores of positives 1.8, 3.0, 0.9 against negatives 0.1, 1.2, 0.3: 8 of 9 pairs ordered right (not 0.9 < 1.2)
    assertEquals(8 / 9.0, c.rocAuc(), 1e-12);
    // ranked: 3.0 (P), 1.8 (P), 1.2 (N), 0.9 (P), ...: AP = 1/3*1 + 1/3*1 + 1/3*(3/4)
    assertEquals((1 + 1 + 0.75) / 3, c.averagePrecision(), 1e-12);
  }

  @Test
  void standardizerUsesOnlyTheGivenRows() {
    double[][] x = {{1, 5}, {3, 5}, {100, 5}};
    Standardizer s = Standardizer.fit(x, new int[] {0, 1});
    assertArrayEquals(new double[] {2, 5}, s.mean(), 1e-12);
    assertArrayEquals(new double[] {1, 1}, s.scale(), 1e-12, "constant column keeps scale 1");
    assertArrayEquals(new double[] {98, 0}, s.transformRow(x[2]), 1e-12);
  }
}
