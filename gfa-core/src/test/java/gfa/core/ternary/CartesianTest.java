package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CartesianTest {
  private static final double EPS = 1e-12;

  @Test
  void placesACornersBottomLeftBBottomRightCTop() {
    assertArrayEquals(new double[] {0, 0}, Cartesian.toXY(new int[] {100, 0, 0}), EPS);
    assertArrayEquals(new double[] {1, 0}, Cartesian.toXY(new int[] {0, 100, 0}), EPS);
    assertArrayEquals(new double[] {0.5, Math.sqrt(3) / 2}, Cartesian.toXY(new int[] {0, 0, 100}), EPS);
  }

  @Test
  void mapsMixturesLinearly() {
    double[] centre = Cartesian.toXY(1, 1, 1);
    assertArrayEquals(new double[] {0.5, Math.sqrt(3) / 6}, centre, EPS);
    assertArrayEquals(new double[] {0.5, 0}, Cartesian.toXY(new int[] {50, 50, 0}), EPS);
    // Zr20 Al20 Cu60: x = 0.2 + 0.3, y = 0.6 * sqrt(3)/2
    assertArrayEquals(new double[] {0.5, 0.6 * Cartesian.HEIGHT}, Cartesian.toXY(new int[] {20, 20, 60}), EPS);
    // side length 1: neighbouring 1 at.% points are 0.01 apart
    double[] p = Cartesian.toXY(new int[] {20, 20, 60});
    double[] q = Cartesian.toXY(new int[] {21, 19, 60});
    assertEquals(0.01, Math.hypot(p[0] - q[0], p[1] - q[1]), EPS);
  }

  @Test
  void refusesBadAmounts() {
    assertThrows(IllegalArgumentException.class, () -> Cartesian.toXY(new int[] {0, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> Cartesian.toXY(-1, 50, 51));
    assertThrows(IllegalArgumentException.class, () -> Cartesian.toXY(new int[] {50, 50}));
  }
}
