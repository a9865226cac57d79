package gfa.cli;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How a command that trains searches (a picocli mixin): {@code --budget N} or {@code --paper},
 * {@code --folds}, {@code --learners}. One definition for {@code gfa train} and
 * {@code gfa campaign init}, so both read the same options the same way.
 */
public final class SearchOptions {
  static final class BudgetChoice {
    @Option(names = "--budget", paramLabel = "N", description = "TPE trials for every learner (default: as described above).")
    Integer trials;

    @Option(names = "--paper", description = "The paper's search protocol: at most 500 trials per learner (about an hour on 2 cores for 6398 alloys).")
    boolean paper;
  }

  @ArgGroup(exclusive = true)
  BudgetChoice budget;

  @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "CV folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--learners", split = ",", paramLabel = "ID",
      description = "Learners to use, comma-separated (default: svr,rf,xgboost,lightgbm).")
  List<String> learners;

  /** {@code --budget}, or null for the default budget. */
  Integer trials() {
    return budget == null ? null : budget.trials;
  }

  boolean paper() {
    return budget != null && budget.paper;
  }

  /** Whether {@code --budget} or {@code --paper} was given. */
  boolean budgetGiven() {
    return budget != null;
  }

  int folds() {
    return folds;
  }

  /** {@code --learners}, or null when not given. */
  List<String> learners() {
    return learners;
  }
}
