package gfa.cli.plot;

import gfa.core.ternary.Cartesian;
import gfa.core.ternary.TernaryGrid;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

/**
 * One ternary triangle on the page: A at the bottom left, B at the bottom right, C at the top
 * ({@link Cartesian}), with side {@code side} pixels and its A corner at ({@code left},
 * {@code bottom}). Maps compositions to page coordinates, gives each grid point its cell (the
 * hexagon of the triangular lattice around it), and draws the frame, the 10 at.% grid lines, the
 * ticks, their labels and the axis titles.
 *
 * <p>Axis convention (the usual one, counter-clockwise): the bottom edge carries at.% B (0 at A,
 * 100 at B), the right edge at.% C (0 at B, 100 at C), the left edge at.% A (0 at C, 100 at A).
 * Each tick points along the grid line of its element's constant amount, so a reader follows the
 * line from the tick into the triangle.
 */
final class TernaryAxes {
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font CORNER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 22);

  private static final double TICK_LENGTH = 7;
  /** Unit vectors (page coordinates, y down) of the ticks on the bottom, right and left edges. */
  private static final double[] BOTTOM_TICK = {-0.5, Math.sqrt(3) / 2};
  private static final double[] RIGHT_TICK = {1, 0};
  private static final double[] LEFT_TICK = {-0.5, -Math.sqrt(3) / 2};

  private final String[] elements;
  private final double left;
  private final double bottom;
  private final double side;

  TernaryAxes(String[] elements, double left, double bottom, double side) {
    this.elements = elements.clone();
    this.left = left;
    this.bottom = bottom;
    this.side = side;
  }

  double side() {
    return side;
  }

  /** Page y of the top corner. */
  double top() {
    return bottom - side * Cartesian.HEIGHT;
  }

  double left() {
    return left;
  }

  double right() {
    return left + side;
  }

  double bottom() {
    return bottom;
  }

  /** The page position of amounts a, b, c of A, B, C (any unit; normalised by their sum). */
  Point2D point(double a, double b, double c) {
    double[] xy = Cartesian.toXY(a, b, c);
    return new Point2D.Double(left + side * xy[0], bottom - side * xy[1]);
  }

  /** The page position of grid point {@code index}. */
  Point2D point(TernaryGrid grid, int index) {
    return point(grid.a(index), grid.b(index), grid.c(index));
  }

  /** The triangle as a closed shape. */
  Shape triangle() {
    Path2D.Double p = new Path2D.Double();
    Point2D a = point(1, 0, 0);
    Point2D b = point(0, 1, 0);
    Point2D c = point(0, 0, 1);
    p.moveTo(a.getX(), a.getY());
    p.lineTo(b.getX(), b.getY());
    p.lineTo(c.getX(), c.getY());
    p.closePath();
    return p;
  }

  /** Distance between neighbouring points of {@code grid} on the page. */
  double spacing(TernaryGrid grid) {
    return side * grid.step() / 100.0;
  }

  /**
   * The cell of grid point {@code index}: the regular hexagon of the triangular lattice around it
   * (pointy side up, circumradius spacing/√3), grown by {@code overlap} pixels so that neighbouring
   * cells overlap by about that much and no hairline seams show between them, even where a
   * renderer antialiases every edge (SVG viewers do). Cells on the edges stick out of the
   * triangle: {@link #cellInTriangle} cuts them to it.
   */
  Shape cell(TernaryGrid grid, int index, double overlap) {
    double[][] hex = hexagon(grid, index, overlap);
    return polygon(hex[0], hex[1], hex[0].length);
  }

  /**
   * The cell of grid point {@code index} cut to the triangle: the cell itself for an interior
   * point, the part inside the triangle for a point on an edge or a corner. Cutting the polygon
   * here, rather than clipping the graphics to the triangle, is what made the map's edge cells
   * cheap: Java2D fills each shape through a non-rectangular clip span by span (some 300 edge
   * cells took 25 ms of the PNG, the other 4,850 cells 12 ms).
   */
  Shape cellInTriangle(TernaryGrid grid, int index, double overlap) {
    double[][] hex = hexagon(grid, index, overlap);
    if (grid.isInterior(index)) {
      return polygon(hex[0], hex[1], hex[0].length);
    }
    double[] xs = hex[0];
    double[] ys = hex[1];
    int n = xs.length;
    Point2D[] corners = {point(1, 0, 0), point(0, 1, 0), point(0, 0, 1)};
    for (int e = 0; e < 3; e++) {
      Point2D p = corners[e];
      Point2D q = corners[(e + 1) % 3];
      Point2D inside = corners[(e + 2) % 3];
      double sign = Math.signum(side(p, q, inside.getX(), inside.getY()));
      double[] cutX = new double[n + 3];
      double[] cutY = new double[n + 3];
      int m = 0;
      for (int k = 0; k < n; k++) { // Sutherland-Hodgman: keep the half-plane of the third corner
        int next = (k + 1) % n;
        double sk = sign * side(p, q, xs[k], ys[k]);
        double sn = sign * side(p, q, xs[next], ys[next]);
        if (sk >= 0) {
          cutX[m] = xs[k];
          cutY[m++] = ys[k];
        }
        if ((sk >= 0) != (sn >= 0)) {
          double t = sk / (sk - sn);
          cutX[m] = xs[k] + t * (xs[next] - xs[k]);
          cutY[m++] = ys[k] + t * (ys[next] - ys[k]);
        }
      }
      xs = cutX;
      ys = cutY;
      n = m;
    }
    return polygon(xs, ys, n);
  }

  /** Which side of the line p-q the point (x, y) lies on (the sign of the cross product). */
  private static double side(Point2D p, Point2D q, double x, double y) {
    return (q.getX() - p.getX()) * (y - p.getY()) - (q.getY() - p.getY()) * (x - p.getX());
  }

  /** The six corners of a cell, x then y, from the corner at 30 degrees on. */
  private double[][] hexagon(TernaryGrid grid, int index, double overlap) {
    Point2D centre = point(grid, index);
    double r = (spacing(grid) + overlap) / Math.sqrt(3);
    double[] x = new double[6];
    double[] y = new double[6];
    for (int k = 0; k < 6; k++) {
      x[k] = centre.getX() + r * HEX_COS[k];
      y[k] = centre.getY() + r * HEX_SIN[k];
    }
    return new double[][] {x, y};
  }

  /** cos and sin of the corners' angles, 30 + 60k degrees, computed once (the same doubles as each time). */
  private static final double[] HEX_COS = new double[6];
  private static final double[] HEX_SIN = new double[6];

  static {
    for (int k = 0; k < 6; k++) {
      double angle = Math.toRadians(30 + 60 * k);
      HEX_COS[k] = Math.cos(angle);
      HEX_SIN[k] = Math.sin(angle);
    }
  }

  private static Shape polygon(double[] x, double[] y, int n) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.max(n, 1));
    for (int k = 0; k < n; k++) {
      if (k == 0) {
        path.moveTo(x[k], y[k]);
      } else {
        path.lineTo(x[k], y[k]);
      }
    }
    if (n > 0) {
      path.closePath();
    }
    return path;
  }

  /**
   * The boundary of a set of grid points as the outer edges of their cells: for each point in
   * {@code members} and each lattice direction whose neighbour is not a member, the cell edge
   * facing that neighbour.
   */
  Shape outline(TernaryGrid grid, boolean[] members) {
    Path2D.Double path = new Path2D.Double();
    double r = spacing(grid) / Math.sqrt(3);
    int step = grid.step();
    int[][] directions = {{-1, 1, 0}, {1, -1, 0}, {0, -1, 1}, {0, 1, -1}, {-1, 0, 1}, {1, 0, -1}};
    for (int i = 0; i < members.length; i++) {
      if (!members[i]) {
        continue;
      }
      Point2D centre = point(grid, i);
      int a = grid.a(i);
      int b = grid.b(i);
      int c = grid.c(i);
      for (int[] d : directions) {
        int na = a + d[0] * step;
        int nb = b + d[1] * step;
        int nc = c + d[2] * step;
        boolean inside = na >= 0 && nb >= 0 && nc >= 0 && members[grid.indexOf(na, nb)];
        if (inside) {
          continue;
        }
        double angle = directionAngle(d);
        double a0 = angle - Math.toRadians(30);
        double a1 = angle + Math.toRadians(30);
        path.moveTo(centre.getX() + r * Math.cos(a0), centre.getY() + r * Math.sin(a0));
        path.lineTo(centre.getX() + r * Math.cos(a1), centre.getY() + r * Math.sin(a1));
      }
    }
    return path;
  }

  /** Page angle of a lattice move (dA, dB, dC): B is +x, C is up. */
  private double directionAngle(int[] d) {
    double dx = d[1] + d[2] / 2.0;
    double dy = -d[2] * Cartesian.HEIGHT;
    return Math.atan2(dy, dx);
  }

  /**
   * Lines of constant A, B and C every {@code every} at.% (not on the edges), stroked as one path
   * so that a translucent colour does not darken where lines cross.
   */
  void drawGridLines(Graphics2D g, Color color, float width, int every) {
    Path2D.Double lines = new Path2D.Double();
    for (int v = every; v < 100; v += every) {
      segment(lines, point(v, 100 - v, 0), point(v, 0, 100 - v)); // constant A
      segment(lines, point(100 - v, v, 0), point(0, v, 100 - v)); // constant B
      segment(lines, point(100 - v, 0, v), point(0, 100 - v, v)); // constant C
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(width));
    g.draw(lines);
  }

  private static void segment(Path2D.Double path, Point2D p, Point2D q) {
    path.moveTo(p.getX(), p.getY());
    path.lineTo(q.getX(), q.getY());
  }

  void drawFrame(Graphics2D g) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(triangle());
  }

  /** Ticks and labels every {@code every} at.% on the three edges, axis titles and the corner names. */
  void drawTicksAndLabels(Graphics2D g, int every) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.2f));
    g.setFont(TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    for (int v = every; v < 100; v += every) {
      String label = Integer.toString(v);
      tick(g, fm, point(100 - v, v, 0), BOTTOM_TICK, label); // at.% B along the bottom
      tick(g, fm, point(0, 100 - v, v), RIGHT_TICK, label); // at.% C along the right edge
      tick(g, fm, point(v, 0, 100 - v), LEFT_TICK, label); // at.% A along the left edge
    }
    g.setFont(AXIS_FONT);
    fm = g.getFontMetrics();
    Point2D a = point(1, 0, 0);
    Point2D b = point(0, 1, 0);
    Point2D c = point(0, 0, 1);
    double offset = 50;
    // Bottom: at.% B, centred below the tick labels.
    centred(g, fm, "at.% " + elements[1], (a.getX() + b.getX()) / 2 - 14, bottom + offset, 0);
    // Right edge: at.% C, parallel to the edge, outside.
    Point2D mid = midpoint(b, c);
    centred(g, fm, "at.% " + elements[2], mid.getX() + offset * Math.sqrt(3) / 2, mid.getY() - offset / 2, Math.toRadians(60));
    // Left edge: at.% A, parallel to the edge, outside.
    mid = midpoint(a, c);
    centred(g, fm, "at.% " + elements[0], mid.getX() - offset * Math.sqrt(3) / 2, mid.getY() - offset / 2, Math.toRadians(-60));

    g.setFont(CORNER_FONT);
    fm = g.getFontMetrics();
    g.drawString(elements[0], (float) (a.getX() - 10 - fm.stringWidth(elements[0])), (float) (a.getY() + fm.getAscent() / 2.0 + 4));
    g.drawString(elements[1], (float) (b.getX() + 10), (float) (b.getY() + fm.getAscent() / 2.0 + 4));
    g.drawString(elements[2], (float) (c.getX() - fm.stringWidth(elements[2]) / 2.0), (float) (c.getY() - 12));
  }

  private static Point2D midpoint(Point2D p, Point2D q) {
    return new Point2D.Double((p.getX() + q.getX()) / 2, (p.getY() + q.getY()) / 2);
  }

  private static void tick(Graphics2D g, FontMetrics fm, Point2D at, double[] direction, String label) {
    double x1 = at.getX() + direction[0] * TICK_LENGTH;
    double y1 = at.getY() + direction[1] * TICK_LENGTH;
    g.draw(new Line2D.Double(at.getX(), at.getY(), x1, y1));
    // The label's centre sits a little further along the tick, pushed out by half its size.
    double w = fm.stringWidth(label);
    double h = fm.getAscent() * 0.8;
    double gap = 4 + Math.abs(direction[0]) * w / 2 + Math.abs(direction[1]) * h / 2;
    double cx = x1 + direction[0] * gap;
    double cy = y1 + direction[1] * gap;
    g.drawString(label, (float) (cx - w / 2), (float) (cy + h / 2));
  }

  /** Draws {@code text} centred on (x, y), rotated by {@code angle} radians (clockwise on the page). */
  static void centred(Graphics2D g, FontMetrics fm, String text, double x, double y, double angle) {
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    if (angle != 0) {
      g.rotate(angle);
    }
    g.drawString(text, (float) (-fm.stringWidth(text) / 2.0), (float) (fm.getAscent() * 0.8 / 2));
    g.setTransform(saved);
  }
}
