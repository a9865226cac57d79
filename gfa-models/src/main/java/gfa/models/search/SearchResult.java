package gfa.models.search;

import java.util.List;

/**
 * What a search found.
 *
 * @param trials every trial, in order
 * @param best the trial with the lowest loss (the earliest of equals); its loss is {@code +inf}
 *     only if every trial failed
 * @param stopReason why the search stopped: starts with {@link #MAX_TRIALS}, {@link #PATIENCE} or
 *     {@link #WALL_TIME}, then {@code ": "} and details for people
 */
public record SearchResult(List<Trial> trials, Trial best, String stopReason) {
  /** The trial limit was reached. */
  public static final String MAX_TRIALS = "max-trials";
  /** The last {@link Budget#patience()} trials did not improve the best loss. */
  public static final String PATIENCE = "patience";
  /** The wall-time limit passed. */
  public static final String WALL_TIME = "wall-time";

  public SearchResult {
    trials = List.copyOf(trials);
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("a search result has at least one trial");
    }
    if (best == null || !trials.contains(best)) {
      throw new IllegalArgumentException("the best trial must be one of the trials");
    }
    if (stopReason == null || stopReason.isBlank()) {
      throw new IllegalArgumentException("a search result needs a stop reason");
    }
  }

  /** Whether the search stopped for {@code reason}, one of {@link #MAX_TRIALS}, {@link #PATIENCE}, {@link #WALL_TIME}. */
  public boolean stoppedBy(String reason) {
    return stopReason.startsWith(reason + ":");
  }
}
