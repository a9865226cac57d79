package gfa.models.study;

import gfa.core.Composition;
import gfa.core.pruning.PruningCategory;
import gfa.core.pruning.TernarySystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The alloys a dataset reports for a ternary system: its category (v) rows, those whose element
 * set is exactly {A, B, C} (docs/method.md §5). Every pruning level removes them, so no cell of a study
 * has seen them; they are what its map is compared with.
 *
 * @param system the ternary
 * @param rows their indices in the dataset, ascending
 * @param compositions their compositions
 * @param dmax their reported D_max in mm (duplicates already averaged by the dataset)
 * @param high indices into these alloys of the high-GFA ones ({@link #highGfa})
 */
public record ReportedAlloys(TernarySystem system, int[] rows, List<Composition> compositions, double[] dmax, int[] high) {
  /** Bulk glasses: a reported D_max of at least 1 mm (docs/method.md §1). */
  public static final double BMG_MM = 1.0;

  public ReportedAlloys {
    rows = rows.clone();
    compositions = List.copyOf(compositions);
    dmax = dmax.clone();
    high = high.clone();
  }

  /** The category (v) alloys of {@code system} among {@code compositions}, with their D_max {@code y}. */
  public static ReportedAlloys of(TernarySystem system, List<Composition> compositions, double[] y) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < compositions.size(); i++) {
      if (PruningCategory.classify(compositions.get(i).elementSet(), system.elementSet()) == PruningCategory.TERNARY) {
        rows.add(i);
      }
    }
    int[] r = rows.stream().mapToInt(Integer::intValue).toArray();
    List<Composition> alloys = new ArrayList<>(r.length);
    double[] d = new double[r.length];
    for (int k = 0; k < r.length; k++) {
      alloys.add(compositions.get(r[k]));
      d[k] = y[r[k]];
    }
    return new ReportedAlloys(system, r, alloys, d, highGfa(d));
  }

  /**
   * The high-GFA alloys among reported values: the bulk glasses (D_max &gt;= 1 mm); when there
   * is none, the alloys at the highest reported D_max (the best the system is known to do, even if
   * it is a ribbon). Indices ascending; empty only when {@code dmax} is.
   */
  public static int[] highGfa(double[] dmax) {
    List<Integer> bulk = new ArrayList<>();
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < dmax.length; i++) {
      if (dmax[i] >= BMG_MM) {
        bulk.add(i);
      }
      max = Math.max(max, dmax[i]);
    }
    if (bulk.isEmpty()) {
      for (int i = 0; i < dmax.length; i++) {
        if (dmax[i] == max) {
          bulk.add(i);
        }
      }
    }
    return bulk.stream().mapToInt(Integer::intValue).toArray();
  }

  /** How the high-GFA alloys were chosen, in words. */
  public String highRule() {
    if (dmax.length == 0) {
      return "no reported alloys";
    }
    for (double d : dmax) {
      if (d >= BMG_MM) {
        return "D_max >= 1 mm";
      }
    }
    return String.format(Locale.ROOT, "no bulk glass reported: the alloys at the highest reported D_max (%s mm)",
        gfa.core.io.CsvTable.formatNumber(max()));
  }

  public int count() {
    return rows.length;
  }

  /** The highest reported D_max; NaN without alloys. */
  public double max() {
    double m = Double.NaN;
    for (double d : dmax) {
      m = Double.isNaN(m) ? d : Math.max(m, d);
    }
    return m;
  }

  /** The lowest reported D_max; NaN without alloys. */
  public double min() {
    double m = Double.NaN;
    for (double d : dmax) {
      m = Double.isNaN(m) ? d : Math.min(m, d);
    }
    return m;
  }

  /** The high-GFA alloys' compositions. */
  public List<Composition> highCompositions() {
    List<Composition> out = new ArrayList<>(high.length);
    for (int i : high) {
      out.add(compositions.get(i));
    }
    return out;
  }

  /** Whether alloy {@code i} is a high-GFA one. */
  public boolean isHigh(int i) {
    for (int h : high) {
      if (h == i) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int[] rows() {
    return rows.clone();
  }

  @Override
  public double[] dmax() {
    return dmax.clone();
  }

  @Override
  public int[] high() {
    return high.clone();
  }
}
