package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TernarySelectionTest {
  private static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");
  private static final TernaryGrid GRID = TernaryGrid.of(ZR_AL_CU);
  private static final TernarySelection.Options PAPER = TernarySelection.Options.paper();

  /** The broad peak the candidates come from: centred between lattice points, at Zr20.6 Al23 Cu56.4. */
  private static final double[] BROAD = {20.6, 23, 56.4};
  /** A narrow, higher peak of 7 points (a point and its six neighbours) around Zr60 Al20 Cu20. */
  private static final int[] NARROW = {60, 20, 20};

  private static double squaredDistance(int i, double[] centre) {
    double da = GRID.a(i) - centre[0];
    double db = GRID.b(i) - centre[1];
    double dc = GRID.c(i) - centre[2];
    return da * da + db * db + dc * dc;
  }

  /**
   * 0 far away; 5 - 0.001 d² within d² <= 400 of the broad peak (more points than the top 5%); 10
   * at the 7 points of the narrow peak.
   */
  private static double[] twoPeaks() {
    double[] p = new double[GRID.size()];
    double[] narrow = {NARROW[0], NARROW[1], NARROW[2]};
    for (int i = 0; i < p.length; i++) {
      double d2 = squaredDistance(i, BROAD);
      if (d2 <= 400) {
        p[i] = 5 - 0.001 * d2;
      }
      if (squaredDistance(i, narrow) <= 2) {
        p[i] = 10;
      }
    }
    return p;
  }

  private static int index(int a, int b) {
    return GRID.indexOf(a, b);
  }

  private static Composition alloy(String formula) {
    return Composition.parse(formula);
  }

  @Test
  void thresholdIndexIsFloorOfNinetyFivePercentOfAllPoints() {
    assertEquals(4893, TernarySelection.thresholdIndex(5151, 5)); // floor(4893.45)
    assertEquals(95, TernarySelection.thresholdIndex(100, 5));
    assertEquals(19, TernarySelection.thresholdIndex(20, 5));
    assertEquals(0, TernarySelection.thresholdIndex(1, 5));
    assertEquals(4635, TernarySelection.thresholdIndex(5151, 10)); // floor(4635.9)
    assertEquals(219, TernarySelection.thresholdIndex(231, 5)); // the 5 at.% grid: floor(219.45)
  }

  @Test
  void thresholdIsTheSortedValueAtThatIndexAndTopIsStrictlyAboveOnInteriorPoints() {
    // p = grid index: the sorted predictions are 0..5150, so the threshold is 4893 itself.
    double[] p = new double[GRID.size()];
    Arrays.setAll(p, i -> i);
    TernarySelection s = TernarySelection.select(GRID, p, PAPER);
    assertEquals(4893, s.thresholdIndex());
    assertEquals(4893.0, s.threshold());
    int expected = 0;
    for (int i = 4894; i < GRID.size(); i++) {
      boolean interior = GRID.a(i) > 0 && GRID.b(i) > 0 && GRID.c(i) > 0;
      assertEquals(interior, s.isTop(i), "index " + i);
      expected += interior ? 1 : 0;
    }
    for (int i = 0; i <= 4893; i++) {
      assertFalse(s.isTop(i), "index " + i);
    }
    assertEquals(expected, s.topCount());
    assertTrue(expected < 257, "the edge points among the highest 257 are left out");
    assertEquals(4893.0 / 5150, s.thresholdNormalized(), 1e-15);
  }

  @Test
  void normalizedSpansExactlyZeroToOne() {
    double[] n = TernarySelection.normalize(new double[] {0.3, 2.7, 1.5, 0.3, 1.1});
    assertEquals(0.0, n[0]);
    assertEquals(1.0, n[1]);
    assertEquals(0.5, n[2], 1e-15);
    assertEquals(0.0, n[3]);
    assertArrayEquals(new double[3], TernarySelection.normalize(new double[] {2, 2, 2}));
    TernarySelection s = TernarySelection.select(GRID, twoPeaks(), PAPER);
    assertEquals(0.0, Arrays.stream(s.normalized()).min().orElseThrow());
    assertEquals(1.0, Arrays.stream(s.normalized()).max().orElseThrow());
  }

  @Test
  void edgePointsAreNeverTop() {
    // A peak on the Al-Cu edge (Zr0 Al50 Cu50): the highest points are on the edge, which stays out.
    double[] p = new double[GRID.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = -squaredDistance(i, new double[] {0, 50, 50});
    }
    TernarySelection s = TernarySelection.select(GRID, p, PAPER);
    assertFalse(s.isTop(index(0, 50)));
    for (int i = 0; i < p.length; i++) {
      if (s.isTop(i)) {
        assertTrue(GRID.isInterior(i), GRID.composition(i).format());
      }
    }
    assertTrue(s.topCount() > 0 && s.topCount() < 257, "top " + s.topCount());
  }

  @Test
  void candidatesComeFromTheLargestRegionNotTheHighestPoint() {
    TernarySelection s = TernarySelection.select(GRID, twoPeaks(), PAPER);
    assertEquals(2, s.regions().count());
    assertArrayEquals(new int[] {246, 7}, s.regionSizes());
    assertTrue(s.largestRegion().orElseThrow().contains(index(20, 23)));
    assertEquals(10.0, s.max(), "the narrow peak is higher...");
    assertEquals(10.0, s.predicted(s.argmax()));
    assertEquals(1, s.regions().regionOf(s.argmax()));
    List<Candidate> c = s.candidates();
    assertEquals(2, c.size());
    // ...but candidate 1 is the best 5 at.% lattice point of the broad peak: d² 6.32 at Zr20 Al25 Cu55.
    assertEquals(alloy("Zr20Al25Cu55"), c.get(0).composition());
    assertArrayEquals(new int[] {20, 25, 55}, c.get(0).atPercent());
    assertEquals(1, c.get(0).rank());
    assertEquals(5 - 0.001 * 6.32, c.get(0).predicted(), 1e-12);
    assertEquals(s.normalized(index(20, 25)), c.get(0).normalized());
    assertEquals("highest prediction on the 5 at.% lattice in the largest top-5% region (246 points)", c.get(0).reason());
    // Candidate 2: its best neighbour, Zr20 Al20 Cu60 (d² 22.32; Zr25 Al20 Cu55 has 30.32).
    assertEquals(alloy("Zr20Al20Cu60"), c.get(1).composition());
    assertEquals(2, c.get(1).rank());
    assertEquals("highest prediction among the 6 neighbours of candidate 1 on the 5 at.% lattice", c.get(1).reason());
    assertAdjacentOnTheLattice(c.get(0), c.get(1), 5);
  }

  @Test
  void excludedAlloysGiveWayToTheNextBest() {
    TernarySelection.Options options = new TernarySelection.Options(5, 5,
        List.of(alloy("Zr20 Al25 Cu55"), alloy("Pd40Ni40P20"), alloy("Cu0.55Zr0.2Al0.25")));
    TernarySelection s = TernarySelection.select(GRID, twoPeaks(), options);
    assertArrayEquals(new int[] {index(20, 25)}, s.excludedOnGrid(), "the same alloy twice, the Pd alloy off the grid");
    List<Candidate> c = s.candidates();
    assertEquals(alloy("Zr20Al20Cu60"), c.get(0).composition());
    assertEquals("highest prediction on the 5 at.% lattice in the largest top-5% region (246 points), "
        + "after leaving out 1 better excluded alloy", c.get(0).reason());
    // Around Zr20 Al20 Cu60 the best is the excluded Zr20 Al25 Cu55; next is Zr25 Al20 Cu55.
    assertEquals(alloy("Zr25Al20Cu55"), c.get(1).composition());
    assertTrue(c.get(1).reason().endsWith(", after leaving out 1 better excluded alloy"), c.get(1).reason());
    assertAdjacentOnTheLattice(c.get(0), c.get(1), 5);
  }

  @Test
  void aRegionWithoutLatticePointsGivesTheNearestLatticePoint() {
    // Three adjacent top points between lattice points; everything else 0 (so the threshold is 0).
    double[] p = new double[GRID.size()];
    p[index(21, 21)] = 5;
    p[index(22, 21)] = 4;
    p[index(21, 22)] = 3;
    TernarySelection s = TernarySelection.select(GRID, p, PAPER);
    assertEquals(0.0, s.threshold());
    assertEquals(3, s.topCount());
    Candidate first = s.candidates().get(0);
    // Nearest to Zr21 Al21 Cu58: Zr20 Al20 Cu60 (d² = 1 + 1 + 4).
    assertEquals(alloy("Zr20Al20Cu60"), first.composition());
    assertEquals("The largest top-5% region (3 points) holds no point of the 5 at.% lattice; "
        + "nearest lattice point to its best point Zr21 Al21 Cu58", first.reason());
    // All neighbours are predicted 0: the tie goes to the smallest grid index, Zr15 Al20 Cu65.
    assertEquals(alloy("Zr15Al20Cu65"), s.candidates().get(1).composition());
    assertAdjacentOnTheLattice(first, s.candidates().get(1), 5);
  }

  @Test
  void flatPredictionsStillGiveTwoAdjacentLatticeCandidates() {
    double[] p = new double[GRID.size()];
    Arrays.fill(p, 1.25);
    TernarySelection s = TernarySelection.select(GRID, p, PAPER);
    assertEquals(0, s.topCount());
    assertTrue(s.largestRegion().isEmpty());
    assertArrayEquals(new double[GRID.size()], s.normalized());
    Candidate first = s.candidates().get(0);
    assertEquals(alloy("Zr5Al5Cu90"), first.composition());
    assertTrue(first.reason().startsWith("no point lies above the top-5% threshold"), first.reason());
    Candidate second = s.candidates().get(1);
    assertEquals(alloy("Zr5Al10Cu85"), second.composition());
    assertEquals("highest prediction among the 2 neighbours of candidate 1 on the 5 at.% lattice", second.reason());
  }

  @Test
  void allNeighboursExcludedMovesOneRingOut() {
    double[] p = twoPeaks();
    List<Composition> excluded = List.of(alloy("Zr25Al20Cu55"), alloy("Zr15Al30Cu55"), alloy("Zr25Al25Cu50"),
        alloy("Zr15Al25Cu60"), alloy("Zr20Al30Cu50"), alloy("Zr20Al20Cu60"));
    TernarySelection s = TernarySelection.select(GRID, p, new TernarySelection.Options(5, 5, excluded));
    Candidate first = s.candidates().get(0);
    Candidate second = s.candidates().get(1);
    assertEquals(alloy("Zr20Al25Cu55"), first.composition());
    int[] d = difference(first, second);
    assertEquals(10, Arrays.stream(d).map(Math::abs).max().orElseThrow(), "two lattice steps away");
    assertTrue(second.reason().startsWith("candidate 1's 6 neighbours are all excluded on the 5 at.% lattice"), second.reason());
    assertFalse(excluded.contains(second.composition()));
  }

  @Test
  void otherCandidateSteps() {
    TernarySelection s = TernarySelection.select(GRID, twoPeaks(), new TernarySelection.Options(5, 10, List.of()));
    Candidate first = s.candidates().get(0);
    Candidate second = s.candidates().get(1);
    for (int x : first.atPercent()) {
      assertEquals(0, x % 10);
    }
    assertAdjacentOnTheLattice(first, second, 10);
    TernarySelection two = TernarySelection.select(GRID, twoPeaks(), new TernarySelection.Options(5, 2, List.of()));
    assertEquals(alloy("Zr20Al24Cu56"), two.candidates().get(0).composition()); // d² 0.36 + 1 + 0.16
  }

  @Test
  void badOptionsAreInputErrors() {
    assertThrows(GfaInputException.class, () -> new TernarySelection.Options(0, 5, List.of()));
    assertThrows(GfaInputException.class, () -> new TernarySelection.Options(100, 5, List.of()));
    assertThrows(GfaInputException.class, () -> new TernarySelection.Options(Double.NaN, 5, List.of()));
    GfaInputException e = assertThrows(GfaInputException.class, () -> new TernarySelection.Options(5, 7, List.of()));
    assertEquals("candidate step 7 does not divide 100; use 1, 2, 4, 5, 10, 20, 25 or 50 at.%", e.getMessage());
    TernaryGrid coarse = TernaryGrid.of(ZR_AL_CU, 2);
    double[] p = new double[coarse.size()];
    e = assertThrows(GfaInputException.class, () -> TernarySelection.select(coarse, p, PAPER));
    assertTrue(e.getMessage().contains("not a multiple of the grid step 2"), e.getMessage());
    TernaryGrid fifty = TernaryGrid.of(ZR_AL_CU, 50);
    assertThrows(GfaInputException.class,
        () -> TernarySelection.select(fifty, new double[fifty.size()], new TernarySelection.Options(5, 50, List.of())));
    assertThrows(IllegalArgumentException.class, () -> TernarySelection.select(GRID, new double[3], PAPER));
    double[] nan = new double[GRID.size()];
    nan[7] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> TernarySelection.select(GRID, nan, PAPER));
  }

  @Test
  void selectionIsAPureFunctionOfItsInputs() {
    double[] p = twoPeaks();
    double[] copy = p.clone();
    TernarySelection a = TernarySelection.select(GRID, p, PAPER);
    assertArrayEquals(copy, p, "the input is not modified");
    p[0] = 99; // nor kept
    TernarySelection b = TernarySelection.select(GRID, copy, PAPER);
    assertEquals(a.candidates(), b.candidates());
    assertEquals(0.0, a.predicted(0));
  }

  private static int[] difference(Candidate x, Candidate y) {
    int[] a = x.atPercent();
    int[] b = y.atPercent();
    return new int[] {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
  }

  private static void assertAdjacentOnTheLattice(Candidate x, Candidate y, int step) {
    for (Candidate c : List.of(x, y)) {
      for (int amount : c.atPercent()) {
        assertTrue(amount > 0 && amount % step == 0, c.toString());
      }
    }
    int[] d = difference(x, y);
    int[] sorted = d.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {-step, 0, step}, sorted, Arrays.toString(d));
  }
}
