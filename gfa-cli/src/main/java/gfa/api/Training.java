package gfa.api;

import gfa.core.concurrent.Workers;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.models.training.TrainingOptions;
import java.util.List;

/**
 * How {@link GlassFormingAbility#train} trains: the options of {@code gfa train}, as a value.
 * Start from {@link #defaults()} (what {@code gfa train} does without options) and change what you
 * need; every {@code with} method returns a new value and refuses a bad one at once.
 *
 * @param system prune the data for this ternary (e.g. {@code "Zr-Al-Cu"}) before training, or null
 * @param level the pruning level 1..5 with a system (the paper's choice is 3)
 * @param learners the learners, e.g. {@code List.of("xgboost", "lightgbm")}; null for the paper's four
 * @param trials search trials per learner; null for {@code gfa train}'s default budget
 * @param seed the seed of folds, searches and fits: the same table and seed give the same model
 * @param threads worker threads
 * @param folds cross-validation folds
 * @param extraCv whether to cross-validate again on leave-system-out folds (as {@code gfa train}
 *     does unless {@code --no-extra-cv}); the calibration of the intervals then rests on those
 */
public record Training(String system, int level, List<String> learners, Integer trials, long seed, int threads, int folds,
    boolean extraCv) {

  public Training {
    if (system != null) {
      system = TernarySystem.parse(system).name();
    }
    PruningLevel.of(level);
    if (learners != null) {
      learners = List.copyOf(learners);
      if (learners.isEmpty()) {
        throw new IllegalArgumentException("at least one learner (ids: " + String.join(", ", TrainingOptions.paperLearners()) + ")");
      }
      for (String id : learners) {
        if (!TrainingOptions.paperLearners().contains(id)) {
          throw new IllegalArgumentException("unknown learner '" + id + "' (ids: " + String.join(", ", TrainingOptions.paperLearners()) + ")");
        }
      }
    }
    if (trials != null && trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, not " + trials);
    }
    new Workers(threads); // refuses a thread count outside 1..256
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be at least 2, not " + folds);
    }
  }

  /** {@code gfa train}'s defaults: no pruning, the paper's four learners, the quick budget, seed 42, all processors, 5 folds. */
  public static Training defaults() {
    return new Training(null, PruningLevel.RECOMMENDED.level(), null, null, 42, Workers.all().threads(), 5, true);
  }

  /** Prune for {@code system} at the paper's level 3. */
  public Training prunedFor(String system) {
    return new Training(system, level, learners, trials, seed, threads, folds, extraCv);
  }

  /** Prune for {@code system} at {@code level} (1..5). */
  public Training prunedFor(String system, int level) {
    return new Training(system, level, learners, trials, seed, threads, folds, extraCv);
  }

  public Training withLearners(String... ids) {
    return new Training(system, level, List.of(ids), trials, seed, threads, folds, extraCv);
  }

  /** {@code trials} search trials for every learner. */
  public Training withTrials(int trials) {
    return new Training(system, level, learners, trials, seed, threads, folds, extraCv);
  }

  public Training withSeed(long seed) {
    return new Training(system, level, learners, trials, seed, threads, folds, extraCv);
  }

  public Training withThreads(int threads) {
    return new Training(system, level, learners, trials, seed, threads, folds, extraCv);
  }

  public Training withFolds(int folds) {
    return new Training(system, level, learners, trials, seed, threads, folds, extraCv);
  }

  /** Skip the second (leave-system-out) cross-validation, as {@code --no-extra-cv}. */
  public Training withoutExtraCv() {
    return new Training(system, level, learners, trials, seed, threads, folds, false);
  }

  TernarySystem ternary() {
    return system == null ? null : TernarySystem.parse(system);
  }

  PruningLevel pruning() {
    return system == null ? null : PruningLevel.of(level);
  }
}
