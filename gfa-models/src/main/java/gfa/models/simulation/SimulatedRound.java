package gfa.models.simulation;

import gfa.core.Composition;
import gfa.core.pruning.TernarySystem;
import java.util.List;

/**
 * One round of one simulated campaign. Round 0 is the random opening batch every strategy of a
 * repeat shares; rounds 1..R are the strategy's own proposals.
 *
 * @param system the ternary
 * @param strategy how the round's alloys were chosen
 * @param repeat the repeat, from 1
 * @param round the round, 0 for the opening batch
 * @param proposals the alloys cast this round
 * @param proposalDmax their reported D_max, mm
 * @param bestSoFar the best D_max revealed up to and including this round
 * @param found whether the best so far is within 10 % of the system's best
 * @param castings castings made so far, the opening batch included
 * @param glasses castings so far that were bulk glasses (D_max at least the threshold)
 */
public record SimulatedRound(TernarySystem system, Strategy strategy, int repeat, int round, List<Composition> proposals,
    double[] proposalDmax, double bestSoFar, boolean found, int castings, int glasses) {
  public SimulatedRound {
    proposals = List.copyOf(proposals);
    proposalDmax = proposalDmax.clone();
  }

  @Override
  public double[] proposalDmax() {
    return proposalDmax.clone();
  }
}
