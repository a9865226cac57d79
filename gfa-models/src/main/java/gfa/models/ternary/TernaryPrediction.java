package gfa.models.ternary;

import gfa.core.concurrent.Workers;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.features.Featurizer;
import gfa.models.training.Ensemble;
import java.util.Arrays;

/**
 * The one path from a fitted model to a ternary map (docs/method.md §6): featurise the grid,
 * predict every point with the fused ensemble, normalise within the system, take the top points
 * and their regions, propose the candidates. {@code gfa predict-ternary}, every campaign iteration
 * and every cell of the pruning study go through it, so a map means the same thing everywhere.
 */
public final class TernaryPrediction {
  private TernaryPrediction() {}

  /** Featurises {@code grid} with {@code workers} threads, then predicts and selects. */
  public static TernaryMap predict(
      Featurizer featurizer, Ensemble model, TernaryGrid grid, TernarySelection.Options options, Workers workers) {
    return predict(model, DescribedGrid.of(grid, featurizer, workers), options);
  }

  /** Predicts an already featurised grid and selects from it. */
  public static TernaryMap predict(Ensemble model, DescribedGrid grid, TernarySelection.Options options) {
    long start = System.nanoTime();
    double[][] all = model.predict(grid.x());
    double[] fused = all[all.length - 1];
    double predictSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    TernarySelection selection = TernarySelection.select(grid.grid(), fused, options);
    double selectSeconds = (System.nanoTime() - start) / 1e9;
    return new TernaryMap(selection, model.learners(), Arrays.copyOf(all, all.length - 1),
        new TernaryMap.Timings(grid.seconds(), predictSeconds, selectSeconds));
  }
}
