package gfa.models.training;

import gfa.core.concurrent.Failures;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.Learners;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The learners' searches of one training run, all under way at once, their fold fits sharing the
 * run's {@link FitSlots}. As soon as a learner's search ends, its final model is fitted on all rows
 * and, when asked, it is cross-validated on a second set of folds ({@link SecondOpinion}), beside
 * the searches still running. One search on two cores leaves a core idle whenever it waits for its
 * slower fold, for its early-stopping check or for its fifth fold alone; with the other searches
 * beside it that core fits their folds instead, and no learner's refit or second cross-validation
 * waits for the slowest search. Slots go first to the search furthest behind in its budget
 * ({@link FitSlots}), then to the work that follows the searches.
 *
 * <p>Each search is the same sequence of trials it would be alone (its own TPE, fits seeded by
 * fold, stopping decided in fold order), and each final model and second-opinion fold the same fit,
 * so the results do not depend on how the work interleaves. A search's {@code seconds} is its wall
 * time beside the others.
 */
final class ConcurrentSearches {
  /**
   * The priority of what follows a search (its refit, its second cross-validation): after any fold
   * of a search still running (whose progress is below 1), so it fills the gaps the searches leave
   * and runs in full once they are done, first come first served.
   */
  private static final double AFTER_SEARCH = 1.0;

  private ConcurrentSearches() {}

  /**
   * The tuned learners, their final models and (when {@code second} is not null) their
   * out-of-fold predictions on the second folds, all in the order of {@code options.learners()}.
   */
  record Tuned(List<TunedModel> searches, List<FittedModel> models, SecondOpinion secondOpinion) {}

  /**
   * Tunes every learner on {@code folds}, refits it on {@code z} (all rows, standardised) and
   * {@code y}, and cross-validates it on {@code second} (null: not). The first failure stops the
   * other searches at their next fold.
   */
  static Tuned tuneAndRefit(
      PreparedFolds folds, PreparedFolds second, double[][] z, double[] y, TrainingOptions options, TrainingListener listener)
      throws Exception {
    List<String> ids = options.learners();
    FitSlots slots = new FitSlots(options.threads());
    // a driver per search, and a helper per learner for its refit beside its second cross-validation
    ExecutorService drivers = Executors.newFixedThreadPool(2 * ids.size(), Thread.ofPlatform().daemon().factory());
    ExecutorCompletionService<Void> finished = new ExecutorCompletionService<>(drivers);
    TunedModel[] searches = new TunedModel[ids.size()];
    FittedModel[] models = new FittedModel[ids.size()];
    double[][] secondOof = new double[ids.size()][];
    double[] secondSeconds = new double[ids.size()];
    boolean complete = false;
    try {
      for (int i = 0; i < ids.size(); i++) {
        int m = i;
        String id = ids.get(i);
        Learner learner = Learners.byId(id);
        finished.submit(() -> {
          searches[m] = Tuner.tune(learner, folds, options.budgetFor(id), options.seed(), options.threads(), slots,
              (trial, best, elapsed) -> listener.trialFinished(id, trial, best, elapsed));
          listener.refitting(id);
          Map<String, Object> best = searches[m].bestParams();
          // the refit (the largest fit) asks for its slot first, then the second folds
          CompletableFuture<FittedModel> refit = CompletableFuture.supplyAsync(() -> {
            FittedModel[] fitted = new FittedModel[1];
            slots.run(AFTER_SEARCH, () -> fitted[0] = learner.fit(z, y, best, options.seed(), 1));
            return fitted[0];
          }, drivers);
          try {
            if (second != null) {
              long start = System.nanoTime();
              // the parameters as a reused model gives them, so the predictions are those of a
              // separate evaluation with the saved parameters (FoldEvaluation)
              Map<String, Object> typed = new java.util.LinkedHashMap<>(searches[m].options().values());
              try (CrossValidation cv = new CrossValidation(learner, second, options.threads(), slots, () -> AFTER_SEARCH)) {
                secondOof[m] = cv.outOfFold(typed, options.seed());
              }
              secondSeconds[m] = (System.nanoTime() - start) / 1e9;
            }
          } finally {
            models[m] = join(refit); // never leave a refit running past its driver
            learner.releaseReusables(); // its fits are over; the other learners' may still run
          }
          return null;
        });
      }
      for (int done = 0; done < ids.size(); done++) {
        try {
          finished.take().get();
        } catch (ExecutionException e) {
          throw Failures.checked(e);
        }
      }
      complete = true;
      double summed = 0;
      for (double s : secondSeconds) {
        summed += s;
      }
      SecondOpinion opinion = second == null ? null : new SecondOpinion(second.folds(), secondOof, summed);
      return new Tuned(List.of(searches), List.of(models), opinion);
    } finally {
      drivers.shutdownNow(); // after a failure: the other searches stop at their next fold
      while (!drivers.awaitTermination(1, TimeUnit.MINUTES)) {
        // a search frees native fold data when it ends: wait for it rather than leave it running
      }
      if (!complete) {
        for (FittedModel model : models) {
          if (model != null) {
            model.close();
          }
        }
      }
    }
  }

  private static FittedModel join(CompletableFuture<FittedModel> refit) throws Exception {
    try {
      return refit.get();
    } catch (ExecutionException e) {
      throw Failures.checked(e);
    } catch (InterruptedException e) {
      FittedModel late = refit.join(); // the fit is under way: wait for it so that it can be closed
      late.close();
      throw e;
    }
  }
}
