package gfa.core.ternary;

import gfa.core.Composition;
import java.util.Arrays;

/**
 * An alloy proposed for casting by {@link TernarySelection} (docs/method.md §6): a point of the candidate
 * lattice with all three elements present.
 *
 * @param rank 1 for the best point of the largest top region, 2 for the best point around it
 * @param index the point's index in the prediction grid
 * @param atPercent the at.% of A, B and C
 * @param composition the alloy
 * @param predicted the predicted D_max (mm)
 * @param normalized the prediction normalised to [0, 1] within the grid
 * @param reason why this point was chosen, in words, e.g. "highest prediction on the 5 at.% lattice
 *     in the largest top-5% region (412 points)"
 */
public record Candidate(int rank, int index, int[] atPercent, Composition composition, double predicted, double normalized,
    String reason) {

  public Candidate {
    atPercent = atPercent.clone();
  }

  @Override
  public int[] atPercent() {
    return atPercent.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c && rank == c.rank && index == c.index && Arrays.equals(atPercent, c.atPercent)
        && composition.equals(c.composition) && Double.compare(predicted, c.predicted) == 0
        && Double.compare(normalized, c.normalized) == 0 && reason.equals(c.reason);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rank + index) + Arrays.hashCode(atPercent);
  }

  @Override
  public String toString() {
    return "Candidate " + rank + ": " + composition.format() + " (" + predicted + " mm; " + reason + ")";
  }
}
