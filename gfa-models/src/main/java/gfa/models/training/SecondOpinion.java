package gfa.models.training;

import gfa.models.eval.Folds;

/**
 * Each tuned learner's out-of-fold predictions on a second set of folds (leave-system-out after
 * random k-fold tuning, or the reverse), made with its best parameters beside the searches still
 * running rather than after all of them ({@link ConcurrentSearches}). {@link Generalisation} scores
 * them exactly as it would its own cross-validation with the same parameters and folds.
 *
 * @param folds the second folds
 * @param learnerOutOfFold per learner, in fusion order, its out-of-fold predictions on {@code folds}
 * @param seconds the learners' second cross-validations' wall times, summed (they ran beside
 *     the searches and each other, so this is no stretch of the run's wall time)
 */
public record SecondOpinion(Folds folds, double[][] learnerOutOfFold, double seconds) {
  public SecondOpinion {
    learnerOutOfFold = learnerOutOfFold.clone();
  }

  @Override
  public double[][] learnerOutOfFold() {
    return learnerOutOfFold.clone();
  }
}
