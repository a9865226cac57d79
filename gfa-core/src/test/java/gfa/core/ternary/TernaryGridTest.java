package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TernaryGridTest {
  private static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");
  private static final TernaryGrid GRID = TernaryGrid.of(ZR_AL_CU);

  @Test
  void hasAllPointsWithEdgesAndCorners() {
    assertEquals(1, GRID.step());
    assertEquals(5151, GRID.size());
    assertEquals(4851, GRID.interiorCount());
    assertEquals(4851, GRID.interiorIndices().length);
    int interior = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < GRID.size(); i++) {
      int[] p = GRID.atPercent(i);
      assertEquals(100, p[0] + p[1] + p[2]);
      assertTrue(seen.add(Arrays.toString(p)), "each point once");
      interior += GRID.isInterior(i) ? 1 : 0;
    }
    assertEquals(4851, interior);
  }

  @Test
  void countsPointsAtEveryStep() {
    int[][] expected = {{1, 5151, 4851}, {2, 1326, 1176}, {4, 351, 276}, {5, 231, 171}, {10, 66, 36}, {20, 21, 6},
        {25, 15, 3}, {50, 6, 0}, {100, 3, 0}};
    for (int[] e : expected) {
      TernaryGrid g = TernaryGrid.of(ZR_AL_CU, e[0]);
      assertEquals(e[1], g.size(), "step " + e[0]);
      assertEquals(e[2], g.interiorCount(), "step " + e[0]);
      assertEquals(e[2], g.interiorIndices().length, "step " + e[0]);
    }
  }

  @Test
  void refusesStepsThatDoNotDivideOneHundred() {
    assertEquals("step 3 does not divide 100; use 1, 2, 4, 5, 10, 20, 25 or 50 at.%",
        assertThrows(GfaInputException.class, () -> TernaryGrid.of(ZR_AL_CU, 3)).getMessage());
    for (int bad : new int[] {7, 30, 33}) {
      assertTrue(assertThrows(GfaInputException.class, () -> TernaryGrid.of(ZR_AL_CU, bad)).getMessage()
          .contains("does not divide 100"));
    }
    for (int bad : new int[] {0, -5, 101}) {
      assertTrue(assertThrows(GfaInputException.class, () -> TernaryGrid.of(ZR_AL_CU, bad)).getMessage()
          .contains("outside 1..100"));
    }
  }

  @Test
  void ordersAOuterBInnerAsThePublishedGrids() {
    assertArrayEquals(new int[] {0, 0, 100}, GRID.atPercent(0));
    assertArrayEquals(new int[] {0, 1, 99}, GRID.atPercent(1));
    assertArrayEquals(new int[] {0, 100, 0}, GRID.atPercent(100));
    assertArrayEquals(new int[] {1, 0, 99}, GRID.atPercent(101));
    assertArrayEquals(new int[] {100, 0, 0}, GRID.atPercent(5150));
    assertEquals("Cu100", GRID.composition(0).format());
    assertEquals("Al1 Cu99", GRID.composition(1).format());
    assertEquals("Zr100", GRID.composition(5150).format());
    GridPoint p = GRID.point(GRID.indexOf(20, 20));
    assertEquals("Zr20 Al20 Cu60", p.composition().format());
    assertArrayEquals(new int[] {20, 20, 60}, p.atPercent());
    assertTrue(p.interior());
    assertEquals(20, p.a());
    assertEquals(60, p.c());
    assertFalse(GRID.point(1).interior());
  }

  @Test
  void indexOfInvertsThePointOrder() {
    for (int step : new int[] {1, 5, 25}) {
      TernaryGrid g = TernaryGrid.of(ZR_AL_CU, step);
      for (int i = 0; i < g.size(); i++) {
        assertEquals(i, g.indexOf(g.a(i), g.b(i)));
        assertEquals(i, g.point(i).index());
      }
    }
    TernaryGrid five = TernaryGrid.of(ZR_AL_CU, 5);
    assertFalse(five.contains(21, 20));
    assertThrows(IllegalArgumentException.class, () -> five.indexOf(21, 20));
    assertThrows(IllegalArgumentException.class, () -> GRID.indexOf(60, 41));
    assertThrows(IllegalArgumentException.class, () -> GRID.indexOf(-1, 0));
  }

  @Test
  void findsCompositionsOnTheGrid() {
    assertEquals(OptionalInt.of(GRID.indexOf(20, 25)), GRID.find(Composition.parse("Cu55 Zr20 Al25")));
    assertEquals(OptionalInt.of(GRID.indexOf(100, 0)), GRID.find(Composition.parse("Zr100")));
    assertEquals(OptionalInt.empty(), GRID.find(Composition.parse("Zr20.5 Al20 Cu59.5")));
    assertEquals(OptionalInt.empty(), GRID.find(Composition.parse("Zr20 Al20 Cu50 Ni10")));
    assertEquals(OptionalInt.empty(), TernaryGrid.of(ZR_AL_CU, 5).find(Composition.parse("Zr21 Al20 Cu59")));
  }

  @Test
  void buildsCompositionsOnce() {
    TernaryGrid g = TernaryGrid.of(ZR_AL_CU, 10);
    List<Composition> first = g.compositions();
    assertSame(first, g.compositions());
    assertEquals(66, first.size());
    assertThrows(UnsupportedOperationException.class, () -> first.add(first.get(0)));
  }

  private static Set<String> neighbourPoints(TernaryGrid g, int a, int b) {
    Set<String> out = new HashSet<>();
    for (int n : g.neighbours(g.indexOf(a, b))) {
      out.add(Arrays.toString(g.atPercent(n)));
    }
    return out;
  }

  @Test
  void interiorPointsHaveSixNeighbours() {
    assertEquals(Set.of("[21, 19, 60]", "[19, 21, 60]", "[21, 20, 59]", "[19, 20, 61]", "[20, 21, 59]", "[20, 19, 61]"),
        neighbourPoints(GRID, 20, 20));
    // next to an edge: the neighbours may lie on the edge
    assertEquals(Set.of("[2, 0, 98]", "[0, 2, 98]", "[2, 1, 97]", "[0, 1, 99]", "[1, 2, 97]", "[1, 0, 99]"),
        neighbourPoints(GRID, 1, 1));
    for (int i : GRID.interiorIndices()) {
      assertEquals(6, GRID.neighbours(i).length);
    }
  }

  @Test
  void neighboursComeInTheDocumentedDirectionOrder() {
    int[] n = GRID.neighbours(GRID.indexOf(20, 20));
    int[][] expected = {{21, 19, 60}, {19, 21, 60}, {21, 20, 59}, {19, 20, 61}, {20, 21, 59}, {20, 19, 61}};
    for (int k = 0; k < 6; k++) {
      assertArrayEquals(expected[k], GRID.atPercent(n[k]));
    }
  }

  @Test
  void edgePointsHaveFourNeighbours() {
    assertEquals(Set.of("[1, 49, 50]", "[1, 50, 49]", "[0, 51, 49]", "[0, 49, 51]"), neighbourPoints(GRID, 0, 50));
    assertEquals(Set.of("[49, 1, 50]", "[50, 1, 49]", "[51, 0, 49]", "[49, 0, 51]"), neighbourPoints(GRID, 50, 0));
    assertEquals(Set.of("[49, 51, 0]", "[51, 49, 0]", "[49, 50, 1]", "[50, 49, 1]"), neighbourPoints(GRID, 50, 50));
  }

  @Test
  void cornersHaveTwoNeighbours() {
    assertEquals(Set.of("[99, 1, 0]", "[99, 0, 1]"), neighbourPoints(GRID, 100, 0));
    assertEquals(Set.of("[1, 99, 0]", "[0, 99, 1]"), neighbourPoints(GRID, 0, 100));
    assertEquals(Set.of("[1, 0, 99]", "[0, 1, 99]"), neighbourPoints(GRID, 0, 0));
  }

  @Test
  void neighboursAreSymmetric() {
    TernaryGrid g = TernaryGrid.of(ZR_AL_CU, 5);
    for (int i = 0; i < g.size(); i++) {
      for (int n : g.neighbours(i)) {
        final int from = i;
        assertTrue(Arrays.stream(g.neighbours(n)).anyMatch(m -> m == from), i + " <-> " + n);
      }
    }
  }

  @Test
  void neighboursOnACoarserLatticeAsThePaperCandidates() {
    List<int[]> around = TernaryGrid.latticeNeighbours(new int[] {20, 20, 60}, 5);
    assertEquals(6, around.size());
    assertArrayEquals(new int[] {25, 15, 60}, around.get(0));
    assertTrue(around.stream().anyMatch(p -> Arrays.equals(p, new int[] {20, 25, 55})),
        "the paper's second candidate Zr20Al25Cu55");
    // near an edge only points with all three elements are kept
    List<int[]> edge = TernaryGrid.latticeNeighbours(new int[] {5, 5, 90}, 5);
    assertEquals(List.of("[10, 5, 85]", "[5, 10, 85]"), edge.stream().map(Arrays::toString).toList());
    assertEquals(0, TernaryGrid.latticeNeighbours(new int[] {100, 0, 0}, 5).size());
    // the point need not lie on the lattice
    assertArrayEquals(new int[] {26, 16, 58}, TernaryGrid.latticeNeighbours(new int[] {21, 21, 58}, 5).get(0));
    assertThrows(IllegalArgumentException.class, () -> TernaryGrid.latticeNeighbours(new int[] {20, 20, 50}, 5));
    assertThrows(GfaInputException.class, () -> TernaryGrid.latticeNeighbours(new int[] {20, 20, 60}, 0));
  }
}
