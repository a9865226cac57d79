package gfa.models.study;

import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import java.util.List;

/**
 * The cells of one system in a pruning study, one per level, with what they share: the grid and
 * the system's reported alloys.
 *
 * @param system the ternary
 * @param grid its composition grid
 * @param reported its category (v) alloys in the data
 * @param cells one per level, in the order asked
 */
public record SystemStudy(TernarySystem system, TernaryGrid grid, ReportedAlloys reported, List<StudyCell> cells) {
  public SystemStudy {
    cells = List.copyOf(cells);
  }
}
