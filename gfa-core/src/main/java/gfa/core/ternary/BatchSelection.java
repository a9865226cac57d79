package gfa.core.ternary;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A batch of N alloys to cast, on the candidate lattice, within the campaign's bounds, never one
 * measured or pending (docs/method.md §9, docs/acquisition.md). Pure: a function of the grid, the scores of
 * an {@link Acquisition} and the {@link Options}.
 *
 * <ol>
 *   <li><b>Candidates 1 and 2</b> are the paper's pair (docs/method.md §6, {@link TernarySelection}) on
 *       the score instead of the prediction: the best lattice point of the largest connected
 *       top-5% region of the score, and the best of its lattice neighbours. With {@link
 *       Acquisition#TOP}, no bounds and N = 2 this is exactly today's pair.
 *   <li><b>Candidates 3..N</b> are chosen greedily by score among the lattice points at least
 *       {@link Options#spacing()} lattice steps from every candidate already chosen (default 2: 10
 *       at.% on the 5 at.% lattice). The pair probes the peak; the rest of a batch should test the
 *       map elsewhere, because the model's errors in an unseen system are large and correlated
 *       between neighbours, so a third neighbour of the peak teaches little. When no point is
 *       that far, the spacing shrinks one step at a time (the reason says so).
 * </ol>
 * <b>Bounds</b>: grid points outside them get a score below every point inside, so the top region
 * is sought within the bounds; lattice points outside them are never proposed. Ties always go to
 * the smaller grid index.
 */
public final class BatchSelection {
  /** The spacing of candidates 3..N by default, in lattice steps. */
  public static final int DEFAULT_SPACING = 2;

  /**
   * How to choose.
   *
   * @param candidates N, the number of alloys to propose (≥ 1)
   * @param candidateStep the lattice in at.% (the paper's 5)
   * @param topPercent the share of the grid defining the top region (the paper's 5)
   * @param spacing the least lattice distance between candidates 3..N and every other candidate, in steps (≥ 1)
   * @param bounds limits every proposal respects
   * @param measured alloys already measured in the campaign
   * @param pending alloys proposed and not yet reported
   */
  public record Options(int candidates, int candidateStep, double topPercent, int spacing, CompositionBounds bounds,
      List<Composition> measured, List<Composition> pending) {
    public Options {
      Objects.requireNonNull(bounds, "bounds");
      if (candidates < 1) {
        throw new GfaInputException("number of candidates " + candidates + " is below 1; propose at least one alloy");
      }
      if (spacing < 1) {
        throw new GfaInputException("candidate spacing " + spacing + " is below 1 lattice step");
      }
      measured = List.copyOf(measured);
      pending = List.copyOf(pending);
    }

    /** The paper's lattice and top share, N candidates, default spacing, no bounds, nothing measured or pending. */
    public static Options paper(int candidates, CompositionBounds bounds) {
      return new Options(candidates, TernarySelection.Options.PAPER_CANDIDATE_STEP, TernarySelection.Options.PAPER_TOP_PERCENT,
          DEFAULT_SPACING, bounds, List.of(), List.of());
    }

    /** The same options with these measured and pending alloys. */
    public Options with(List<Composition> measured, List<Composition> pending) {
      return new Options(candidates, candidateStep, topPercent, spacing, bounds, measured, pending);
    }
  }

  /**
   * One alloy of the batch.
   *
   * @param rank 1..N
   * @param index the grid index
   * @param atPercent A, B, C at.%
   * @param composition the alloy
   * @param score its acquisition score
   * @param reason why it was chosen, in words
   */
  public record Proposal(int rank, int index, int[] atPercent, Composition composition, double score, String reason) {
    public Proposal {
      atPercent = atPercent.clone();
    }

    @Override
    public int[] atPercent() {
      return atPercent.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Proposal p && rank == p.rank && index == p.index && Arrays.equals(atPercent, p.atPercent)
          && composition.equals(p.composition) && Double.compare(score, p.score) == 0 && reason.equals(p.reason);
    }

    @Override
    public int hashCode() {
      return 31 * rank + index;
    }
  }

  private BatchSelection() {}

  /**
   * Scores the grid with {@code acquisition} ({@link Acquisition#scores}) and proposes the batch.
   * {@code sigma} and {@code pBmg} may be null when the acquisition does not read them.
   */
  public static List<Proposal> propose(TernaryGrid grid, double[] mean, double[] sigma, double[] pBmg, Acquisition acquisition,
      Acquisition.Parameters parameters, Options options) {
    double[] scores = acquisition.scores(mean, sigma, pBmg, parameters);
    return propose(grid, scores, acquisition == Acquisition.TOP ? "prediction" : acquisition.id() + " score", options);
  }

  /**
   * Proposes the batch from one score per grid point (finite, higher is better). {@code scoreName}
   * names the score in the reasons ({@code prediction}, {@code ucb score}). Refuses, with a
   * one-line {@link GfaInputException}, bounds that leave no lattice point and a batch larger than
   * the lattice points left within the bounds once the measured and pending alloys are taken out.
   */
  public static List<Proposal> propose(TernaryGrid grid, double[] scores, String scoreName, Options options) {
    Objects.requireNonNull(grid, "grid");
    if (scores.length != grid.size()) {
      throw new IllegalArgumentException(scores.length + " scores for a grid of " + grid.size() + " points");
    }
    if (!options.bounds().system().equals(grid.system())) {
      throw new IllegalArgumentException("bounds for " + options.bounds().system() + " on a grid of " + grid.system());
    }
    int step = options.candidateStep();
    if (step % grid.step() != 0) {
      throw new GfaInputException("candidate step " + step + " at.% is not a multiple of the grid step " + grid.step() + " at.%");
    }
    int[] inBounds = options.bounds().latticePoints(grid, step);
    boolean[] taken = new boolean[grid.size()];
    Set<Composition> excluded = new HashSet<>(options.measured());
    excluded.addAll(options.pending());
    for (Composition c : excluded) {
      grid.find(c).ifPresent(i -> taken[i] = true);
    }
    int[] admissible = Arrays.stream(inBounds).filter(i -> !taken[i]).toArray();
    String lattice = step + " at.% lattice";
    if (options.candidates() > admissible.length) {
      throw new GfaInputException(options.candidates() + " candidates asked, but the " + lattice + " holds only "
          + admissible.length + " alloy" + (admissible.length == 1 ? "" : "s") + " with all three elements"
          + (options.bounds().isEmpty() ? "" : " within the bounds " + options.bounds())
          + (inBounds.length > admissible.length ? " that are neither measured nor pending" : ""));
    }
    List<Proposal> batch = new ArrayList<>(options.candidates());
    if (admissible.length == 1) {
      int i = admissible[0];
      batch.add(proposal(grid, 1, i, scores, "the only alloy left to propose on the " + lattice));
      return batch;
    }
    // The paper's pair on the score, with the bounds as a low score and as exclusions.
    double[] bounded = scores.clone();
    List<Composition> notAllowed = new ArrayList<>(excluded);
    if (!options.bounds().isEmpty()) {
      double lowest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < grid.size(); i++) {
        if (options.bounds().allows(grid.atPercent(i))) {
          lowest = Math.min(lowest, scores[i]);
        }
      }
      for (int i = 0; i < grid.size(); i++) {
        if (!options.bounds().allows(grid.atPercent(i))) {
          bounded[i] = lowest - 1;
          if (TernarySelection.onLattice(grid, i, step)) {
            notAllowed.add(grid.composition(i));
          }
        }
      }
    }
    TernarySelection pair = TernarySelection.select(grid, bounded,
        new TernarySelection.Options(options.topPercent(), step, notAllowed));
    for (Candidate c : pair.candidates().subList(0, Math.min(2, options.candidates()))) {
      String reason = "prediction".equals(scoreName) ? c.reason() : c.reason().replace("prediction", scoreName);
      batch.add(proposal(grid, c.rank(), c.index(), scores, reason));
    }
    Set<Integer> chosen = new HashSet<>();
    batch.forEach(p -> chosen.add(p.index()));
    while (batch.size() < options.candidates()) {
      for (int spacing = options.spacing(); spacing >= 1; spacing--) {
        int best = -1;
        for (int i : admissible) {
          if (!chosen.contains(i) && farFrom(grid, i, batch, step, spacing) && (best < 0 || scores[i] > scores[best])) {
            best = i;
          }
        }
        if (best >= 0) {
          String from = "candidates 1.." + batch.size();
          String reason = "highest " + scoreName + " on the " + lattice + " at least " + spacing + " lattice step"
              + (spacing == 1 ? "" : "s") + " (" + spacing * step + " at.%) from " + from
              + (spacing < options.spacing() ? "; no point is " + options.spacing() + " steps from all of them" : "");
          batch.add(proposal(grid, batch.size() + 1, best, scores, reason));
          chosen.add(best);
          break;
        }
      }
    }
    return batch;
  }

  /** Lattice steps between two points of the triangular lattice: the largest amount change over the step. */
  public static int latticeDistance(TernaryGrid grid, int i, int j, int step) {
    int d = Math.max(Math.abs(grid.a(i) - grid.a(j)), Math.max(Math.abs(grid.b(i) - grid.b(j)), Math.abs(grid.c(i) - grid.c(j))));
    return d / step;
  }

  private static boolean farFrom(TernaryGrid grid, int i, List<Proposal> batch, int step, int spacing) {
    for (Proposal p : batch) {
      if (latticeDistance(grid, i, p.index(), step) < spacing) {
        return false;
      }
    }
    return true;
  }

  private static Proposal proposal(TernaryGrid grid, int rank, int index, double[] scores, String reason) {
    return new Proposal(rank, index, grid.atPercent(index), grid.composition(index), scores[index], reason);
  }
}
