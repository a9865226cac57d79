package gfa.core.campaign;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alloys a campaign has proposed and the lab has not yet reported: never proposed again while
 * pending. Immutable; each change returns a new set. An alloy leaves the set when the lab reports
 * it, measured (it enters the ledger) or {@link NotCast not cast} (it stays unmeasured and may be
 * proposed again).
 *
 * @param proposals the pending alloys in order of proposal, each with the iteration that proposed it
 */
public record PendingProposals(List<Pending> proposals) {

  /** One pending alloy and the iteration that proposed it. */
  public record Pending(Composition composition, int iteration) {
    public Pending {
      if (iteration < 0) {
        throw new IllegalArgumentException("iteration " + iteration + " is below 0");
      }
    }
  }

  /**
   * What a report did to the pending set.
   *
   * @param pending the alloys still pending afterwards
   * @param measured reported alloys with a result that were pending
   * @param notCast reported alloys not cast that were pending
   * @param notProposed reported alloys (measured or not cast) that were not pending: the lab cast
   *     something gfa had not proposed, or reported it twice; allowed, and worth saying
   */
  public record Settlement(PendingProposals pending, List<Composition> measured, List<Composition> notCast,
      List<Composition> notProposed) {
    public Settlement {
      measured = List.copyOf(measured);
      notCast = List.copyOf(notCast);
      notProposed = List.copyOf(notProposed);
    }
  }

  public PendingProposals {
    Set<Composition> seen = new HashSet<>();
    for (Pending p : proposals) {
      if (!seen.add(p.composition())) {
        throw new IllegalArgumentException(p.composition().format() + " is pending twice");
      }
    }
    proposals = List.copyOf(proposals);
  }

  public static PendingProposals empty() {
    return new PendingProposals(List.of());
  }

  /** The pending alloys, in order of proposal. */
  public List<Composition> compositions() {
    return proposals.stream().map(Pending::composition).toList();
  }

  public boolean contains(Composition alloy) {
    return proposals.stream().anyMatch(p -> p.composition().equals(alloy));
  }

  public int size() {
    return proposals.size();
  }

  /**
   * This set plus the alloys proposed in {@code iteration}. An alloy already pending keeps its
   * earlier iteration. Proposing an alloy already measured is a bug of the caller
   * ({@link IllegalArgumentException}): proposals leave out measured alloys.
   */
  public PendingProposals propose(int iteration, List<Composition> alloys, List<Composition> measured) {
    Set<Composition> done = new HashSet<>(measured);
    Map<Composition, Pending> all = new LinkedHashMap<>();
    proposals.forEach(p -> all.put(p.composition(), p));
    for (Composition c : alloys) {
      if (done.contains(c)) {
        throw new IllegalArgumentException(c.format() + " is proposed but was measured already");
      }
      all.putIfAbsent(c, new Pending(c, iteration));
    }
    return new PendingProposals(new ArrayList<>(all.values()));
  }

  /**
   * Takes a lab report off the set: every alloy reported, measured or not cast, is no longer
   * pending. An alloy reported both measured and not cast in the same report is refused with a
   * one-line {@link GfaInputException} naming it (the report contradicts itself).
   */
  public Settlement settle(List<Composition> measured, List<NotCast> notCast) {
    Set<Composition> measuredSet = new HashSet<>(measured);
    for (NotCast n : notCast) {
      if (measuredSet.contains(n.composition())) {
        throw new GfaInputException(n.composition().format() + " is reported both as " + NotCast.OUTCOME
            + " and with a result; correct the results file");
      }
    }
    List<Composition> settledMeasured = new ArrayList<>();
    List<Composition> settledNotCast = new ArrayList<>();
    List<Composition> notProposed = new ArrayList<>();
    Set<Composition> reported = new HashSet<>();
    for (Composition c : measured) {
      if (reported.add(c)) {
        (contains(c) ? settledMeasured : notProposed).add(c);
      }
    }
    for (NotCast n : notCast) {
      if (reported.add(n.composition())) {
        (contains(n.composition()) ? settledNotCast : notProposed).add(n.composition());
      }
    }
    List<Pending> left = proposals.stream().filter(p -> !reported.contains(p.composition())).toList();
    return new Settlement(new PendingProposals(left), settledMeasured, settledNotCast, notProposed);
  }
}
