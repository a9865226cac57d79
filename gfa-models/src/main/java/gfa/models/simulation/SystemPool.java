package gfa.models.simulation;

import gfa.core.Composition;
import gfa.core.pruning.TernarySystem;
import gfa.models.study.ReportedAlloys;
import java.util.List;

/**
 * What a simulated campaign can cast in one system: the system's reported alloys (its category (v)
 * rows, docs/method.md §5), each revealing its reported D_max when cast.
 *
 * @param system the ternary
 * @param rows the pool's rows in the data
 * @param compositions the pool's alloys
 * @param dmax their reported D_max, mm
 */
public record SystemPool(TernarySystem system, int[] rows, List<Composition> compositions, double[] dmax) {
  /** A casting "finds the best" when it reaches this share of the system's best reported D_max. */
  public static final double NEAR_BEST = 0.9;

  public SystemPool {
    rows = rows.clone();
    compositions = List.copyOf(compositions);
    dmax = dmax.clone();
    if (rows.length != compositions.size() || rows.length != dmax.length) {
      throw new IllegalArgumentException("one row, composition and D_max per alloy");
    }
  }

  /** The pool of {@code system} in the data. */
  public static SystemPool of(TernarySystem system, List<Composition> compositions, double[] y) {
    ReportedAlloys r = ReportedAlloys.of(system, compositions, y);
    return new SystemPool(system, r.rows(), r.compositions(), r.dmax());
  }

  public int size() {
    return rows.length;
  }

  /** The best reported D_max of the system, mm. */
  public double best() {
    double m = 0;
    for (double d : dmax) {
      m = Math.max(m, d);
    }
    return m;
  }

  /** The D_max that counts as found: within 10 % of the best. */
  public double target() {
    return NEAR_BEST * best();
  }

  /** The pool's alloys at or above {@link #target()}. */
  public int nearBestCount() {
    int n = 0;
    for (double d : dmax) {
      if (d >= target()) {
        n++;
      }
    }
    return n;
  }

  @Override
  public int[] rows() {
    return rows.clone();
  }

  @Override
  public double[] dmax() {
    return dmax.clone();
  }
}
