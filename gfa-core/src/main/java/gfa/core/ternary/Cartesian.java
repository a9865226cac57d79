package gfa.core.ternary;

/**
 * Projects ternary compositions onto an equilateral triangle of unit side for plots: A at the
 * bottom left (0, 0), B at the bottom right (1, 0), C at the top (1/2, √3/2). A point with
 * fractions (a, b, c) lies at the weighted mean of the corners, x = b + c/2, y = c √3/2. So the
 * published grid order (A outer, B inner, C the rest) starts at the top corner.
 */
public final class Cartesian {
  /** Height of the unit equilateral triangle, √3/2. */
  public static final double HEIGHT = Math.sqrt(3) / 2;

  private Cartesian() {}

  /** (x, y) of a point given in at.% (or any amounts; they are normalised by their sum). */
  public static double[] toXY(int[] atPercent) {
    if (atPercent.length != 3) {
      throw new IllegalArgumentException("a ternary point has 3 amounts, not " + atPercent.length);
    }
    return toXY(atPercent[0], atPercent[1], atPercent[2]);
  }

  /** (x, y) of the point with amounts a, b, c of A, B, C (>= 0, not all zero; normalised by their sum). */
  public static double[] toXY(double a, double b, double c) {
    double total = a + b + c;
    if (!(a >= 0 && b >= 0 && c >= 0 && total > 0 && Double.isFinite(total))) {
      throw new IllegalArgumentException("amounts " + a + ", " + b + ", " + c + " are not >= 0 with a positive sum");
    }
    double fb = b / total;
    double fc = c / total;
    return new double[] {fb + fc / 2, fc * HEIGHT};
  }
}
