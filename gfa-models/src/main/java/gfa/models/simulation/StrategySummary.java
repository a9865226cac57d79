package gfa.models.simulation;

import gfa.core.pruning.TernarySystem;
import java.util.List;

/**
 * How one strategy did in one system over its repeats.
 *
 * @param system the ternary
 * @param strategy the strategy
 * @param repeats repeats simulated
 * @param found repeats that cast an alloy within 10 % of the system's best within the R rounds
 * @param roundsToBestMean mean round in which it was first cast, over the repeats that found it (NaN if none)
 * @param roundsToBestSd their sample standard deviation (NaN for fewer than two)
 * @param censoredMean the mean round counting a repeat that never found it as R + 1 (a lower bound on the truth)
 * @param meanBest the mean best-so-far D_max after each round 0..R, mm
 * @param meanGlasses mean castings that were bulk glasses, over all rounds (the opening batch included)
 * @param castings castings per campaign
 */
public record StrategySummary(TernarySystem system, Strategy strategy, int repeats, int found, double roundsToBestMean,
    double roundsToBestSd, double censoredMean, double[] meanBest, double meanGlasses, int castings) {
  public StrategySummary {
    meanBest = meanBest.clone();
  }

  @Override
  public double[] meanBest() {
    return meanBest.clone();
  }

  /** The summary of {@code strategy}'s rounds in a system result. */
  public static StrategySummary of(CampaignSimulation.SystemResult result, Strategy strategy, int rounds) {
    List<SimulatedRound> mine = result.rounds().stream().filter(r -> r.strategy().equals(strategy)).toList();
    int repeats = (int) mine.stream().mapToInt(SimulatedRound::repeat).distinct().count();
    double[] meanBest = new double[rounds + 1];
    double glasses = 0;
    int castings = 0;
    double[] firstFound = new double[repeats];
    java.util.Arrays.fill(firstFound, Double.NaN);
    int[] ids = mine.stream().mapToInt(SimulatedRound::repeat).distinct().sorted().toArray();
    for (SimulatedRound r : mine) {
      meanBest[r.round()] += r.bestSoFar() / repeats;
      int k = java.util.Arrays.binarySearch(ids, r.repeat());
      if (r.found() && Double.isNaN(firstFound[k])) {
        firstFound[k] = r.round();
      }
      if (r.round() == rounds) {
        glasses += r.glasses() / (double) repeats;
        castings = r.castings();
      }
    }
    int found = 0;
    double sum = 0;
    double censored = 0;
    for (double f : firstFound) {
      if (!Double.isNaN(f)) {
        found++;
        sum += f;
      }
      censored += (Double.isNaN(f) ? rounds + 1 : f) / repeats;
    }
    double mean = found == 0 ? Double.NaN : sum / found;
    double sd = Double.NaN;
    if (found > 1) {
      double ss = 0;
      for (double f : firstFound) {
        if (!Double.isNaN(f)) {
          ss += (f - mean) * (f - mean);
        }
      }
      sd = Math.sqrt(ss / (found - 1));
    }
    return new StrategySummary(result.pool().system(), strategy, repeats, found, mean, sd, censored, meanBest, glasses, castings);
  }
}
