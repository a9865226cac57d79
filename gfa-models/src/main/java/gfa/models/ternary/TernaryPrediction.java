package gfa.models.ternary;

import gfa.core.concurrent.Workers;
import gfa.core.ternary.Acquisition;
import gfa.core.ternary.BatchSelection;
import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.features.Featurizer;
import gfa.models.training.Ensemble;
import gfa.models.uncertainty.CalibrationRecord;
import gfa.models.uncertainty.DomainIndex;
import gfa.models.uncertainty.Uncertainty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one path from a fitted model to a ternary map (docs/method.md §6, §9): featurise the grid,
 * predict every point with the fused ensemble, normalise within the system, take the top points
 * and their regions, propose the alloys to cast, and, when the model carries a calibration, give
 * every point its interval and p_bmg and every candidate a trust report. {@code gfa
 * predict-ternary}, every campaign iteration and every cell of the pruning study go through it, so
 * a map means the same thing everywhere.
 */
public final class TernaryPrediction {
  /** How many known alloys a candidate's trust report names. */
  public static final int NEIGHBOURS = 3;

  private TernaryPrediction() {}

  /** The paper's map: featurises {@code grid} with {@code workers} threads, predicts, selects the pair. */
  public static TernaryMap predict(
      Featurizer featurizer, Ensemble model, TernaryGrid grid, TernarySelection.Options options, Workers workers) {
    return predict(model, DescribedGrid.of(grid, featurizer, workers), options);
  }

  /** Predicts an already featurised grid and selects the paper's pair from it (no calibration). */
  public static TernaryMap predict(Ensemble model, DescribedGrid grid, TernarySelection.Options options) {
    return predict(model, grid, options, Proposing.paper(grid.grid().system()), null, null, null);
  }

  /**
   * The full map: proposals by {@code proposing}, and with {@code trust} (null: none) the intervals,
   * p_bmg and a trust report per candidate.
   */
  public static TernaryMap predict(Featurizer featurizer, Ensemble model, TernaryGrid grid, TernarySelection.Options options,
      Proposing proposing, Trust trust, Workers workers) {
    return withCandidateTrust(predictBeforeTrust(featurizer, model, grid, options, proposing, trust, workers), model,
        featurizer, workers);
  }

  /**
   * As {@link #predict(Featurizer, Ensemble, TernaryGrid, TernarySelection.Options, Proposing,
   * Trust, Workers)} but for the candidates' trust reports, which {@link #withCandidateTrust} adds:
   * the figures need only the map, so a caller can draw them while the reports are made.
   */
  public static TernaryMap predictBeforeTrust(Featurizer featurizer, Ensemble model, TernaryGrid grid,
      TernarySelection.Options options, Proposing proposing, Trust trust, Workers workers) {
    return predict(model, DescribedGrid.of(grid, featurizer, workers), options, proposing, trust, featurizer, workers);
  }

  /**
   * {@code map} with a trust report per candidate (distance to the training alloys, the nearest of
   * them) when it has a calibration and none yet; else {@code map} itself.
   */
  public static TernaryMap withCandidateTrust(TernaryMap map, Ensemble model, Featurizer featurizer, Workers workers) {
    if (map.trust() == null || map.candidateTrust() != null) {
      return map;
    }
    return map.withCandidateTrust(candidateTrust(map.candidates(), map.trust(), model, featurizer, workers));
  }

  private static TernaryMap predict(Ensemble model, DescribedGrid grid, TernarySelection.Options options, Proposing proposing,
      Trust trust, Featurizer featurizer, Workers workers) {
    long start = System.nanoTime();
    double[][] all = workers == null ? model.predict(grid.x()) : workers.call(() -> model.predictSideBySide(grid.x()));
    double[] fused = all[all.length - 1];
    double predictSeconds = seconds(start);
    start = System.nanoTime();
    TernarySelection selection = TernarySelection.select(grid.grid(), fused, options);
    Uncertainty[] uncertainty = null;
    double[] sigma = null;
    double[] pBmg = null;
    if (trust != null) {
      CalibrationRecord c = trust.calibration();
      uncertainty = c.predict(all, model.weights(), trust.level(), trust.bmgThreshold());
      sigma = c.sigma(all, model.weights());
      pBmg = new double[uncertainty.length];
      for (int i = 0; i < pBmg.length; i++) {
        pBmg[i] = uncertainty[i].pBmg();
      }
    }
    List<Candidate> candidates = proposing.isPaperRule() ? selection.candidates()
        : propose(selection, fused, sigma, pBmg, proposing);
    // the candidates' trust reports come after, from withCandidateTrust
    return new TernaryMap(selection, candidates, model.learners(), Arrays.copyOf(all, all.length - 1), trust, uncertainty,
        null, new TernaryMap.Timings(grid.seconds(), predictSeconds, seconds(start)));
  }

  /** A batch by an acquisition function (docs/acquisition.md), as candidates of the map. */
  private static List<Candidate> propose(
      TernarySelection selection, double[] fused, double[] sigma, double[] pBmg, Proposing proposing) {
    TernarySelection.Options o = selection.options();
    BatchSelection.Options batch = new BatchSelection.Options(proposing.candidates(), o.candidateStep(), o.topPercent(),
        BatchSelection.DEFAULT_SPACING, proposing.bounds(), o.excluded(), proposing.pending());
    List<Candidate> out = new ArrayList<>();
    for (BatchSelection.Proposal p : BatchSelection.propose(selection.grid(), fused, sigma, pBmg, proposing.acquisition(),
        proposing.parameters(), batch)) {
      out.add(new Candidate(p.rank(), p.index(), p.atPercent(), p.composition(), fused[p.index()],
          selection.normalized(p.index()), p.reason()));
    }
    return out;
  }

  /** Distance to the training alloys and the nearest of them, per candidate. */
  private static List<CandidateTrust> candidateTrust(
      List<Candidate> candidates, Trust trust, Ensemble model, Featurizer featurizer, Workers workers) {
    if (featurizer == null || candidates.isEmpty()) {
      return List.of();
    }
    CalibrationRecord c = trust.calibration();
    double[][] known = trust.knownDescriptors() != null ? trust.knownDescriptors()
        : workers.call(() -> featurizer.featurizeAll(c.alloys()));
    DomainIndex domain = c.domain(model.scaler().transform(known, null));
    List<CandidateTrust> out = new ArrayList<>();
    for (Candidate candidate : candidates) {
      double[] x = model.scaler().transform(new double[][] {featurizer.featurize(candidate.composition())}, null)[0];
      out.add(new CandidateTrust(domain.distance(candidate.composition(), x),
          domain.nearest(candidate.composition(), x, NEIGHBOURS)));
    }
    return out;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
