package gfa.models.training;

import gfa.models.learners.FittedModel;
import gfa.models.learners.Learners;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The learners' searches of one training run, all under way at once, their fold fits sharing the
 * run's {@link FitSlots}; each learner's final model is fitted on all rows as soon as its search
 * ends, beside the searches still running. One search on two cores leaves a core idle whenever it
 * waits for its slower fold, for its early-stopping check or for its fifth fold alone; with the
 * other searches beside it that core fits their folds instead. The learners' order is their
 * priority (the paper's order puts the slow ones first).
 *
 * <p>Each search is the same sequence of trials it would be alone (its own TPE, fits seeded by
 * fold, stopping decided in fold order), and each final model the same fit, so the results do not
 * depend on how the searches interleave. A search's {@code seconds} is its wall time beside the
 * others.
 */
final class ConcurrentSearches {
  private ConcurrentSearches() {}

  /** The tuned learners and their final models, both in the order of {@code options.learners()}. */
  record Tuned(List<TunedModel> searches, List<FittedModel> models) {}

  /**
   * Tunes every learner on {@code folds} and refits it on {@code z} (all rows, standardised) and
   * {@code y}. The first failure stops the other searches at their next fold.
   */
  static Tuned tuneAndRefit(PreparedFolds folds, double[][] z, double[] y, TrainingOptions options, TrainingListener listener)
      throws Exception {
    List<String> ids = options.learners();
    FitSlots slots = new FitSlots(options.threads());
    ExecutorService drivers = Executors.newFixedThreadPool(ids.size(), Thread.ofPlatform().daemon().factory());
    ExecutorCompletionService<Object> finished = new ExecutorCompletionService<>(drivers);
    List<Future<Object>> pending = new ArrayList<>();
    TunedModel[] searches = new TunedModel[ids.size()];
    FittedModel[] models = new FittedModel[ids.size()];
    boolean complete = false;
    try {
      for (int i = 0; i < ids.size(); i++) {
        int learner = i;
        String id = ids.get(i);
        pending.add(finished.submit(() -> {
          searches[learner] = Tuner.tune(Learners.byId(id), folds, options.budgetFor(id), options.seed(), options.threads(),
              slots, learner, (trial, best, elapsed) -> listener.trialFinished(id, trial, best, elapsed));
          listener.refitting(id);
          slots.run(learner, () -> models[learner] = Learners.byId(id).fit(z, y, searches[learner].bestParams(), options.seed(), 1));
          return null;
        }));
      }
      for (int done = 0; done < ids.size(); done++) {
        try {
          finished.take().get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      complete = true;
      return new Tuned(List.of(searches), List.of(models));
    } finally {
      drivers.shutdownNow(); // after a failure: the other searches stop at their next fold
      while (!drivers.awaitTermination(1, TimeUnit.MINUTES)) {
        // a search frees native fold data when it ends: wait for it rather than leave it running
      }
      if (!complete) {
        for (FittedModel m : models) {
          if (m != null) {
            m.close();
          }
        }
      }
    }
  }
}
