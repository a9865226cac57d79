package gfa.models.training;

import gfa.models.eval.RegressionMetrics;
import gfa.models.eval.Scoring;
import gfa.models.learners.Learner;
import gfa.models.learners.QRange;
import gfa.models.search.Budget;
import gfa.models.search.EarlyStopping;
import gfa.models.search.Parameter;
import gfa.models.search.SearchResult;
import gfa.models.search.SearchSpace;
import gfa.models.search.Tpe;
import gfa.models.search.TpeOptions;
import gfa.models.search.Trial;
import gfa.models.search.TrialListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tunes one learner by TPE on the paper's objective, the mean RMSE over the CV folds, then
 * records the out-of-fold predictions of the best parameters.
 */
public final class Tuner {
  private Tuner() {}

  /** The learner's docs/method.md §4 space as the search's parameters. */
  public static SearchSpace searchSpace(Learner learner) {
    List<Parameter> parameters = new ArrayList<>();
    for (QRange r : learner.space().ranges()) {
      parameters.add(new Parameter.QUniform(r.name(), r.low(), r.high(), r.step()));
    }
    return new SearchSpace(parameters);
  }

  /**
   * Searches {@code learner}'s space by TPE on the mean fold RMSE. The folds' training sets are
   * prepared once for the whole search ({@link CrossValidation}); a point TPE proposes again (it
   * does on the paper's quantised grids) is not fitted again: the trial takes the loss the point
   * had, costs no fits, and still counts towards the budget, so the search makes exactly the trials
   * it would make without the memo. The best trial's out-of-fold predictions are kept, not refitted.
   * A trial the budget's {@link EarlyStopping} rule finds hopeless after some folds is told the
   * best loss scaled by how much worse it was on those folds (so TPE counts it among the bad ones)
   * and is never the best.
   */
  public static TunedModel tune(
      Learner learner, PreparedFolds folds, Budget budget, long seed, int threads, TrialListener listener) throws Exception {
    return tune(learner, folds, budget, seed, threads, new FitSlots(threads), listener);
  }

  /**
   * As {@link #tune(Learner, PreparedFolds, Budget, long, int, TrialListener)}, its fits taking
   * {@code slots} (shared with searches running beside it) at the search's progress, the share of
   * its trial budget begun, so that the search furthest behind goes first.
   */
  public static TunedModel tune(
      Learner learner, PreparedFolds folds, Budget budget, long seed, int threads, FitSlots slots, TrialListener listener)
      throws Exception {
    java.util.concurrent.atomic.AtomicInteger begun = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.DoubleSupplier progress = () -> begun.get() / (double) Math.max(1, budget.maxTrials());
    long start = System.nanoTime();
    double[] y = folds.y();
    Map<Map<String, Object>, CrossValidation.FoldRun> seen = new HashMap<>();
    Map<Map<String, Object>, Double> losses = new HashMap<>();
    Best best = new Best();
    SearchResult result;
    try (CrossValidation cv = new CrossValidation(learner, folds, threads, slots, progress)) {
      result = Tpe.minimize(
          searchSpace(learner),
          params -> {
            begun.incrementAndGet(); // the folds of trial k (from 1) ask for their slots at progress k / budget
            Double known = losses.get(params);
            if (known != null) {
              return known;
            }
            CrossValidation.FoldRun run = cv.run(params, seed, budget.earlyStopping(), best.foldRmse);
            double loss = run.complete()
                ? Scoring.NEG_RMSE.loss(Scoring.NEG_RMSE.of(y, run.outOfFold(), folds.folds()))
                : best.loss * EarlyStopping.partialRatio(run.foldRmse(), best.foldRmse, run.foldsScored());
            seen.put(params, new CrossValidation.FoldRun(null, run.foldRmse(), run.foldsScored())); // the history needs no predictions
            losses.put(params, loss);
            if (run.complete() && loss < best.loss) { // strictly better: the search's best is the first of equal losses
              best.loss = loss;
              best.outOfFold = run.outOfFold();
              best.foldRmse = run.foldRmse();
            }
            return loss;
          },
          budget,
          options(budget, seed),
          listener,
          List.of(defaultsOnGrid(learner)));
    }
    Map<String, Object> bestParams = new LinkedHashMap<>(result.best().params());
    double[] oof = best.outOfFold != null && result.best().loss() == best.loss
        ? best.outOfFold
        : CrossValidation.outOfFold(learner, bestParams, folds, seed, threads); // every trial failed
    RegressionMetrics cv = RegressionMetrics.meanOverFolds(y, oof, folds.folds());
    return new TunedModel(learner.id(), bestParams, cv, oof, result.trials().size(), result.stopReason(),
        (System.nanoTime() - start) / 1e9, history(result, seen, folds.count()));
  }

  /** The best complete trial so far: its loss, out-of-fold predictions and fold RMSEs. */
  private static final class Best {
    double loss = Double.POSITIVE_INFINITY;
    double[] outOfFold;
    double[] foldRmse;
  }

  private static List<SearchTrial> history(
      SearchResult result, Map<Map<String, Object>, CrossValidation.FoldRun> runs, int folds) {
    List<SearchTrial> history = new ArrayList<>();
    java.util.Set<Map<String, Object>> fitted = new java.util.HashSet<>();
    for (Trial t : result.trials()) {
      CrossValidation.FoldRun run = runs.get(t.params());
      boolean repeat = !fitted.add(t.params());
      double[] rmse = run != null ? run.foldRmse() : nan(folds); // a failed trial leaves no run
      int scored = run != null ? run.foldsScored() : 0;
      history.add(new SearchTrial(t.number(), t.params(), t.loss(), rmse, scored, repeat, t.seconds()));
    }
    return history;
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  /** The learner's defaults, the first point every search evaluates (all values as doubles). */
  static Map<String, Object> defaultsOnGrid(Learner learner) {
    Map<String, Object> point = new LinkedHashMap<>();
    for (String name : learner.space().names()) {
      point.put(name, ((Number) learner.defaults().get(name)).doubleValue());
    }
    return point;
  }

  /**
   * hyperopt's 20 random start-up trials for the paper's 500-trial protocol; a third of a smaller
   * budget (at least 3), so that a short search is still mostly guided by TPE rather than random.
   */
  static TpeOptions options(Budget budget, long seed) {
    TpeOptions defaults = TpeOptions.defaults(seed);
    int startup = Math.max(3, Math.min(defaults.startupTrials(), budget.maxTrials() / 3));
    return new TpeOptions(startup, defaults.gamma(), defaults.candidates(), defaults.priorWeight(), seed);
  }

  /**
   * Several learners with fixed parameters (no search), cross-validated together so that their
   * fold fits share the threads ({@link CrossValidation#outOfFold(List, List, PreparedFolds, long,
   * int, double[])}); each result is that of {@link #fixed} for the learner, except that its
   * {@code seconds} are its fits' summed wall time.
   */
  public static List<TunedModel> fixed(
      List<String> ids, Map<String, Map<String, Object>> params, PreparedFolds folds, long seed, int threads) throws Exception {
    List<gfa.models.learners.Learner> learners = new ArrayList<>();
    List<Map<String, Object>> values = new ArrayList<>();
    for (String id : ids) {
      learners.add(gfa.models.learners.Learners.byId(id));
      values.add(params.get(id));
    }
    double[] seconds = new double[ids.size()];
    List<double[]> oof = CrossValidation.outOfFold(learners, values, folds, seed, threads, seconds);
    List<TunedModel> models = new ArrayList<>();
    for (int m = 0; m < ids.size(); m++) {
      RegressionMetrics cv = RegressionMetrics.meanOverFolds(folds.y(), oof.get(m), folds.folds());
      models.add(new TunedModel(ids.get(m), values.get(m), cv, oof.get(m), 0, "fixed", seconds[m]));
    }
    return models;
  }

  /** The learner with fixed parameters (no search): its CV metrics and out-of-fold predictions. */
  public static TunedModel fixed(Learner learner, Map<String, Object> params, PreparedFolds folds, long seed, int threads)
      throws Exception {
    long start = System.nanoTime();
    double[] oof = CrossValidation.outOfFold(learner, params, folds, seed, threads);
    RegressionMetrics cv = RegressionMetrics.meanOverFolds(folds.y(), oof, folds.folds());
    return new TunedModel(learner.id(), params, cv, oof, 0, "fixed", (System.nanoTime() - start) / 1e9);
  }
}
