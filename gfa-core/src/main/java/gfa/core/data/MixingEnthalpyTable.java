package gfa.core.data;

import gfa.core.Element;

/**
 * Liquid mixing enthalpies of equiatomic binary pairs (Takeuchi and Inoue 2005), in kJ/mol. The
 * table is symmetric; a pair the source does not list has no value (it is not 0).
 */
public final class MixingEnthalpyTable {
  /** The property name used in {@link MissingElementDataException}. */
  static final String PROPERTY = "liquid mixing enthalpy";

  private static final int N = Element.COUNT + 1;
  private final double[] matrix; // [za * N + zb], both orders filled; NaN = not listed

  MixingEnthalpyTable(double[] matrix) {
    if (matrix.length != N * N) {
      throw new IllegalArgumentException("mixing enthalpy matrix needs " + N * N + " slots");
    }
    this.matrix = matrix.clone();
  }

  static int index(int za, int zb) {
    return za * N + zb;
  }

  /** Whether the pair has a value; an element with itself always does (0). */
  public boolean has(Element a, Element b) {
    return a == b || !Double.isNaN(matrix[index(a.z(), b.z())]);
  }

  /** dH_mix of the pair in kJ/mol, the same in either order; 0 for an element with itself. */
  public double kjPerMol(Element a, Element b) {
    if (a == b) {
      return 0.0;
    }
    double v = matrix[index(a.z(), b.z())];
    if (Double.isNaN(v)) {
      throw new MissingElementDataException(a, b, PROPERTY);
    }
    return v;
  }
}
