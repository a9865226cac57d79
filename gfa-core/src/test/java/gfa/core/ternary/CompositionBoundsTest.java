package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import org.junit.jupiter.api.Test;

class CompositionBoundsTest {
  private static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");

  @Test
  void readsRangesAndOneSidedLimits() {
    CompositionBounds b = CompositionBounds.parse("Zr=30..70, Al<=20,Cu>=10", ZR_AL_CU);
    assertArrayEquals(new double[] {30, 0, 10}, b.lower());
    assertArrayEquals(new double[] {70, 20, 100}, b.upper());
    assertTrue(b.allows(new int[] {30, 20, 50}));
    assertTrue(b.allows(new int[] {70, 0, 30}));
    assertFalse(b.allows(new int[] {25, 20, 55}));
    assertFalse(b.allows(new int[] {50, 25, 25}));
    assertFalse(b.allows(new int[] {70, 25, 5}));
    assertTrue(b.allows(Composition.parse("Cu50 Zr30 Al20")));
    assertFalse(b.allows(Composition.parse("Zr30 Al19 Cu50 Ni1")));
    assertFalse(b.allows(Composition.parse("Zr29.5 Al20 Cu50.5")));
    assertEquals("Zr=30..70,Al=0..20,Cu=10..100", b.toString());
    assertEquals(b, CompositionBounds.parse(b.toString(), ZR_AL_CU));
  }

  @Test
  void decimalsAndRepeatedLimitsCombine() {
    CompositionBounds b = CompositionBounds.parse("Zr>=30.5,Zr<=69.5", ZR_AL_CU);
    assertArrayEquals(new double[] {30.5, 69.5}, b.limits(ZR_AL_CU.a()).orElseThrow());
    assertFalse(b.allows(new int[] {30, 20, 50}));
    assertTrue(b.allows(new int[] {35, 20, 45}));
  }

  @Test
  void emptyTextIsNoLimit() {
    assertTrue(CompositionBounds.parse("", ZR_AL_CU).isEmpty());
    assertTrue(CompositionBounds.parse(null, ZR_AL_CU).isEmpty());
    assertEquals("none", CompositionBounds.none(ZR_AL_CU).toString());
    TernaryGrid grid = TernaryGrid.of(ZR_AL_CU);
    assertEquals(171, CompositionBounds.none(ZR_AL_CU).latticePoints(grid, 5).length);
  }

  @Test
  void latticePointsAreTheAllowedInteriorPointsOfTheLattice() {
    TernaryGrid grid = TernaryGrid.of(ZR_AL_CU);
    int[] points = CompositionBounds.parse("Zr=30..40,Al<=10", ZR_AL_CU).latticePoints(grid, 5);
    // Zr 30, 35, 40 × Al 5, 10 (Al 0 is on an edge).
    assertEquals(6, points.length);
    for (int i : points) {
      assertTrue(grid.a(i) >= 30 && grid.a(i) <= 40 && grid.b(i) >= 5 && grid.b(i) <= 10, grid.composition(i).format());
    }
  }

  @Test
  void boundsLeavingNoLatticePointAreRefused() {
    TernaryGrid grid = TernaryGrid.of(ZR_AL_CU);
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> CompositionBounds.parse("Zr=31..34", ZR_AL_CU).latticePoints(grid, 5));
    assertEquals("bounds Zr=31..34 leave no alloy with all three elements on the 5 at.% lattice", e.getMessage());
    assertThrows(GfaInputException.class, () -> CompositionBounds.parse("Zr>=60,Al>=40", ZR_AL_CU).latticePoints(grid, 5));
  }

  @Test
  void badPartsAreNamedInOneLine() {
    assertMessage("Zr=30..70,Ni<=5", "bounds 'Zr=30..70,Ni<=5': 'Ni<=5': Ni is not in Zr-Al-Cu");
    assertMessage("Xx<=5", "bounds 'Xx<=5': 'Xx<=5': unknown element 'Xx'");
    assertMessage("Zr=70..30", "bounds 'Zr=70..30': 'Zr=70..30': lower limit 70 is above upper limit 30");
    assertMessage("Zr=30-70", "bounds 'Zr=30-70': 'Zr=30-70' does not parse; write El=lo..hi, El<=hi or El>=lo in at.%, e.g. Zr=30..70,Al<=20");
    assertMessage("Zr<=abc", "bounds 'Zr<=abc': 'Zr<=abc': 'abc' is not a number");
    assertMessage("Zr<=120", "bounds 'Zr<=120': 'Zr<=120': '120' is not an amount in 0..100 at.%");
    assertMessage("Zr<=1e1", "bounds 'Zr<=1e1': 'Zr<=1e1': '1e1' is not an amount in 0..100 at.%");
    assertMessage("Zr>=50,Zr<=40", "bounds 'Zr>=50,Zr<=40': 'Zr<=40': together with the other limits on Zr it allows nothing (50..40 at.%)");
    assertMessage("Zr<=50,", "bounds 'Zr<=50,': '' does not parse; write El=lo..hi, El<=hi or El>=lo in at.%, e.g. Zr=30..70,Al<=20");
  }

  private static void assertMessage(String text, String message) {
    GfaInputException e = assertThrows(GfaInputException.class, () -> CompositionBounds.parse(text, ZR_AL_CU));
    assertEquals(message, e.getMessage());
  }
}
