package gfa.models.training;

import gfa.models.learners.Learners;
import gfa.models.search.Budget;
import java.util.List;

/**
 * How a training run tunes and fuses: folds, seed, threads, the search budget per learner and for
 * the fusion weights, and which learners take part (the paper's four by default).
 */
public record TrainingOptions(
    int folds, long seed, int threads, Budget learnerBudget, Budget fusionBudget, List<String> learners) {

  public TrainingOptions {
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
