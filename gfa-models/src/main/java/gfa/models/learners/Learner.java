package gfa.models.learners;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One regression algorithm of the paper (docs/method.md §4) behind the library that implements it in
 * Java: {@code svr} (gfa's own solver, {@code gfa.models.learners.svm}), {@code rf} (Smile), {@code xgboost} (XGBoost4J), {@code lightgbm}
 * (LightGBM4J). A learner is stateless and thread-safe; what it learns is a {@link FittedModel}.
 * How each paper parameter maps onto its library is tabulated in {@code docs/learners.md}.
 *
 * <p>Inputs are used as given: the caller standardises the descriptors (z-score fitted inside each
 * training fold); the target is D_max in mm.
 */
public interface Learner {
  /** The learner's name: {@code svr}, {@code rf}, {@code xgboost} or {@code lightgbm}. */
  String id();

  /** The hyperparameter search space of docs/method.md §4. */
  ParamSpace space();

  /** A sensible default point of {@link #space()} (immutable). */
  Map<String, Object> defaults();

  /**
   * What gfa sets in the library beyond the searched parameters and that shapes the fit (XGBoost's
   * tree method and bins, LightGBM's bins), by the library's names (immutable): a model's manifest
   * records it beside the parameters, so that what a model was fitted with can be read back.
   */
  default Map<String, Object> settings() {
    return Map.of();
  }

  /**
   * Whether one fit gets faster with more threads. SVR's solver is sequential (one thread computes
   * its kernel matrix and runs SMO): a cross-validation does better to fit
   * its folds side by side, one thread each. Whichever way, a fit's result does not depend on it.
   */
  default boolean usesThreads() {
    return true;
  }

  /**
   * Fits a model.
   *
   * @param x the training rows (n x p, finite); not modified, not retained
   * @param y the targets (n, finite)
   * @param params hyperparameters by the names of {@link #space()}, as {@link Number}s (whole
   *     numbers for integer ranges, e.g. {@code 100.0}); a missing name takes its value from
   *     {@link #defaults()}, an unknown name is refused
   * @param seed the seed of every random choice the algorithm makes; the same data, parameters and
   *     seed give bit-identical predictions
   * @param threads how many threads the fit may use (at least 1)
   * @throws IllegalArgumentException for malformed data or parameters
   */
  FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads);

  /**
   * As {@link #fit(double[][], double[], Map, long, int)} on the rows of {@code data}, reusing what
   * earlier fits of the same set prepared (XGBoost's DMatrix, LightGBM's binned Dataset): the model
   * is the same, the work per fit smaller. A search fits each CV fold's set once per trial.
   */
  default FittedModel fit(TrainingSet data, Map<String, Object> params, long seed, int threads) {
    return fit(data.x(), data.y(), params, seed, threads);
  }

  /**
   * Lets go of what fits keep for the next fit (SVR's idle kernel arrays, 100-160 MB each), when a
   * training has no more fits of this learner to run; the next fit, if any, allocates afresh. It
   * bounds what a finished learner holds through the others' last fits; on its own it did not
   * lower the default training's peak measurably (docs/benchmarks.md, session 9).
   */
  default void releaseReusables() {}

  /**
   * Reads a model written by {@link FittedModel#save} of this learner. A loaded model predicts on
   * one thread, exactly as the model that was saved.
   *
   * @throws IOException if the file cannot be read or does not hold a model of this learner
   */
  FittedModel load(Path file) throws IOException;
}
