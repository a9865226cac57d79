package gfa.models.study;

import gfa.models.eval.Standardizer;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.Learners;
import gfa.models.training.Ensemble;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingListener;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** How each cell of a pruning study gets its model from the rows its subdataset keeps. */
@FunctionalInterface
public interface CellModel {
  /** A fitted fusion on these rows; the caller closes it. */
  Ensemble fit(List<String> columns, double[][] x, double[] y) throws Exception;

  /**
   * Fixed hyperparameters and fusion weights (reused from a tuned model, or the defaults): each
   * learner is fitted once on the rows, no cross-validation and no search. The fast path.
   *
   * <p>A learner whose fit runs on one thread whatever it is given (SVR) is fitted beside the
   * others, which share the remaining threads: with 2 cores the SVR no longer holds up the
   * boosters. The boosters then run on one thread fewer, which can change their last bits against
   * {@link TrainingRun#refit}; the same rows, parameters, seed and threads always give the same
   * models.
   */
  static CellModel refit(ModelParams params, long seed, int threads) {
    return (columns, x, y) -> fitSideBySide(columns, x, y, params, seed, threads);
  }

  /** A full search per cell, as {@code gfa train} does ({@link TrainingRun#run}): slow. */
  static CellModel tuned(TrainingOptions options) {
    return (columns, x, y) -> TrainingRun.run(columns, x, y, options, TrainingListener.NONE).ensemble();
  }

  private static Ensemble fitSideBySide(
      List<String> columns, double[][] x, double[] y, ModelParams params, long seed, int threads) {
    List<String> ids = params.learners();
    boolean anySequential = ids.stream().anyMatch(id -> !Learners.byId(id).usesThreads());
    boolean anyParallel = ids.stream().anyMatch(id -> Learners.byId(id).usesThreads());
    if (threads < 2 || !anySequential || !anyParallel) {
      return TrainingRun.refit(columns, x, y, params, seed, threads);
    }
    Standardizer scaler = Standardizer.fit(x, null);
    double[][] z = scaler.transform(x, null);
    List<CompletableFuture<FittedModel>> pending = new ArrayList<>();
    FittedModel[] fitted = new FittedModel[ids.size()];
    try {
      for (int m = 0; m < ids.size(); m++) {
        Learner learner = Learners.byId(ids.get(m));
        if (!learner.usesThreads()) {
          var p = params.params().get(ids.get(m));
          pending.add(CompletableFuture.supplyAsync(() -> learner.fit(z, y, p, seed, 1),
              r -> Thread.ofPlatform().daemon().name("gfa-refit-" + learner.id()).start(r)));
        } else {
          pending.add(null);
        }
      }
      for (int m = 0; m < ids.size(); m++) {
        Learner learner = Learners.byId(ids.get(m));
        if (learner.usesThreads()) {
          fitted[m] = learner.fit(z, y, params.params().get(ids.get(m)), seed, threads - 1);
        }
      }
      for (int m = 0; m < ids.size(); m++) {
        if (pending.get(m) != null) {
          fitted[m] = pending.get(m).join();
        }
      }
    } catch (CompletionException e) {
      closeAll(fitted, pending);
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } catch (RuntimeException | Error e) {
      closeAll(fitted, pending);
      throw e;
    }
    return new Ensemble(columns, scaler, ids, List.of(fitted), params.weightsInOrder());
  }

  private static void closeAll(FittedModel[] fitted, List<CompletableFuture<FittedModel>> pending) {
    for (int m = 0; m < fitted.length; m++) {
      CompletableFuture<FittedModel> p = m < pending.size() ? pending.get(m) : null;
      if (fitted[m] == null && p != null) {
        try {
          fitted[m] = p.join(); // wait, so no fit outlives the failure unclosed
        } catch (RuntimeException ignored) {
          // that fit failed too; nothing to close
        }
      }
      if (fitted[m] != null) {
        fitted[m].close();
      }
    }
  }
}
