package gfa.models.ternary;

import gfa.core.concurrent.Workers;
import gfa.core.ternary.TernaryGrid;
import gfa.features.Featurizer;

/**
 * A system's composition grid with the descriptors of every point. The descriptors depend only on
 * the compositions, so a grid is featurised once and predicted by as many models as need it (the
 * cells of a pruning study share one per system).
 *
 * @param x one descriptor row per grid point, in the featuriser's column order
 * @param seconds the time featurising took
 */
public record DescribedGrid(TernaryGrid grid, double[][] x, double seconds) {
  public DescribedGrid {
    if (x.length != grid.size()) {
      throw new IllegalArgumentException(x.length + " descriptor rows for " + grid.size() + " grid points");
    }
  }

  /** Featurises every point of {@code grid} with {@code workers} threads. */
  public static DescribedGrid of(TernaryGrid grid, Featurizer featurizer, Workers workers) {
    long start = System.nanoTime();
    double[][] x = workers.call(() -> featurizer.featurizeAll(grid.compositions()));
    return new DescribedGrid(grid, x, (System.nanoTime() - start) / 1e9);
  }
}
