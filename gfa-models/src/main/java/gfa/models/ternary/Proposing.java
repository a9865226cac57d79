package gfa.models.ternary;

import gfa.core.Composition;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.Acquisition;
import gfa.core.ternary.CompositionBounds;
import java.util.List;

/**
 * How the alloys to cast are chosen from a map: the acquisition function and its parameters, the
 * size of the batch, the bounds every proposal respects, and the alloys proposed earlier and not
 * yet reported (pending), which are never proposed again. The paper's rule is {@link #paper}.
 */
public record Proposing(Acquisition acquisition, Acquisition.Parameters parameters, int candidates, CompositionBounds bounds,
    List<Composition> pending) {
  public Proposing {
    pending = List.copyOf(pending);
  }

  /** The paper's rule: the two best predictions, no bounds, nothing pending. */
  public static Proposing paper(TernarySystem system) {
    return new Proposing(Acquisition.TOP, Acquisition.Parameters.defaults(), 2, CompositionBounds.none(system), List.of());
  }

  /** Whether this is exactly the paper's rule, whose pair {@code TernarySelection} already chose. */
  public boolean isPaperRule() {
    return acquisition == Acquisition.TOP && candidates == 2 && bounds.isEmpty() && pending.isEmpty();
  }
}
