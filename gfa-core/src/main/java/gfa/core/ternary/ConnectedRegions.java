package gfa.core.ternary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The connected components of a set of grid points (a boolean mask over grid indices), two
 * points being connected when they are neighbours on the triangular lattice
 * ({@link TernaryGrid#neighbours(int)}). Used for "the largest connected region of top-5% points"
 * (docs/method.md §6).
 *
 * <p>Regions are numbered by size, largest first; regions of equal size are ordered by their
 * smallest index, so the result does not depend on anything but the mask.
 */
public final class ConnectedRegions {
  /**
   * One connected region.
   *
   * @param indices the grid indices in the region, ascending
   */
  public record Region(int[] indices) {
    public Region {
      indices = indices.clone();
      if (indices.length == 0) {
        throw new IllegalArgumentException("a region has at least one point");
      }
    }

    @Override
    public int[] indices() {
      return indices.clone();
    }

    /** Number of points. */
    public int size() {
      return indices.length;
    }

    /** The smallest grid index in the region. */
    public int smallest() {
      return indices[0];
    }

    public boolean contains(int index) {
      return Arrays.binarySearch(indices, index) >= 0;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Region r && Arrays.equals(indices, r.indices);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
      return "Region[" + indices.length + " points from index " + indices[0] + "]";
    }
  }

  private final List<Region> regions;
  /** For each grid index, the number of its region in {@link #regions}, or -1 outside the mask. */
  private final int[] labels;

  private ConnectedRegions(List<Region> regions, int[] labels) {
    this.regions = regions;
    this.labels = labels;
  }

  /**
   * Labels the points of {@code grid} where {@code mask} is true. The mask has one entry per grid
   * index.
   */
  public static ConnectedRegions find(TernaryGrid grid, boolean[] mask) {
    if (mask.length != grid.size()) {
      throw new IllegalArgumentException("mask of " + mask.length + " for a grid of " + grid.size() + " points");
    }
    int[] component = new int[mask.length];
    Arrays.fill(component, -1);
    List<int[]> found = new ArrayList<>();
    int[] stack = new int[mask.length];
    int[] members = new int[mask.length];
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || component[start] >= 0) {
        continue;
      }
      int id = found.size();
      int top = 0;
      int count = 0;
      stack[top++] = start;
      component[start] = id;
      while (top > 0) {
        int p = stack[--top];
        members[count++] = p;
        for (int q : grid.neighbours(p)) {
          if (mask[q] && component[q] < 0) {
            component[q] = id;
            stack[top++] = q;
          }
        }
      }
      int[] indices = Arrays.copyOf(members, count);
      Arrays.sort(indices);
      found.add(indices);
    }
    // Found in order of smallest index; a stable sort by size keeps that order among equals.
    Integer[] order = new Integer[found.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // (Comparator.comparingInt would generate a class at run time, outside the start-up cache)
    Arrays.sort(order, (a, b) -> Integer.compare(found.get(b).length, found.get(a).length));
    int[] rank = new int[order.length];
    List<Region> regions = new ArrayList<>(order.length);
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
      regions.add(new Region(found.get(order[r])));
    }
    for (int i = 0; i < component.length; i++) {
      if (component[i] >= 0) {
        component[i] = rank[component[i]];
      }
    }
    return new ConnectedRegions(List.copyOf(regions), component);
  }

  /** The regions, largest first, equal sizes by smallest index. */
  public List<Region> regions() {
    return regions;
  }

  /** Number of regions. */
  public int count() {
    return regions.size();
  }

  /** The largest region (the first of equal ones), or empty when the mask has no point. */
  public Optional<Region> largest() {
    return regions.isEmpty() ? Optional.empty() : Optional.of(regions.get(0));
  }

  /** The position in {@link #regions()} of the region holding grid index {@code index}, or -1 outside the mask. */
  public int regionOf(int index) {
    return labels[index];
  }
}
