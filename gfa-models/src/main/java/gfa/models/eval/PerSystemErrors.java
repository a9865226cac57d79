package gfa.models.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The errors of out-of-fold predictions on the systems with the most data: where a user can trust
 * the model and where its overall score hides a weak spot. Only RMSE and MAE: R² within one
 * system is undefined when its alloys share one D_max, and misleading when they nearly do.
 */
public final class PerSystemErrors {
  private PerSystemErrors() {}

  /**
   * One system's errors.
   *
   * @param system the element set, e.g. {@code Al-Cu-Zr}
   * @param rows how many rows it holds
   * @param errors per evaluation (e.g. "random 5-fold", "leave-system-out 5-fold"), its metrics on
   *     these rows, in the order given
   */
  public record Row(String system, int rows, Map<String, RegressionMetrics> errors) {
    public Row {
      errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
  }

  /**
   * The {@code n} systems with the most rows (ties: alphabetical, so the list is the same on every
   * run), largest first, with the RMSE and MAE of each set of predictions on their rows.
   *
   * @param groups the system of each row ({@link SystemGroups#of})
   * @param observed the observed values
   * @param predictions named out-of-fold predictions, each one per row
   */
  public static List<Row> largest(String[] groups, double[] observed, Map<String, double[]> predictions, int n) {
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < groups.length; i++) {
      members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
    }
    List<Map.Entry<String, List<Integer>>> bySize = new ArrayList<>(members.entrySet());
    // stable sort of the alphabetical order: equal sizes stay alphabetical
    bySize.sort(Comparator.comparingInt((Map.Entry<String, List<Integer>> e) -> e.getValue().size()).reversed());
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : bySize.subList(0, Math.min(n, bySize.size()))) {
      int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      Map<String, RegressionMetrics> errors = new LinkedHashMap<>();
      predictions.forEach((name, p) -> errors.put(name, RegressionMetrics.of(observed, p, rows)));
      out.add(new Row(e.getKey(), rows.length, errors));
    }
    return out;
  }
}
