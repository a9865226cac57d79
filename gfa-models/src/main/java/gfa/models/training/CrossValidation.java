package gfa.models.training;

import gfa.core.concurrent.Failures;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.TrainingSet;
import gfa.models.search.EarlyStopping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * not depend on it. Each fit first takes one of the run's {@link FitSlots}, which the searches
 * running beside this one share ({@link ConcurrentSearches}).
 */
public final class CrossValidation implements AutoCloseable {
  private final Learner learner;
  private final PreparedFolds folds;
  private final TrainingSet[] sets;
  private final double[] observed;
  private final int workers;
  private final ExecutorService pool; // null: fit in the calling thread
  private final FitSlots slots;
  private final java.util.function.DoubleSupplier priority;

  public CrossValidation(Learner learner, PreparedFolds folds, int threads) {
    this(learner, folds, threads, new FitSlots(threads), () -> 0);
  }

  /**
   * As {@link #CrossValidation(Learner, PreparedFolds, int)}, with every fold fit taking one of
   * {@code slots} at the priority {@code priority} gives when the fit asks (see {@link FitSlots}):
   * other cross-validations running at the same time share them.
   */
  public CrossValidation(
      Learner learner, PreparedFolds folds, int threads, FitSlots slots, java.util.function.DoubleSupplier priority) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.learner = learner;
    this.folds = folds;
    this.sets = new TrainingSet[folds.count()];
    for (int f = 0; f < sets.length; f++) {
      sets[f] = new TrainingSet(folds.trainX(f), folds.trainY(f));
    }
    this.observed = folds.y();
    this.workers = Math.min(threads, folds.count());
    this.pool = workers > 1 ? Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().factory()) : null;
    this.slots = slots;
    this.priority = priority;
  }

  /** One cross-validation, then everything freed: for a single set of parameters. */
  public static double[] outOfFold(Learner learner, Map<String, Object> params, PreparedFolds folds, long seed, int threads)
      throws Exception {
    try (CrossValidation cv = new CrossValidation(learner, folds, threads)) {
      return cv.outOfFold(params, seed);
    }
  }

  /**
   * Several learners' out-of-fold predictions with fixed parameters (no search), one array per
   * learner: all their fold fits share one pool of {@code threads} workers, so the cores stay busy
   * across learners (one learner's five folds on two workers leave one idle while the last runs).
   * Each learner's predictions are those of {@link #outOfFold(Map, long)}.
   *
   * @param seconds receives, per learner, the summed wall time of its fits (thread-seconds)
   */
  public static List<double[]> outOfFold(
      List<Learner> learners, List<Map<String, Object>> params, PreparedFolds folds, long seed, int threads,
      double[] seconds) throws Exception {
    int k = folds.count();
    List<double[]> predictions = new ArrayList<>();
    for (int m = 0; m < learners.size(); m++) {
      predictions.add(new double[folds.y().length]);
    }
    double[][] fitSeconds = new double[learners.size()][k];
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, learners.size() * k)), Thread.ofPlatform().daemon().factory());
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int m = 0; m < learners.size(); m++) {
        for (int f = 0; f < k; f++) {
          int model = m;
          int fold = f;
          pending.add(pool.submit(() -> {
            long t0 = System.nanoTime();
            try (TrainingSet set = new TrainingSet(folds.trainX(fold), folds.trainY(fold))) {
              fill(learners.get(model), set, params.get(model), folds, fold, seed, predictions.get(model));
            }
            fitSeconds[model][fold] = (System.nanoTime() - t0) / 1e9;
            return null;
          }));
        }
      }
      awaitAll(pending);
    } finally {
      pool.shutdownNow();
    }
    for (int m = 0; m < learners.size(); m++) {
      double sum = 0;
      for (double s : fitSeconds[m]) {
        sum += s;
      }
      seconds[m] = sum;
    }
    return predictions;
  }

  /** The out-of-fold predictions with {@code params}, one per row; fold f's model gets seed + 1000 f. */
  public double[] outOfFold(Map<String, Object> params, long seed) throws Exception {
    return run(params, seed, EarlyStopping.NEVER, null).outOfFold();
  }

  /**
   * Cross-validates {@code params}, scoring the folds in order and stopping once {@code rule} finds
   * the trial hopeless against the best trial's fold RMSEs {@code best} (null: none yet). The
   * decision depends only on the scores of the folds before it, never on which fold finished first,
   * so a search gives the same trials for any number of threads; a fold already running when the
   * trial is stopped finishes unseen.
   */
  public FoldRun run(Map<String, Object> params, long seed, EarlyStopping rule, double[] best) throws Exception {
    int k = sets.length;
    double[] predictions = new double[observed.length];
    double[] rmse = new double[k];
    java.util.Arrays.fill(rmse, Double.NaN);
    if (pool == null) {
      for (int f = 0; f < k; f++) {
        fillFold(params, f, seed, predictions);
        rmse[f] = foldRmse(predictions, f);
        if (f + 1 < k && rule.hopeless(rmse, best, f + 1)) {
          return new FoldRun(null, rmse, f + 1);
        }
      }
      return new FoldRun(predictions, rmse, k);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      done.add(new CompletableFuture<>());
    }
    // The folds after the rule's first check wait for it: a worker that finished its first fold
    // would otherwise start a third that is thrown away whenever the trial stops there (about one
    // wasted fit per stopped trial). Waiting costs only the gap between the first two folds.
    int gate = best != null && rule.active() && rule.minFolds() < k ? rule.minFolds() : k;
    CompletableFuture<Boolean> passed = new CompletableFuture<>();
    for (int w = 0; w < workers; w++) {
      pool.execute(() -> {
        int f;
        while (!stop.get() && (f = next.getAndIncrement()) < k) {
          if (f >= gate && !passed.join()) {
            return;
          }
          try {
            fillFold(params, f, seed, predictions);
            done.get(f).complete(null);
          } catch (Throwable e) {
            stop.set(true);
            passed.complete(false);
            done.get(f).completeExceptionally(e);
          }
        }
      });
    }
    try {
      for (int f = 0; f < k; f++) {
        try {
          done.get(f).get();
        } catch (ExecutionException e) {
          stop.set(true);
          throw Failures.checked(e);
        }
        rmse[f] = foldRmse(predictions, f);
        if (f + 1 < k && rule.hopeless(rmse, best, f + 1)) {
          stop.set(true);
          return new FoldRun(null, rmse, f + 1);
        }
        if (f + 1 == gate) {
          passed.complete(true);
        }
      }
    } finally {
      passed.complete(false); // no-op once decided; frees waiting workers after a stop or failure
    }
    return new FoldRun(predictions, rmse, k);
  }

  /** Fold f's RMSE, exactly as {@link gfa.models.eval.RegressionMetrics#meanOverFolds} computes it. */
  private double foldRmse(double[] predictions, int fold) {
    return gfa.models.eval.RegressionMetrics.of(observed, predictions, folds.validationRows(fold)).rmse();
  }

  /**
   * One cross-validation of one set of parameters.
   *
   * @param outOfFold every row's out-of-fold prediction; null when the trial was stopped early
   * @param foldRmse each fold's RMSE, NaN for the folds not scored
   * @param foldsScored how many folds, from the first, were scored
   */
  public record FoldRun(double[] outOfFold, double[] foldRmse, int foldsScored) {
    public boolean complete() {
      return foldsScored == foldRmse.length;
    }
  }

  /** Waits for every task, so none still writes after a failure; then throws the first failure. */
  private static void awaitAll(List<Future<?>> pending) throws Exception {
    Exception failure = null;
    for (Future<?> p : pending) {
      try {
        p.get();
      } catch (ExecutionException e) {
        Exception cause = Failures.checked(e);
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
  }

  private void fillFold(Map<String, Object> params, int fold, long seed, double[] predictions) {
    slots.run(priority.getAsDouble(), () -> fill(learner, sets[fold], params, folds, fold, seed, predictions));
  }

  private static void fill(
      Learner learner, TrainingSet set, Map<String, Object> params, PreparedFolds folds, int fold, long seed,
      double[] predictions) {
    // each fold gets its own seed, derived from the run's seed, so the folds' models do not depend
    // on which worker fits them or in what order
    try (FittedModel model = learner.fit(set, params, seed + 1000L * fold, 1)) {
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
      // a fold of a stopped trial may still be fitting on a set about to be freed: let it end
      pool.shutdown();
      try {
        while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
          // keep waiting: freeing native data under a running fit would crash the JVM
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (TrainingSet set : sets) {
      set.close();
    }
  }
}
