package gfa.models.training;

import gfa.models.eval.Folds;
import gfa.models.eval.RegressionMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A second opinion on a trained model: its hyperparameters and fusion weights, unchanged,
 * cross-validated on other folds. {@code gfa train} tunes on shuffled k-fold and then evaluates on
 * leave-system-out folds (whole alloy systems held out), or the other way round with
 * {@code --cv leave-system-out}. Nothing is tuned here, so the score is an honest estimate for the
 * kind of rows the folds hold out.
 *
 * @param kind the folds' description, e.g. {@code leave-system-out 5-fold}
 * @param folds the number of folds
 * @param groups the number of distinct systems in the rows
 * @param models per learner (in fusion order), its cross-validated metrics (mean over folds)
 * @param fusion the fused out-of-fold predictions' metrics, with the given weights
 * @param fusedOutOfFold the fused out-of-fold predictions, one per row
 * @param learnerOutOfFold each learner's out-of-fold predictions (in fusion order), for the spread
 *     that scales calibrated intervals
 * @param seconds the time the evaluation took
 */
public record FoldEvaluation(
    String kind, int folds, int groups, Map<String, RegressionMetrics> models, RegressionMetrics fusion,
    double[] fusedOutOfFold, double[][] learnerOutOfFold, double seconds) {

  public FoldEvaluation {
    models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    fusedOutOfFold = fusedOutOfFold.clone();
    learnerOutOfFold = learnerOutOfFold.clone();
  }

  @Override
  public double[][] learnerOutOfFold() {
    return learnerOutOfFold.clone();
  }

  @Override
  public double[] fusedOutOfFold() {
    return fusedOutOfFold.clone();
  }

  /**
   * Cross-validates every learner of {@code params} with its parameters on {@code folds}, fuses
   * the out-of-fold predictions with the weights of {@code params}, and scores both (mean over
   * folds, as the tuning objective).
   */
  public static FoldEvaluation evaluate(
      double[][] x, double[] y, Folds folds, int groups, ModelParams params, long seed, int threads, TrainingListener listener)
      throws Exception {
    long start = System.nanoTime();
    PreparedFolds prepared = new PreparedFolds(x, y, folds);
    List<String> learners = params.learners();
    double[][] oof = new double[learners.size()][];
    String name = "evaluate " + String.join(", ", learners) + " (" + folds.kind() + ")";
    listener.searchStarted(name, 1);
    List<TunedModel> evaluated = Tuner.fixed(learners, params.params(), prepared, seed, threads);
    listener.searchFinished(name);
    for (int m = 0; m < learners.size(); m++) {
      oof[m] = evaluated.get(m).outOfFold();
    }
    return of(y, folds, groups, params, oof, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The evaluation of out-of-fold predictions already made on {@code folds}, one array per learner
   * of {@code params} in its order (e.g. a {@link SecondOpinion} made beside the searches): scored
   * and fused exactly as {@link #evaluate} scores its own.
   */
  public static FoldEvaluation of(
      double[] y, Folds folds, int groups, ModelParams params, double[][] learnerOutOfFold, double seconds) {
    List<String> learners = params.learners();
    if (learnerOutOfFold.length != learners.size()) {
      throw new IllegalArgumentException(learnerOutOfFold.length + " predictions for " + learners.size() + " learners");
    }
    Map<String, RegressionMetrics> models = new LinkedHashMap<>();
    for (int m = 0; m < learners.size(); m++) {
      models.put(learners.get(m), RegressionMetrics.meanOverFolds(y, learnerOutOfFold[m], folds));
    }
    double[] fused = FusionWeights.fuse(learnerOutOfFold, params.weightsInOrder());
    return new FoldEvaluation(folds.kind(), folds.count(), groups, models, RegressionMetrics.meanOverFolds(y, fused, folds),
        fused, learnerOutOfFold, seconds);
  }
}
