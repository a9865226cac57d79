package gfa.models.eval;

import gfa.core.GfaInputException;

/**
 * How rows are split into cross-validation folds: shuffled at random, or by alloy system so that
 * every fold holds out whole systems ({@link SystemGroups}). Random k-fold scores a model on
 * alloys whose close relatives it has seen; leave-system-out scores it on systems it has never
 * seen, which is what predicting an unexplored system asks of it.
 */
public enum CvScheme {
  RANDOM("random", "random_kfold"),
  LEAVE_SYSTEM_OUT("leave-system-out", "leave_system_out");

  private final String option;
  private final String reportKey;

  CvScheme(String option, String reportKey) {
    this.option = option;
    this.reportKey = reportKey;
  }

  /** The option value, {@code random} or {@code leave-system-out}. */
  public String option() {
    return option;
  }

  /** The key of this scheme's figures in {@code report.json}. */
  public String reportKey() {
    return reportKey;
  }

  /** The other scheme: the one a training run evaluates with after tuning with this one. */
  public CvScheme other() {
    return this == RANDOM ? LEAVE_SYSTEM_OUT : RANDOM;
  }

  /**
   * The folds of this scheme for rows with these systems. Refuses (one-line input error) fewer
   * rows, or for leave-system-out fewer systems, than folds.
   */
  public Folds folds(String[] groups, int k, long seed) {
    if (this == RANDOM) {
      return Folds.shuffled(groups.length, k, seed);
    }
    int systems = SystemGroups.count(groups);
    if (systems < k) {
      throw new GfaInputException("leave-system-out " + k + "-fold needs at least " + k + " alloy systems (element sets); the data hold "
          + systems);
    }
    return Folds.byGroup(groups, k, seed);
  }

  /** Reads {@code random} or {@code leave-system-out}. */
  public static CvScheme parse(String text) {
    for (CvScheme s : values()) {
      if (s.option.equals(text == null ? "" : text.strip())) {
        return s;
      }
    }
    throw new GfaInputException("--cv '" + text + "' is not a cross-validation scheme (choose random or leave-system-out)");
  }
}
