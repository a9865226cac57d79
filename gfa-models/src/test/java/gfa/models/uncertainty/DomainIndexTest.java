package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainIndexTest {
  private static final List<Composition> ALLOYS = List.of(
      Composition.parse("Cu50Zr50"), Composition.parse("Cu60Zr40"), Composition.parse("Al10Cu45Zr45"),
      Composition.parse("Fe80B20"), Composition.parse("Co80B20"));
  private static final double[] DMAX = {2, 1, 5, 0.1, 0.05};
  /** Made-up standardised descriptors, one per alloy. */
  private static final double[][] Z = {{0, 0}, {0, 1}, {1, 0}, {5, 5}, {5, 7}};

  @Test
  void thresholdsAreQuantilesOfTheNearestDistancesToOtherSystems() {
    DomainIndex index = DomainIndex.calibrate(ALLOYS, DMAX, Z, 1.0);
    // nearest alloy of another system: Cu50Zr50 and Al10Cu45Zr45 are 0.1 * sqrt(1.5) apart in
    // fractions (0.1^2 + 0.05^2 + 0.05^2); Cu60Zr40 to Al10Cu45Zr45 is sqrt(0.01 + 0.0225 + 0.0025);
    // Fe80B20's nearest other system is Al10Cu45Zr45 (0.64 + 0.04 + 0.01 + 0.2025 + 0.2025),
    // nearer than Co80B20 (0.64 + 0.64); the largest of the five is the quantile 1.0
    assertEquals(Math.sqrt(1.095), index.compositionThreshold(), 1e-12);
    // descriptors: (5,5)-(5,7) = 2 and (5,5)-(1,0) = sqrt(41): Fe80B20's nearest is 2, Co80B20's 2
    assertEquals(2.0, index.descriptorThreshold(), 1e-12);
    DomainIndex median = DomainIndex.calibrate(ALLOYS, DMAX, Z, 0.5);
    // squared: 0.015, 0.035, 0.015, 1.095, 1.095: the median is Cu60Zr40's 0.035
    assertEquals(Math.sqrt(0.035), median.compositionThreshold(), 1e-12);
  }

  @Test
  void nearestAlloysComeWithTheirDmaxAndDistances() {
    DomainIndex index = DomainIndex.calibrate(ALLOYS, DMAX, Z, 0.95);
    List<Neighbour> near = index.nearest(Composition.parse("Cu55Zr45"), new double[] {0, 0.5}, 2);
    assertEquals(2, near.size());
    assertEquals(Composition.parse("Cu50Zr50"), near.get(0).alloy()); // tie with Cu60Zr40: the earlier row first
    assertEquals(Composition.parse("Cu60Zr40"), near.get(1).alloy());
    assertEquals(Math.sqrt(0.005), near.get(0).compositionDistance(), 1e-12);
    assertEquals(0.5, near.get(0).descriptorDistance(), 1e-12);
    assertEquals("Cu-Zr", near.get(0).system());
    assertEquals(2, near.get(0).dmax());
  }

  /** The k nearest are the first k of all alloys sorted by composition distance, ties by row, for any k. */
  @Test
  void nearestAreTheFirstOfAllAlloysSortedByDistanceThenRow() {
    java.util.Random random = new java.util.Random(7);
    List<Composition> alloys = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) { // a coarse lattice: many alloys at equal distances
      int cu = 10 * random.nextInt(8);
      int zr = 10 * random.nextInt(10 - cu / 10);
      alloys.add(Composition.parse("Cu" + (cu + 5) + "Zr" + (zr + 5) + "Al" + (90 - cu - zr)));
    }
    double[] dmax = new double[alloys.size()];
    double[][] z = new double[alloys.size()][] ;
    for (int i = 0; i < z.length; i++) {
      z[i] = new double[] {i, 0};
    }
    DomainIndex index = DomainIndex.calibrate(alloys, dmax, z, 0.95);
    Composition query = Composition.parse("Cu35Zr25Al40");
    // all of them: in increasing distance, equal distances in row order, every row once
    List<Neighbour> all = index.nearest(query, new double[] {0, 0}, alloys.size());
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    int ties = 0;
    for (int t = 0; t < all.size(); t++) {
      int row = (int) all.get(t).descriptorDistance(); // descriptor i is (i, 0): its distance to (0, 0) is its row
      assertTrue(seen.add(row));
      assertEquals(alloys.get(row), all.get(t).alloy());
      if (t > 0) {
        double before = all.get(t - 1).compositionDistance();
        double here = all.get(t).compositionDistance();
        assertTrue(before <= here, "place " + t);
      }
    }
    assertEquals(60, seen.size());
    // the same alloy twice is the same distance: the earlier row first
    for (int t = 0; t < all.size(); t++) {
      for (int u = t + 1; u < all.size(); u++) {
        if (all.get(t).alloy().equals(all.get(u).alloy())) {
          ties++;
          assertTrue(all.get(t).descriptorDistance() < all.get(u).descriptorDistance(), "rows of " + all.get(t).alloy());
        }
      }
    }
    assertTrue(ties > 5, "the lattice repeats alloys: " + ties);
    for (int k : new int[] {1, 3, 7, 59, 70}) {
      List<Neighbour> near = index.nearest(query, new double[] {0, 0}, k);
      assertEquals(all.subList(0, Math.min(k, 60)), near, "k " + k);
    }
  }

  @Test
  void aKnownAlloyIsInDomainAndANovelOneIsNot() {
    DomainIndex index = DomainIndex.calibrate(ALLOYS, DMAX, Z, 0.95);
    DomainDistance known = index.distance(Composition.parse("Cu50Zr50"), Z[0]);
    assertEquals(0, known.compositionDistance(), 1e-12);
    assertTrue(known.inDomain());
    // elements the index has never seen count in full; the nearest is Al10Cu45Zr45
    DomainDistance novel = index.distance(Composition.parse("Au80Si20"), new double[] {20, -20});
    assertEquals(Math.sqrt(0.64 + 0.04 + 0.01 + 0.2025 + 0.2025), novel.compositionDistance(), 1e-12);
    assertFalse(novel.inDomain());
    // close in composition but far in descriptors: out of domain
    assertFalse(index.distance(Composition.parse("Cu50Zr50"), new double[] {30, 30}).inDomain());
  }

  @Test
  void calibratedThresholdsAreTheDenseBruteForceBitForBit() {
    // random alloys of 2-4 elements drawn from 12, so systems repeat and differ
    String[] symbols = {"Cu", "Zr", "Al", "Ni", "Ti", "Fe", "B", "Co", "Mg", "Y", "La", "Pd"};
    java.util.Random random = new java.util.Random(11);
    List<Composition> alloys = new java.util.ArrayList<>();
    int n = 300;
    double[][] z = new double[n][3];
    for (int i = 0; i < n; i++) {
      int size = 2 + random.nextInt(3);
      java.util.Map<String, Integer> parts = new java.util.TreeMap<>();
      while (parts.size() < size) {
        parts.put(symbols[random.nextInt(symbols.length)], 1 + random.nextInt(60));
      }
      StringBuilder formula = new StringBuilder();
      parts.forEach((e, amount) -> formula.append(e).append(amount));
      alloys.add(Composition.parse(formula.toString()));
      for (int k = 0; k < 3; k++) {
        z[i][k] = random.nextGaussian();
      }
    }
    double[] dmax = new double[n];
    for (double q : new double[] {0.5, 0.95}) {
      DomainIndex index = DomainIndex.calibrate(alloys, dmax, z, q);
      double[] nearestC = new double[n];
      double[] nearestD = new double[n];
      java.util.Arrays.fill(nearestC, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(nearestD, Double.POSITIVE_INFINITY);
      java.util.List<gfa.core.Element> columns = new java.util.ArrayList<>();
      for (Composition c : alloys) {
        for (gfa.core.Element e : c.elements()) {
          if (!columns.contains(e)) {
            columns.add(e);
          }
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i == j || alloys.get(i).elementSet().equals(alloys.get(j).elementSet())) {
            continue;
          }
          double c = 0;
          for (gfa.core.Element e : columns) { // every element column, in the index's order
            double d = alloys.get(i).fractionOf(e) - alloys.get(j).fractionOf(e);
            c += d * d;
          }
          double d = 0;
          for (int k = 0; k < 3; k++) {
            d += (z[i][k] - z[j][k]) * (z[i][k] - z[j][k]);
          }
          nearestC[i] = Math.min(nearestC[i], c);
          nearestD[i] = Math.min(nearestD[i], d);
        }
      }
      assertEquals(Math.sqrt(DomainIndex.quantile(nearestC, q)), index.compositionThreshold(), 0.0);
      assertEquals(Math.sqrt(DomainIndex.quantile(nearestD, q)), index.descriptorThreshold(), 0.0);
    }
  }
}
