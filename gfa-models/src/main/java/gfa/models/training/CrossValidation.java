package gfa.models.training;

import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Out-of-fold predictions of one learner: each row is predicted by the model fitted on the folds
 * that do not hold it (scikit-learn's cross_val_predict). One instance serves a whole search: each
 * fold's training rows are a {@link TrainingSet}, so what a library prepares from them (XGBoost's
 * DMatrix and histogram index, LightGBM's binned Dataset) is built once, not once per trial.
 *
 * <p>Threads: the folds are fitted side by side, one thread per fit, on {@code threads} workers
 * (at most one per fold). Small fits scale badly inside one fit (OpenMP threads of the boosters
 * wait on each other, and on other processes' threads when the machine is shared) but perfectly
 * across folds. Every fit runs single-threaded whatever {@code threads} is, so the predictions do
 * not depend on it.
 */
public final class CrossValidation implements AutoCloseable {
  private final Learner learner;
  private final PreparedFolds folds;
  private final TrainingSet[] sets;
  private final ExecutorService pool; // null: fit in the calling thread

  public CrossValidation(Learner learner, PreparedFolds folds, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.learner = learner;
    this.folds = folds;
    this.sets = new TrainingSet[folds.count()];
    for (int f = 0; f < sets.length; f++) {
      sets[f] = new TrainingSet(folds.trainX(f), folds.trainY(f));
    }
    int workers = Math.min(threads, folds.count());
    this.pool = workers > 1 ? Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().factory()) : null;
  }

  /** One cross-validation, then everything freed: for a single set of parameters. */
  public static double[] outOfFold(Learner learner, Map<String, Object> params, PreparedFolds folds, long seed, int threads)
      throws Exception {
    try (CrossValidation cv = new CrossValidation(learner, folds, threads)) {
      return cv.outOfFold(params, seed);
    }
  }

  /** The out-of-fold predictions with {@code params}, one per row; fold f's model gets seed + 1000 f. */
  public double[] outOfFold(Map<String, Object> params, long seed) throws Exception {
    double[] predictions = new double[folds.y().length];
    if (pool == null) {
      for (int f = 0; f < sets.length; f++) {
        fillFold(params, f, seed, predictions);
      }
      return predictions;
    }
    List<Future<?>> pending = new ArrayList<>();
    for (int f = 0; f < sets.length; f++) {
      int fold = f;
      pending.add(pool.submit(() -> {
        fillFold(params, fold, seed, predictions);
        return null;
      }));
    }
    Exception failure = null;
    for (Future<?> p : pending) { // wait for every fold, so none still writes after a failure
      try {
        p.get();
      } catch (ExecutionException e) {
        Exception cause = e.getCause() instanceof Exception c ? c : e;
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return predictions;
  }

  private void fillFold(Map<String, Object> params, int fold, long seed, double[] predictions) {
    // each fold gets its own seed, derived from the run's seed, so the folds' models do not depend
    // on which worker fits them or in what order
    try (FittedModel model = learner.fit(sets[fold], params, seed + 1000L * fold, 1)) {
      double[] p = model.predict(folds.validationX(fold));
      int[] rows = folds.validationRows(fold);
      for (int t = 0; t < rows.length; t++) {
        predictions[rows[t]] = p[t]; // disjoint rows per fold: no two threads write the same cell
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    for (TrainingSet set : sets) {
      set.close();
    }
  }
}
