package gfa.models.training;

import gfa.models.eval.ClassificationMetrics;
import gfa.models.eval.Folds;
import gfa.models.eval.RegressionMetrics;
import gfa.models.eval.Standardizer;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.Learners;
import gfa.models.search.Trial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The learning half of the paper (docs/method.md §4) as one pure computation on a descriptor matrix:
 * <ol>
 *   <li>split the rows into shuffled folds once, shared by every learner;
 *   <li>tune each learner by TPE on the mean CV RMSE (standardisation fitted inside each fold),
 *       the learners' searches side by side when there are threads for it ({@link ConcurrentSearches});
 *   <li>tune the fusion weights on the mean CV R² of the fused out-of-fold predictions;
 *   <li>refit every learner on all rows with its best parameters.
 * </ol>
 * Same data, options and seed give the same result.
 */
public final class TrainingRun {
  /** A BMG in the classification view: D_max of at least 1 mm (docs/method.md §1). */
  public static final double BMG_THRESHOLD_MM = 1.0;

  private TrainingRun() {}

  public static TrainingResult run(
      List<String> columns, double[][] x, double[] y, TrainingOptions options, TrainingListener listener) throws Exception {
    Folds folds = Folds.shuffled(x.length, options.folds(), options.seed());
    return run(columns, x, y, folds, options, listener);
  }

  public static TrainingResult run(
      List<String> columns, double[][] x, double[] y, Folds folds, TrainingOptions options, TrainingListener listener)
      throws Exception {
    return run(columns, x, y, folds, null, options, listener);
  }

  /**
   * As {@link #run(List, double[][], double[], Folds, TrainingOptions, TrainingListener)}, and
   * with {@code secondFolds} (null: none) each tuned learner is also cross-validated on those folds
   * with its best parameters, beside the searches still running when there are threads for it
   * ({@link TrainingResult#secondOpinion()}; null when the searches ran one after the other).
   */
  public static TrainingResult run(
      List<String> columns, double[][] x, double[] y, Folds folds, Folds secondFolds, TrainingOptions options,
      TrainingListener listener) throws Exception {
    PreparedFolds prepared = new PreparedFolds(x, y, folds);
    if (options.threads() > 1 && options.learners().size() > 1) {
      List<String> ids = options.learners();
      String name = "tune " + ids.size() + " learners"; // short: a terminal line also holds the bar and each best
      listener.searchStarted(name, ids.stream().mapToInt(id -> options.budgetFor(id).maxTrials()).sum());
      Standardizer scaler = Standardizer.fit(x, null);
      PreparedFolds second = secondFolds == null ? null : new PreparedFolds(x, y, secondFolds);
      ConcurrentSearches.Tuned tuned =
          ConcurrentSearches.tuneAndRefit(prepared, second, scaler.transform(x, null), y, options, listener);
      listener.searchFinished(name);
      try {
        return fuse(y, folds, tuned.searches(), options, listener,
            weights -> new Ensemble(columns, scaler, ids, tuned.models(), weights), tuned.secondOpinion());
      } catch (Exception | Error e) {
        tuned.models().forEach(FittedModel::close);
        throw e;
      }
    }
    List<TunedModel> tuned = new ArrayList<>();
    for (String id : options.learners()) {
      Learner learner = Learners.byId(id);
      listener.searchStarted(id, options.budgetFor(id).maxTrials());
      tuned.add(Tuner.tune(learner, prepared, options.budgetFor(id), options.seed(), options.threads(),
          (trial, best, elapsed) -> listener.trialFinished(id, trial, best, elapsed)));
      listener.searchFinished(id);
    }
    return fuseAndRefit(columns, x, y, folds, tuned, options, listener);
  }

  /**
   * As {@link #run}, but every learner keeps the hyperparameters of {@code fixed} instead of being
   * searched (the learners of {@code fixed} take part, whatever {@code options} lists): each is
   * cross-validated once on the folds, the fusion weights are tuned again on its out-of-fold
   * predictions (seconds), and the learners are refitted on all rows.
   */
  public static TrainingResult runWithParams(
      List<String> columns, double[][] x, double[] y, Folds folds, TrainingOptions options, ModelParams fixed,
      TrainingListener listener) throws Exception {
    PreparedFolds prepared = new PreparedFolds(x, y, folds);
    String name = "cross-validate " + String.join(", ", fixed.learners());
    listener.searchStarted(name, 1);
    List<TunedModel> tuned = Tuner.fixed(fixed.learners(), fixed.params(), prepared, options.seed(), options.threads());
    listener.searchFinished(name);
    TrainingOptions used = new TrainingOptions(options.folds(), options.seed(), options.threads(), options.learnerBudget(),
        options.fusionBudget(), fixed.learners(), options.perLearner());
    return fuseAndRefit(columns, x, y, folds, tuned, used, listener);
  }

  /**
   * Fits every learner of {@code params} on all rows with its parameters and fuses them with its
   * weights: no cross-validation and no search, the cheapest way to a model on new rows.
   */
  public static Ensemble refit(List<String> columns, double[][] x, double[] y, ModelParams params, long seed, int threads) {
    Standardizer scaler = Standardizer.fit(x, null);
    double[][] z = scaler.transform(x, null);
    List<FittedModel> models = SideBySide.fit(params.learners(), params.params(), z, y, seed, threads);
    return new Ensemble(columns, scaler, params.learners(), models, params.weightsInOrder());
  }

  private static TrainingResult fuseAndRefit(
      List<String> columns, double[][] x, double[] y, Folds folds, List<TunedModel> tuned, TrainingOptions options,
      TrainingListener listener) throws Exception {
    return fuse(y, folds, tuned, options, listener, weights -> refit(columns, x, y, tuned, weights, options, listener), null);
  }

  /** Tunes the fusion weights on the learners' out-of-fold predictions; {@code ensemble} makes the final model from them. */
  private static TrainingResult fuse(
      double[] y, Folds folds, List<TunedModel> tuned, TrainingOptions options, TrainingListener listener,
      java.util.function.Function<double[], Ensemble> ensembleOf, SecondOpinion secondOpinion) throws Exception {
    double[][] oof = new double[tuned.size()][];
    for (int m = 0; m < tuned.size(); m++) {
      oof[m] = tuned.get(m).outOfFold();
    }
    long fusionStart = System.nanoTime();
    listener.searchStarted("fusion", options.fusionBudget().maxTrials());
    Map<String, Double> weights =
        FusionWeights.tune(options.learners(), oof, y, folds, options.fusionBudget(), options.seed(),
            (Trial trial, Trial best, Duration elapsed) -> listener.trialFinished("fusion", trial, best, elapsed));
    listener.searchFinished("fusion");
    double fusionSeconds = (System.nanoTime() - fusionStart) / 1e9;
    double[] fused = FusionWeights.fuse(oof, FusionWeights.weightsInOrder(options.learners(), weights));
    double[] equal = new double[tuned.size()];
    Arrays.fill(equal, 1.0);
    RegressionMetrics fusion = RegressionMetrics.meanOverFolds(y, fused, folds);
    RegressionMetrics fusionEqual = RegressionMetrics.meanOverFolds(y, FusionWeights.fuse(oof, equal), folds);
    ClassificationMetrics classification = ClassificationMetrics.of(y, fused, BMG_THRESHOLD_MM);

    Ensemble ensemble = ensembleOf.apply(FusionWeights.weightsInOrder(options.learners(), weights));
    return new TrainingResult(
        y.length, folds.count(), options.seed(), folds.kind(), List.copyOf(tuned), weights, fusion, fusionEqual, fused,
        classification, fusionSeconds, ensemble, secondOpinion);
  }

  /** Every learner fitted on all rows (standardised on all rows) with its tuned parameters. */
  static Ensemble refit(
      List<String> columns, double[][] x, double[] y, List<TunedModel> tuned, double[] weights, TrainingOptions options,
      TrainingListener listener) {
    Standardizer scaler = Standardizer.fit(x, null);
    double[][] z = scaler.transform(x, null);
    List<String> ids = new ArrayList<>();
    Map<String, Map<String, Object>> params = new java.util.LinkedHashMap<>();
    for (TunedModel t : tuned) {
      listener.refitting(t.learner()); // all at once: the fits run side by side
      ids.add(t.learner());
      params.put(t.learner(), t.bestParams());
    }
    List<FittedModel> models = SideBySide.fit(ids, params, z, y, options.seed(), options.threads());
    return new Ensemble(columns, scaler, ids, models, weights);
  }
}
