package gfa.models.ternary;

import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.models.uncertainty.Uncertainty;
import java.util.List;

/**
 * A predicted ternary map: the fused D_max at every grid point with what was selected from it (the
 * top points and their connected regions, in {@link #selection()}), the alloys proposed for
 * casting, each learner's own prediction beside the fused one, and, when the model carries a
 * calibration, the interval and p_bmg of every point and a trust report per candidate.
 *
 * @param candidates the proposed alloys, best first (the paper's pair unless another rule was asked)
 * @param learners the ensemble's learner ids, in the order of {@code byLearner}
 * @param byLearner one row of grid predictions per learner (null for a learner of fusion weight 0, not evaluated)
 * @param trust the calibration used, or null when the model has none
 * @param uncertainty one per grid point, or null without a calibration
 * @param candidateTrust one per candidate, or null without a calibration
 */
public record TernaryMap(TernarySelection selection, List<Candidate> candidates, List<String> learners, double[][] byLearner,
    Trust trust, Uncertainty[] uncertainty, List<CandidateTrust> candidateTrust, Timings timings) {

  /** Seconds per step: featurising the grid, predicting it, selecting from it (with the uncertainty). */
  public record Timings(double featurize, double predict, double select) {}

  public TernaryMap {
    candidates = List.copyOf(candidates);
    candidateTrust = candidateTrust == null ? null : List.copyOf(candidateTrust);
  }

  /** This map with {@code reports}, the candidates' trust reports in their order. */
  public TernaryMap withCandidateTrust(List<CandidateTrust> reports) {
    return new TernaryMap(selection, candidates, learners, byLearner, trust, uncertainty, reports, timings);
  }

  public TernaryGrid grid() {
    return selection.grid();
  }

  /** The fused prediction at grid point {@code i}. */
  public double predicted(int i) {
    return selection.predicted(i);
  }

  /** Whether the map carries intervals and p_bmg. */
  public boolean hasUncertainty() {
    return uncertainty != null;
  }
}
