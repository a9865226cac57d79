package gfa.models.training;

import gfa.models.learners.Learners;
import gfa.models.search.Budget;
import java.util.List;
import java.util.Map;

/**
 * How a training run tunes and fuses: folds, seed, threads, the search budget per learner and for
 * the fusion weights, and which learners take part (the paper's four by default).
 */
public record TrainingOptions(
    int folds, long seed, int threads, Budget learnerBudget, Budget fusionBudget, List<String> learners,
    Map<String, Budget> perLearner) {

  /** The same budget for every learner. */
  public TrainingOptions(int folds, long seed, int threads, Budget learnerBudget, Budget fusionBudget, List<String> learners) {
    this(folds, seed, threads, learnerBudget, fusionBudget, learners, Map.of());
  }

  /**
   * The default budget: the full published dataset trains in minutes on 2 cores. A trial costs
   * five fits, and the paper's spaces reach slow corners (SVR at large C, forests of 550 deep
   * trees, LightGBM with 800 rounds of 400 leaves: tens of seconds per fit), so each learner gets a
   * handful of trials, XGBoost, the cheapest, the most. Every search starts from the learner's
   * defaults, so even a short search starts from a sound model.
   */
  public static final Map<String, Integer> QUICK_TRIALS = Map.of("svr", 6, "rf", 10, "xgboost", 20, "lightgbm", 8);

  public static Map<String, Budget> quickBudgets() {
    Map<String, Budget> budgets = new java.util.TreeMap<>();
    QUICK_TRIALS.forEach((id, trials) -> budgets.put(id, Budget.trials(trials)));
    return budgets;
  }

  /** The same options with another seed. */
  public TrainingOptions withSeed(long newSeed) {
    return new TrainingOptions(folds, newSeed, threads, learnerBudget, fusionBudget, learners, perLearner);
  }

  /** The same options with every learner's search stopped after {@code limit} of wall time (the fusion's is not). */
  public TrainingOptions withLearnerTimeLimit(java.time.Duration limit) {
    Map<String, Budget> limited = new java.util.TreeMap<>();
    perLearner.forEach((id, budget) -> limited.put(id, budget.withWallTime(limit)));
    return new TrainingOptions(folds, seed, threads, learnerBudget.withWallTime(limit), fusionBudget, learners, limited);
  }

  /** The same options with every learner's trials stopped early by {@code rule} (the fusion's are not CV trials). */
  public TrainingOptions withEarlyStopping(gfa.models.search.EarlyStopping rule) {
    Map<String, Budget> stopped = new java.util.TreeMap<>();
    perLearner.forEach((id, budget) -> stopped.put(id, budget.withEarlyStopping(rule)));
    return new TrainingOptions(folds, seed, threads, learnerBudget.withEarlyStopping(rule), fusionBudget, learners, stopped);
  }

  /** The budget of one learner's search. */
  public Budget budgetFor(String learner) {
    return perLearner.getOrDefault(learner, learnerBudget);
  }

  public TrainingOptions {
    perLearner = Map.copyOf(perLearner);
    learners = List.copyOf(learners);
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("at least one learner");
    }
    learners.forEach(Learners::byId); // unknown ids fail here
  }

  public static List<String> paperLearners() {
    return Learners.all().stream().map(l -> l.id()).toList();
  }
}
