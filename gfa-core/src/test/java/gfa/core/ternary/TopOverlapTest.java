package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.pruning.TernarySystem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known alloys against the top points of a made-up map, with distances worked out by hand. */
class TopOverlapTest {
  static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");

  /**
   * A 10 at.% grid (66 points) peaked at Zr60 Al20 Cu20: p = -(squared at.% distance). Its six
   * neighbours tie at -200, which is the threshold (index floor(0.95 * 66) = 62 of the sorted
   * predictions), so the peak is the one top point.
   */
  static TernarySelection peak() {
    TernaryGrid grid = TernaryGrid.of(ZR_AL_CU, 10);
    double[] p = new double[grid.size()];
    for (int i = 0; i < p.length; i++) {
      double da = grid.a(i) - 60;
      double db = grid.b(i) - 20;
      double dc = grid.c(i) - 20;
      p[i] = -(da * da + db * db + dc * dc);
    }
    TernarySelection s = TernarySelection.select(grid, p, new TernarySelection.Options(5, 10, List.of()));
    assertEquals(1, s.topCount());
    assertTrue(s.isTop(grid.indexOf(60, 20)));
    return s;
  }

  @Test
  void hitsMissesAndDistancesByHand() {
    TernarySelection s = peak();
    TopOverlap o = TopOverlap.of(s, List.of(Composition.parse("Zr58 Al21 Cu21"), Composition.parse("Zr40 Al30 Cu30")));
    assertEquals(2, o.alloys());
    assertEquals(1, o.hits());
    assertEquals(0.5, o.fraction(), 0);
    TernaryGrid grid = s.grid();
    assertEquals(grid.indexOf(60, 20), o.nearestPoints()[0]);
    assertEquals(grid.indexOf(40, 30), o.nearestPoints()[1]);
    // on a triangle of side 100, the distance is the at.% vector's length over sqrt(2):
    // (-2, +1, +1) -> sqrt(6 / 2) = sqrt(3); (-20, +10, +10) -> sqrt(600 / 2) = sqrt(300)
    assertEquals(Math.sqrt(3), o.distancesToTop()[0], 1e-9);
    assertEquals(Math.sqrt(300), o.distancesToTop()[1], 1e-9);
    assertEquals((Math.sqrt(3) + Math.sqrt(300)) / 2, o.meanDistanceToTop(), 1e-9);
  }

  @Test
  void movingFiveAtPercentBetweenAnyTwoElementsIsFive() {
    TernarySelection s = peak();
    for (String alloy : List.of("Zr65 Al15 Cu20", "Zr65 Al20 Cu15", "Zr60 Al25 Cu15")) {
      assertEquals(5, TopOverlap.of(s, List.of(Composition.parse(alloy))).distancesToTop()[0], 1e-9, alloy);
    }
  }

  @Test
  void anAlloyHalfWayBetweenTwoPointsTakesTheSmallerIndex() {
    TernarySelection s = peak();
    TopOverlap o = TopOverlap.of(s, List.of(Composition.parse("Zr55 Al25 Cu20")));
    // Zr50 Al30 Cu20 and Zr60 Al20 Cu20 are both 5 at.% away; A = 50 comes first in the grid order
    assertEquals(s.grid().indexOf(50, 30), o.nearestPoints()[0]);
    assertEquals(0, o.hits());
    assertEquals(5, o.distancesToTop()[0], 1e-9);
  }

  @Test
  void aFlatMapHasNoTopPointAndNoDistance() {
    TernaryGrid grid = TernaryGrid.of(ZR_AL_CU, 10);
    double[] flat = new double[grid.size()];
    Arrays.fill(flat, 1.5);
    TernarySelection s = TernarySelection.select(grid, flat, new TernarySelection.Options(5, 10, List.of()));
    TopOverlap o = TopOverlap.of(s, List.of(Composition.parse("Zr50 Al10 Cu40")));
    assertEquals(0, o.hits());
    assertTrue(Double.isNaN(o.distancesToTop()[0]));
    assertTrue(Double.isNaN(o.meanDistanceToTop()));
  }

  @Test
  void noAlloysGiveNoFraction() {
    TopOverlap o = TopOverlap.of(peak(), List.of());
    assertEquals(0, o.alloys());
    assertTrue(Double.isNaN(o.fraction()));
    assertTrue(Double.isNaN(o.meanDistanceToTop()));
  }

  @Test
  void anAlloyOfAnotherSystemIsRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> TopOverlap.of(peak(), List.of(Composition.parse("Zr50 Al10 Ni40"))));
    assertTrue(e.getMessage().contains("Zr-Al-Cu"), e.getMessage());
  }
}
