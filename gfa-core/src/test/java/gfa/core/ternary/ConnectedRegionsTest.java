package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.pruning.TernarySystem;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectedRegionsTest {
  private static final TernaryGrid GRID = TernaryGrid.of(TernarySystem.parse("Zr-Al-Cu"), 10);

  private static boolean[] mask(int[]... points) {
    boolean[] m = new boolean[GRID.size()];
    for (int[] p : points) {
      m[GRID.indexOf(p[0], p[1])] = true;
    }
    return m;
  }

  private static int[] indices(int[]... points) {
    return Arrays.stream(points).mapToInt(p -> GRID.indexOf(p[0], p[1])).sorted().toArray();
  }

  @Test
  void emptyMaskHasNoRegion() {
    ConnectedRegions r = ConnectedRegions.find(GRID, new boolean[GRID.size()]);
    assertEquals(0, r.count());
    assertEquals(Optional.empty(), r.largest());
    assertEquals(-1, r.regionOf(0));
  }

  @Test
  void joinsLatticeNeighboursAndSortsBySize() {
    int[][] big = {{20, 20}, {30, 10}, {30, 20}, {20, 30}}; // (20,20) touches the other three
    int[][] small = {{70, 10}, {80, 10}}; // (70,10,20) and (80,10,10) are neighbours along (+1,0,-1)
    int[][] single = {{0, 50}};
    boolean[] m = mask(big[0], big[1], big[2], big[3], small[0], small[1], single[0]);
    ConnectedRegions r = ConnectedRegions.find(GRID, m);
    assertEquals(3, r.count());
    assertArrayEquals(indices(big), r.regions().get(0).indices());
    assertArrayEquals(indices(small), r.regions().get(1).indices());
    assertArrayEquals(indices(single), r.regions().get(2).indices());
    assertEquals(r.regions().get(0), r.largest().orElseThrow());
    assertEquals(0, r.regionOf(GRID.indexOf(30, 10)));
    assertEquals(1, r.regionOf(GRID.indexOf(80, 10)));
    assertEquals(2, r.regionOf(GRID.indexOf(0, 50)));
    assertEquals(-1, r.regionOf(GRID.indexOf(50, 50)));
    assertTrue(r.largest().orElseThrow().contains(GRID.indexOf(20, 30)));
  }

  @Test
  void pointsTwoStepsApartAreNotConnected() {
    // (20,20,60), (40,20,40) and (20,40,40) are pairwise two steps apart
    ConnectedRegions r = ConnectedRegions.find(GRID, mask(new int[] {20, 20}, new int[] {40, 20}, new int[] {20, 40}));
    assertEquals(3, r.count());
    for (ConnectedRegions.Region region : r.regions()) {
      assertEquals(1, region.size());
    }
  }

  @Test
  void breaksTiesBySmallestIndex() {
    // two regions of two points; the one holding the smaller index comes first whatever the mask order
    int[][] high = {{80, 10}, {80, 20}};
    int[][] low = {{10, 10}, {10, 20}};
    ConnectedRegions r = ConnectedRegions.find(GRID, mask(high[0], high[1], low[0], low[1]));
    assertEquals(2, r.count());
    assertArrayEquals(indices(low), r.regions().get(0).indices());
    assertArrayEquals(indices(high), r.regions().get(1).indices());
    assertEquals(GRID.indexOf(10, 10), r.largest().orElseThrow().smallest());
  }

  @Test
  void aFullMaskIsOneRegion() {
    boolean[] all = new boolean[GRID.size()];
    Arrays.fill(all, true);
    ConnectedRegions r = ConnectedRegions.find(GRID, all);
    assertEquals(1, r.count());
    assertEquals(GRID.size(), r.largest().orElseThrow().size());
  }

  @Test
  void theEdgesSplitWhenOnlyInteriorPointsAreMarked() {
    boolean[] interior = new boolean[GRID.size()];
    for (int i : GRID.interiorIndices()) {
      interior[i] = true;
    }
    assertEquals(1, ConnectedRegions.find(GRID, interior).count());
    boolean[] ring = new boolean[GRID.size()];
    for (int i = 0; i < GRID.size(); i++) {
      ring[i] = !GRID.isInterior(i) && i != GRID.indexOf(0, 0);
    }
    assertEquals(1, ConnectedRegions.find(GRID, ring).count(), "the edges without one corner still join up");
  }

  @Test
  void refusesAMaskOfTheWrongSize() {
    assertThrows(IllegalArgumentException.class, () -> ConnectedRegions.find(GRID, new boolean[3]));
  }
}
