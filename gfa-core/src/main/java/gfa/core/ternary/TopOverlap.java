package gfa.core.ternary;

import gfa.core.Composition;
import java.util.List;

/**
 * Whether a predicted map puts its top points where the good alloys of a system are known to be
 * (the pruning study, {@code gfa study}): for each known alloy of the ternary, its nearest grid
 * point and whether that point is a top point, and its distance to the nearest top point.
 *
 * <p>Distances are measured on the ternary diagram, in at.%: the Euclidean distance of the two
 * points on a triangle whose side is 100 at.% ({@link Cartesian}). Moving 5 at.% from one element
 * to another is a distance of 5, whichever two elements; the distance does not depend on which
 * corner is A, B or C. A known alloy is usually not a grid point (Zr46 Al8 Cu46 is one,
 * Zr41.2 Al8.8 Cu50 is not); its nearest grid point is the one at the smallest such distance (ties:
 * the smaller grid index).
 *
 * @param alloys the number of alloys looked at
 * @param hits how many of them have a top point as their nearest grid point
 * @param nearestPoints for each alloy, its nearest grid index
 * @param distancesToTop for each alloy, its distance to the nearest top point in at.% (0 is not
 *     reached unless the alloy is itself a top grid point); NaN when the map has no top point
 */
public record TopOverlap(int alloys, int hits, int[] nearestPoints, double[] distancesToTop) {
  /** Distances closer than this (at.%) are equal: far below any amount a lab weighs, far above rounding. */
  static final double TIE = 1e-9;

  public TopOverlap {
    nearestPoints = nearestPoints.clone();
    distancesToTop = distancesToTop.clone();
  }

  /**
   * The overlap of {@code selection}'s top points with {@code known}, alloys of the selection's
   * system (no other element; refused otherwise, since they have no place on the diagram).
   */
  public static TopOverlap of(TernarySelection selection, List<Composition> known) {
    TernaryGrid grid = selection.grid();
    double[][] gridXY = new double[grid.size()][];
    for (int i = 0; i < grid.size(); i++) {
      gridXY[i] = Cartesian.toXY(grid.a(i), grid.b(i), grid.c(i));
    }
    int[] nearest = new int[known.size()];
    double[] toTop = new double[known.size()];
    int hits = 0;
    for (int k = 0; k < known.size(); k++) {
      double[] xy = position(grid, known.get(k));
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      double topDistance = Double.POSITIVE_INFINITY;
      for (int i = 0; i < gridXY.length; i++) {
        double d = distance(xy, gridXY[i]);
        // ties keep the smaller index; distances within TIE at.% are ties (the projection rounds)
        if (d < bestDistance - TIE) {
          best = i;
          bestDistance = d;
        }
        if (selection.isTop(i)) {
          topDistance = Math.min(topDistance, d);
        }
      }
      nearest[k] = best;
      toTop[k] = selection.topCount() == 0 ? Double.NaN : topDistance;
      if (selection.isTop(best)) {
        hits++;
      }
    }
    return new TopOverlap(known.size(), hits, nearest, toTop);
  }

  @Override
  public int[] nearestPoints() {
    return nearestPoints.clone();
  }

  @Override
  public double[] distancesToTop() {
    return distancesToTop.clone();
  }

  /** hits / alloys; NaN when there are no alloys. */
  public double fraction() {
    return alloys == 0 ? Double.NaN : (double) hits / alloys;
  }

  /** The mean distance to the nearest top point, in at.%; NaN without alloys or top points. */
  public double meanDistanceToTop() {
    if (alloys == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double d : distancesToTop) {
      sum += d;
    }
    return sum / alloys;
  }

  /** The distance in at.% between two points of the unit triangle, on a triangle of side 100. */
  static double distance(double[] p, double[] q) {
    return 100 * Math.hypot(p[0] - q[0], p[1] - q[1]);
  }

  private static double[] position(TernaryGrid grid, Composition alloy) {
    for (int i = 0; i < alloy.size(); i++) {
      if (!grid.system().contains(alloy.element(i))) {
        throw new IllegalArgumentException(alloy.format() + " is not an alloy of " + grid.system().name());
      }
    }
    var s = grid.system();
    return Cartesian.toXY(alloy.fractionOf(s.a()), alloy.fractionOf(s.b()), alloy.fractionOf(s.c()));
  }
}
