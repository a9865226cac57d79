package gfa.api;

import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.models.ternary.TernaryMap;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A predicted ternary map as tables: the same numbers as {@code gfa predict-ternary}'s grid.csv and
 * candidates.csv.
 *
 * @param system the system's name, e.g. {@code Zr-Al-Cu}
 * @param grid one row per grid point: {@code composition}, one at.% column per element,
 *     {@code predicted_D_max} (mm), {@code normalized} (0 at the system's minimum, 1 at its maximum)
 *     and {@code top} (in the top share)
 * @param candidates the proposed alloys: {@code rank}, {@code composition}, the at.% columns,
 *     {@code predicted_D_max}, {@code normalized} and {@code reason}
 * @param warnings what makes the map less than a prediction for an unexplored system (a model not
 *     pruned for it); empty when nothing does
 * @param map the map itself (selection, regions, each learner's predictions, timings)
 */
public record SystemMap(String system, Table grid, Table candidates, List<String> warnings, TernaryMap map) {
  public SystemMap {
    warnings = List.copyOf(warnings);
  }

  static SystemMap of(TernaryMap map, List<String> warnings) {
    TernarySelection s = map.selection();
    String name = s.grid().system().name();
    return new SystemMap(name, gridTable(name, s), candidatesTable(name, s), warnings, map);
  }

  private static Table gridTable(String name, TernarySelection s) {
    TernaryGrid grid = s.grid();
    int n = grid.size();
    List<String> compositions = new ArrayList<>(n);
    int[][] atPercent = new int[3][n];
    for (int i = 0; i < n; i++) {
      compositions.add(grid.composition(i).format());
      int[] p = grid.atPercent(i);
      for (int k = 0; k < 3; k++) {
        atPercent[k][i] = p[k];
      }
    }
    Table table = Table.create(name + " grid", Tables.strings("composition", compositions));
    addAtPercent(table, grid, atPercent);
    return table.addColumns(Tables.doubles("predicted_D_max", s.predicted()), Tables.doubles("normalized", s.normalized()),
        Tables.booleans("top", s.top()));
  }

  private static Table candidatesTable(String name, TernarySelection s) {
    List<Candidate> all = s.candidates();
    int n = all.size();
    int[] rank = new int[n];
    List<String> compositions = new ArrayList<>(n);
    int[][] atPercent = new int[3][n];
    double[] predicted = new double[n];
    double[] normalized = new double[n];
    List<String> reasons = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Candidate c = all.get(i);
      rank[i] = c.rank();
      compositions.add(c.composition().format());
      for (int k = 0; k < 3; k++) {
        atPercent[k][i] = c.atPercent()[k];
      }
      predicted[i] = c.predicted();
      normalized[i] = c.normalized();
      reasons.add(c.reason());
    }
    Table table = Table.create(name + " candidates", Tables.ints("rank", rank), Tables.strings("composition", compositions));
    addAtPercent(table, s.grid(), atPercent);
    return table.addColumns(Tables.doubles("predicted_D_max", predicted), Tables.doubles("normalized", normalized),
        Tables.strings("reason", reasons));
  }

  private static void addAtPercent(Table table, TernaryGrid grid, int[][] atPercent) {
    for (int k = 0; k < 3; k++) {
      table.addColumns(Tables.ints(grid.system().element(k).symbol(), atPercent[k]));
    }
  }
}
