package gfa.models.ternary;

import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import java.util.List;

/**
 * A predicted ternary map: the fused D_max at every grid point with what was selected from it (the
 * top points, their connected regions, the candidates; all in {@link #selection()}), each learner's
 * own prediction beside the fused one (the spread the uncertainty is scaled by), and what each step
 * took.
 *
 * @param learners the ensemble's learner ids, in the order of {@code byLearner}
 * @param byLearner one row of grid predictions per learner
 */
public record TernaryMap(TernarySelection selection, List<String> learners, double[][] byLearner, Timings timings) {

  /** Seconds per step: featurising the grid, predicting it, selecting from it. */
  public record Timings(double featurize, double predict, double select) {}

  public TernaryGrid grid() {
    return selection.grid();
  }

  /** The fused prediction at grid point {@code i}. */
  public double predicted(int i) {
    return selection.predicted(i);
  }
}
