package gfa.models.study;

import gfa.models.training.Ensemble;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingListener;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingRun;
import java.util.List;

/** How each cell of a pruning study gets its model from the rows its subdataset keeps. */
@FunctionalInterface
public interface CellModel {
  /** A fitted fusion on these rows; the caller closes it. */
  Ensemble fit(List<String> columns, double[][] x, double[] y) throws Exception;

  /**
   * Fixed hyperparameters and fusion weights (reused from a tuned model, or the defaults): each
   * learner is fitted once on the rows, no cross-validation and no search. The fast path. The
   * learners are fitted side by side, one thread each ({@link TrainingRun#refit}), so the same rows,
   * parameters and seed give the same models whatever {@code threads} is.
   */
  static CellModel refit(ModelParams params, long seed, int threads) {
    return (columns, x, y) -> TrainingRun.refit(columns, x, y, params, seed, threads);
  }

  /** A full search per cell, as {@code gfa train} does ({@link TrainingRun#run}): slow. */
  static CellModel tuned(TrainingOptions options) {
    return (columns, x, y) -> TrainingRun.run(columns, x, y, options, TrainingListener.NONE).ensemble();
  }
}
