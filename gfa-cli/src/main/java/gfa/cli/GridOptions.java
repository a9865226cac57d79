package gfa.cli;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import java.util.List;
import picocli.CommandLine.Option;

/** The grid of a ternary map and what is selected from it: {@code --step}, {@code --top}, {@code --candidate-step}. */
public final class GridOptions {
  @Option(names = "--step", defaultValue = "1", paramLabel = "AT%",
      description = "Grid step in at.%%, a divisor of 100 (default: ${DEFAULT-VALUE}).")
  int step;

  @Option(names = "--top", defaultValue = "5", paramLabel = "PERCENT",
      description = "Share of the grid whose threshold defines the top points, in %% (default: ${DEFAULT-VALUE}).")
  double top;

  @Option(names = "--candidate-step", defaultValue = "5", paramLabel = "AT%",
      description = "Lattice the candidates sit on, in at.%%: a divisor of 100 and a multiple of --step (default: ${DEFAULT-VALUE}).")
  int candidateStep;

  int step() {
    return step;
  }

  double top() {
    return top;
  }

  int candidateStep() {
    return candidateStep;
  }

  /** The grid of {@code system}; refuses a step that does not divide 100. */
  TernaryGrid grid(TernarySystem system) {
    try {
      return TernaryGrid.of(system, step);
    } catch (GfaInputException e) {
      throw new GfaInputException("grid " + e.getMessage());
    }
  }

  /** The selection options, never proposing {@code excluded}; refuses a lattice the grid has no points on. */
  TernarySelection.Options selection(List<Composition> excluded) {
    if (candidateStep >= 1 && candidateStep % step != 0) {
      throw new GfaInputException("--candidate-step " + candidateStep + " is not a multiple of --step " + step
          + ", so its alloys would have no prediction");
    }
    return new TernarySelection.Options(top, candidateStep, excluded);
  }
}
