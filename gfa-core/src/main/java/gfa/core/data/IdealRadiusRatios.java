package gfa.core.data;

/**
 * The ideal ratio of a central atom's radius to its neighbours' radius for a cluster of n nearest
 * neighbours (Miracle, Lord and Ranganathan 2006), n = 3..24.
 */
public final class IdealRadiusRatios {
  private final int min;
  private final double[] ratios; // ratios[n - min]

  IdealRadiusRatios(int min, double[] ratios) {
    if (ratios.length == 0) {
      throw new IllegalArgumentException("no ideal radius ratios");
    }
    this.min = min;
    this.ratios = ratios.clone();
  }

  /**
   * The ideal ratio for {@code n} neighbours. Outside {@link #min()}..{@link #max()} the nearest end
   * is used, as matminer's AtomicPackingEfficiency does, so cluster searches never fall off the table.
   */
  public double forCoordination(int n) {
    int clamped = Math.max(min, Math.min(n, max()));
    return ratios[clamped - min];
  }

  public int min() {
    return min;
  }

  public int max() {
    return min + ratios.length - 1;
  }
}
