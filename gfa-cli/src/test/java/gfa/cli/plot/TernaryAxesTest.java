package gfa.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Element;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.PathIterator;
import org.junit.jupiter.api.Test;

class TernaryAxesTest {
  private static final TernaryAxes AXES = new TernaryAxes(new String[] {"Zr", "Al", "Cu"}, 80, 695, 580);

  /** A cell cut to the triangle is the cell's intersection with it: the same region as Java2D's own. */
  @Test
  void aCellCutToTheTriangleIsItsIntersectionWithTheTriangle() {
    for (int step : new int[] {1, 5, 10}) {
      TernaryGrid grid = TernaryGrid.of(new TernarySystem(Element.of("Zr"), Element.of("Al"), Element.of("Cu")), step);
      int edges = 0;
      for (int i = 0; i < grid.size(); i++) {
        Shape cut = AXES.cellInTriangle(grid, i, 1.2);
        Area expected = new Area(AXES.cell(grid, i, 1.2));
        if (grid.isInterior(i)) {
          assertTrue(expected.equals(new Area(cut)), "interior point " + i + " keeps its whole cell");
          continue;
        }
        edges++;
        expected.intersect(new Area(AXES.triangle()));
        double expectedArea = area(expected);
        assertTrue(expectedArea < area(new Area(AXES.cell(grid, i, 1.2))) - 1e-6, "an edge cell sticks out");
        assertEquals(expectedArea, area(new Area(cut)), 1e-6 * Math.max(1, expectedArea), "step " + step + ", point " + i);
        Area outside = new Area(cut);
        outside.subtract(new Area(AXES.triangle()));
        assertTrue(area(outside) < 1e-6, "nothing of the cut cell outside the triangle");
      }
      assertEquals(3 * (100 / step), edges, "the points on the edges and corners");
    }
  }

  /** The area of a polygonal region (the shoelace formula over its closed subpaths). */
  private static double area(Area a) {
    double total = 0;
    double[] c = new double[6];
    double startX = 0;
    double startY = 0;
    double x = 0;
    double y = 0;
    for (PathIterator it = a.getPathIterator(null); !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> {
          startX = x = c[0];
          startY = y = c[1];
        }
        case PathIterator.SEG_LINETO -> {
          total += x * c[1] - c[0] * y;
          x = c[0];
          y = c[1];
        }
        case PathIterator.SEG_CLOSE -> {
          total += x * startY - startX * y;
          x = startX;
          y = startY;
        }
        default -> throw new AssertionError("a curve in a polygon");
      }
    }
    return Math.abs(total) / 2;
  }
}
