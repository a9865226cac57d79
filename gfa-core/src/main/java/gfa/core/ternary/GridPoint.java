package gfa.core.ternary;

import gfa.core.Composition;
import java.util.Arrays;

/**
 * One point of a {@link TernaryGrid}.
 *
 * @param index the point's index in the grid
 * @param atPercent the at.% of A, B and C (summing to 100)
 * @param interior whether all three elements are present (not on an edge or corner)
 * @param composition the alloy, with zero amounts dropped ({@code Al1 C99} for La0 Al1 C99)
 */
public record GridPoint(int index, int[] atPercent, boolean interior, Composition composition) {

  public GridPoint {
    atPercent = atPercent.clone();
  }

  @Override
  public int[] atPercent() {
    return atPercent.clone();
  }

  /** at.% of A. */
  public int a() {
    return atPercent[0];
  }

  /** at.% of B. */
  public int b() {
    return atPercent[1];
  }

  /** at.% of C. */
  public int c() {
    return atPercent[2];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GridPoint p && index == p.index && Arrays.equals(atPercent, p.atPercent)
        && interior == p.interior && composition.equals(p.composition);
  }

  @Override
  public int hashCode() {
    return 31 * index + Arrays.hashCode(atPercent);
  }

  @Override
  public String toString() {
    return "GridPoint[" + index + ": " + composition.format() + "]";
  }
}
