package gfa.models.search;

import java.time.Duration;

/**
 * When a search stops: after {@code maxTrials} trials, after {@code patience} trials in a row that
 * did not improve the best loss (0 = no such rule; hyperopt's {@code no_progress_loss}), or once
 * {@code wallTime} has passed (null = no limit). The rules are checked after each trial, so at least
 * one trial always runs and a running trial is never interrupted by them. {@code earlyStopping}
 * says when a cross-validated trial may be abandoned after some of its folds ({@link
 * EarlyStopping#NEVER} by default); an abandoned trial still counts as a trial.
 */
public record Budget(int maxTrials, int patience, Duration wallTime, EarlyStopping earlyStopping) {
  /** A budget whose trials always run to the end. */
  public Budget(int maxTrials, int patience, Duration wallTime) {
    this(maxTrials, patience, wallTime, EarlyStopping.NEVER);
  }

  public Budget {
    java.util.Objects.requireNonNull(earlyStopping, "earlyStopping");
    if (maxTrials < 1) {
      throw new IllegalArgumentException("maxTrials must be >= 1, got " + maxTrials);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0 (0 = none), got " + patience);
    }
    if (wallTime != null && (wallTime.isNegative() || wallTime.isZero())) {
      throw new IllegalArgumentException("wallTime must be positive or null (= none), got " + wallTime);
    }
  }

  /** The learners' budget of the paper (docs/method.md §4): at most 500 trials, stop after 100 without improvement. */
  public static Budget paper() {
    return new Budget(500, 100, null);
  }

  /** The fusion weights' budget of the paper (docs/method.md §4): at most 300 trials, stop after 50 without improvement. */
  public static Budget fusionPaper() {
    return new Budget(300, 50, null);
  }

  /** Exactly {@code maxTrials} trials: no patience rule, no time limit. */
  public static Budget trials(int maxTrials) {
    return new Budget(maxTrials, 0, null);
  }

  /** This budget with a wall-time limit (null = none). */
  public Budget withWallTime(Duration limit) {
    return new Budget(maxTrials, patience, limit, earlyStopping);
  }

  /** This budget with trials stopped early by {@code rule}. */
  public Budget withEarlyStopping(EarlyStopping rule) {
    return new Budget(maxTrials, patience, wallTime, rule);
  }
}
