package gfa.models.search;

import java.util.SplittableRandom;

/**
 * Random search (Bergstra & Bengio 2012): every trial an independent draw from the priors. The
 * baseline TPE is tested against, and an option in its own right. With the same seed it proposes
 * exactly TPE's startup trials, so the two can be compared seed by seed.
 */
public final class RandomSearch {
  private RandomSearch() {}

  /**
   * Minimises {@code objective} over {@code space} within {@code budget}; same seed, same trials.
   * An exception from the objective or the listener ends the search and is rethrown unchanged.
   *
   * @param listener told about every finished trial; may be null
   */
  public static SearchResult minimize(SearchSpace space, Objective objective, Budget budget, long seed,
      TrialListener listener) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed);
    return SearchLoop.run(space, objective, budget, history -> Prior.draw(space, rng), listener);
  }
}
