package gfa.models.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The loop every search runs: ask the sampler for parameters, evaluate, record, tell the listener,
 * check the budget. Trials run one after the other (the objective may use several threads itself).
 */
final class SearchLoop {
  /** Proposes the next parameters from the trials so far. */
  interface Sampler {
    Map<String, Object> next(List<Trial> history);
  }

  private SearchLoop() {}

  static SearchResult run(SearchSpace space, Objective objective, Budget budget, Sampler sampler,
      TrialListener listener) throws Exception {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(budget, "budget");
    long start = System.nanoTime();
    List<Trial> trials = new ArrayList<>();
    List<Trial> history = Collections.unmodifiableList(trials);
    Trial best = null;
    while (true) {
      Map<String, Object> proposed = sampler.next(history);
      if (!space.admits(proposed)) {
        throw new IllegalStateException("sampler proposed " + proposed + ", outside " + space);
      }
      Map<String, Object> params = Collections.unmodifiableMap(new LinkedHashMap<>(proposed));
      long t0 = System.nanoTime();
      double loss = objective.evaluate(params);
      double seconds = (System.nanoTime() - t0) * 1e-9;
      Trial trial = new Trial(trials.size(), params, Double.isFinite(loss) ? loss : Double.POSITIVE_INFINITY, seconds);
      trials.add(trial);
      if (best == null || trial.loss() < best.loss()) {
        best = trial;
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (listener != null) {
        listener.trialFinished(trial, best, elapsed);
      }
      String stop = stopReason(budget, trials.size(), best, elapsed);
      if (stop != null) {
        return new SearchResult(trials, best, stop);
      }
    }
  }

  /** Why to stop after {@code count} trials, or null to go on. */
  private static String stopReason(Budget budget, int count, Trial best, Duration elapsed) {
    if (count >= budget.maxTrials()) {
      return SearchResult.MAX_TRIALS + ": " + count + " trials run";
    }
    int sinceBest = count - 1 - best.number();
    if (budget.patience() > 0 && sinceBest >= budget.patience()) {
      return SearchResult.PATIENCE + ": no improvement in the last " + sinceBest + " trials (best: trial "
          + best.number() + ")";
    }
    if (budget.wallTime() != null && elapsed.compareTo(budget.wallTime()) >= 0) {
      return SearchResult.WALL_TIME + ": " + budget.wallTime() + " passed after " + count + " trials";
    }
    return null;
  }
}
