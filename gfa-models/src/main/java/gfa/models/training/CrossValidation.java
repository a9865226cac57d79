package gfa.models.training;

import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Out-of-fold predictions of one learner with one set of hyperparameters: each row is predicted by
 * the model fitted on the folds that do not hold it. The same loop serves tuning, fusion and
 * evaluation (scikit-learn's cross_val_predict).
 *
 * <p>Threads: a learner that cannot use several threads in one fit (SVR) fits the folds side by
 * side, one thread each; the others fit one fold at a time with all threads, so together they
 * never ask for more threads than given.
 */
public final class CrossValidation {
  private CrossValidation() {}

  public static double[] outOfFold(Learner learner, Map<String, Object> params, PreparedFolds folds, long seed, int threads)
      throws Exception {
    double[] predictions = new double[folds.y().length];
    boolean foldsInParallel = threads > 1 && !learner.usesThreads();
    if (!foldsInParallel) {
      for (int f = 0; f < folds.count(); f++) {
        fillFold(learner, params, folds, f, seed, threads, predictions);
      }
      return predictions;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, folds.count()));
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int f = 0; f < folds.count(); f++) {
        int fold = f;
        pending.add(pool.submit(() -> {
          fillFold(learner, params, folds, fold, seed, 1, predictions);
          return null;
        }));
      }
      for (Future<?> p : pending) {
        try {
          p.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return predictions;
  }

  private static void fillFold(
      Learner learner, Map<String, Object> params, PreparedFolds folds, int fold, long seed, int threads, double[] predictions) {
    // each fold gets its own seed, derived from the run's seed, so folds fitted side by side
    // give the same models as folds fitted one after another
    try (FittedModel model = learner.fit(folds.trainX(fold), folds.trainY(fold), params, seed + 1000L * fold, threads)) {
      double[] p = model.predict(folds.validationX(fold));
      int[] rows = folds.validationRows(fold);
      for (int t = 0; t < rows.length; t++) {
        predictions[rows[t]] = p[t]; // disjoint rows per fold: no two threads write the same cell
      }
    }
  }
}
