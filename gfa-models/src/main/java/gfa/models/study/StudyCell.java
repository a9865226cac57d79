package gfa.models.study;

import gfa.core.pruning.PruningCategory;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.PruningResult;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernarySelection;
import gfa.core.ternary.TopOverlap;
import gfa.models.eval.SystemAgreement;

/**
 * One cell of a pruning study: a system and a subdataset level, the model trained on what that
 * level keeps, its map of the system and how the map agrees with the system's reported alloys.
 *
 * @param system the ternary
 * @param level the subdataset
 * @param pruning what the level kept and removed, per category
 * @param selection the map: predictions over the grid, normalisation, top points, candidates
 * @param reportedPredicted the model's predictions at the reported alloys, in mm
 * @param agreement normalised predictions against normalised reported D_max (Fig. 3h)
 * @param overlap the high-GFA reported alloys against the top points
 * @param seconds the cell's time: training, predicting and selecting
 */
public record StudyCell(
    TernarySystem system, PruningLevel level, PruningResult pruning, TernarySelection selection, double[] reportedPredicted,
    SystemAgreement agreement, TopOverlap overlap, double seconds) {

  public StudyCell {
    reportedPredicted = reportedPredicted.clone();
  }

  @Override
  public double[] reportedPredicted() {
    return reportedPredicted.clone();
  }

  /** Rows the cell's model was trained on. */
  public int rowsTrained() {
    return pruning.keptCount();
  }

  /** Rows of category {@code c} the level removed. */
  public int removed(PruningCategory c) {
    return pruning.removed(c);
  }

  /** The Fig. 3h RMSE; NaN when the system has no reported alloy. */
  public double rmse() {
    return agreement.rmse();
  }

  /** The RMSE against the reported D_max scaled by the system's maximum ({@link SystemAgreement}). */
  public double rmseScaledByMax() {
    return agreement.rmseScaledByMax();
  }
}
