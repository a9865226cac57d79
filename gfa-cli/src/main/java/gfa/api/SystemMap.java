package gfa.api;

import gfa.cli.workflow.TernaryOutputs;
import gfa.models.ternary.TernaryMap;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A predicted ternary map as tables: the same numbers as {@code gfa predict-ternary}'s grid.csv and
 * candidates.csv.
 *
 * @param system the system's name, e.g. {@code Zr-Al-Cu}
 * @param grid one row per grid point: {@code composition}, one at.% column per element,
 *     {@code predicted_D_max} (mm), {@code normalized} (0 at the system's minimum, 1 at its maximum)
 *     and {@code top} (in the top share), then for a calibrated model {@code predicted_D_max_lower},
 *     {@code predicted_D_max_upper} and {@code p_bmg}
 * @param candidates the proposed alloys: {@code rank}, {@code composition}, the at.% columns,
 *     {@code predicted_D_max}, {@code normalized} and {@code reason}, then for a calibrated model the
 *     interval, {@code p_bmg} and the trust report ({@code in_domain}, distances, nearest known alloys)
 * @param warnings what makes the map less than a prediction for an unexplored system (a model not
 *     pruned for it); empty when nothing does
 * @param map the map itself (selection, regions, each learner's predictions, timings)
 */
public record SystemMap(String system, Table grid, Table candidates, List<String> warnings, TernaryMap map) {
  public SystemMap {
    warnings = List.copyOf(warnings);
  }

  static SystemMap of(TernaryMap map, List<String> warnings) {
    String name = map.grid().system().name();
    // the very tables predict-ternary writes, typed: one format in one place (TernaryOutputs)
    Table grid = Tables.typed(name + " grid", TernaryOutputs.gridTable(map.selection(), map.uncertainty()));
    Table candidates = Tables.typed(name + " candidates", TernaryOutputs.candidatesTable(map, null));
    return new SystemMap(name, grid, candidates, warnings, map);
  }
}
