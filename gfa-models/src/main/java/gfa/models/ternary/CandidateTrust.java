package gfa.models.ternary;

import gfa.models.uncertainty.DomainDistance;
import gfa.models.uncertainty.Neighbour;
import java.util.List;

/**
 * A candidate's short trust report: how far it lies from the alloys the model learnt from (and
 * whether that is in the calibrated domain), and the nearest known alloys with their D_max.
 */
public record CandidateTrust(DomainDistance distance, List<Neighbour> nearest) {
  public CandidateTrust {
    nearest = List.copyOf(nearest);
  }
}
