package gfa.cli.workflow;

import gfa.core.concurrent.Workers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.core.data.ElementData;
import gfa.core.data.MiedemaVersion;
import gfa.core.dataset.DatasetReader;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.eval.CvScheme;
import gfa.models.eval.Folds;
import gfa.models.search.Budget;
import gfa.models.search.EarlyStopping;
import gfa.models.search.Trial;
import gfa.models.training.Generalisation;
import gfa.models.training.ModelParams;
import gfa.models.training.ModelStore;
import gfa.models.training.Provenance;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingListener;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingResult;
import gfa.models.training.TrainingRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Training a model from a data file exactly as {@code gfa train} does, for every command that
 * trains ({@code gfa train}, {@code gfa predict-ternary --data}): the same options, the same
 * preparation of the rows (duplicates averaged, pruned for a target system), the same search with
 * its progress bars, the same provenance. One code path, so a model trained by either command is
 * the same model.
 */
public final class ModelTraining {
  /** The default budget in words, for help texts. */
  public static final String DEFAULT_BUDGET =
      "6 trials for SVR, 10 for the random forest, 20 for XGBoost and 8 for LightGBM, each search "
          + "starting from the learner's defaults (see docs/models.md for the time it takes)";

  private ModelTraining() {}

  /**
   * The training options of the command line.
   *
   * @param trials {@code --budget}, or null for the default
   * @param paper {@code --paper}: the paper's search protocol
   * @param learners {@code --learners}, or null for the paper's four
   */
  public static TrainingOptions options(int folds, Integer trials, boolean paper, List<String> learners, long seed, int threads) {
    if (folds < 2) {
      throw new GfaInputException("--folds must be at least 2, not " + folds);
    }
    Budget learnerBudget;
    java.util.Map<String, Budget> perLearner = java.util.Map.of();
    if (paper) {
      learnerBudget = Budget.paper();
    } else if (trials != null) {
      if (trials < 1) {
        throw new GfaInputException("--budget must be at least 1 trial, not " + trials);
      }
      learnerBudget = Budget.trials(trials);
    } else {
      learnerBudget = Budget.trials(TrainingOptions.QUICK_TRIALS.get("xgboost"));
      perLearner = TrainingOptions.quickBudgets();
    }
    List<String> ids = learners == null ? TrainingOptions.paperLearners() : learners;
    try {
      // every search stops hopeless trials after two folds: it never lost a search's best trial
      // where measured (docs/engine.md), and saves about half the fits
      return new TrainingOptions(folds, seed, threads, learnerBudget, Budget.fusionPaper(), ids, perLearner)
          .withEarlyStopping(EarlyStopping.DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new GfaInputException("--learners: " + e.getMessage());
    }
  }

  /**
   * Reads {@code data}, featurises (or takes the file's descriptor columns) and prunes for
   * {@code system} at {@code level} (both null for no pruning), with the options' threads. Refuses
   * a D_max above {@code maxDmax} mm and fewer rows than folds.
   */
  public static TrainingData prepare(TrainingSource data, String target, Featurizer featurizer, boolean useFileDescriptors,
      TernarySystem system, PruningLevel level, TrainingOptions options, double maxDmax) {
    DatasetReader reader = data.reader().withMaxDmax(maxDmax);
    TrainingData training = new Workers(options.threads()).call(
        () -> TrainingData.prepare(reader, target, featurizer, useFileDescriptors, system, level));
    if (training.rows() < options.folds()) {
      throw new GfaInputException(data + ": " + training.rows() + " rows, fewer than the " + options.folds() + " folds");
    }
    return training;
  }

  /** Tunes, fuses and refits; {@code listener} hears of every search and trial. */
  public static TrainingResult run(TrainingData training, TrainingOptions options, TrainingListener listener) {
    return new Workers(options.threads()).call(
        () -> TrainingRun.run(training.columns(), training.x(), training.y(), options, listener));
  }

  /**
   * As {@link #run(TrainingData, TrainingOptions, TrainingListener)} on given folds; with
   * {@code fixed} parameters (from {@code --model-params}) the learners are not searched but
   * cross-validated once with them, and only the fusion weights are tuned.
   */
  public static TrainingResult run(
      TrainingData training, TrainingOptions options, Folds folds, ModelParams fixed, TrainingListener listener) {
    return run(training, options, folds, null, fixed, listener);
  }

  /**
   * As {@link #run(TrainingData, TrainingOptions, Folds, ModelParams, TrainingListener)}; a search
   * also cross-validates each tuned learner on {@code secondFolds} (null: none) beside the other
   * searches, so that {@link #generalisation} finds that work done.
   */
  public static TrainingResult run(
      TrainingData training, TrainingOptions options, Folds folds, Folds secondFolds, ModelParams fixed,
      TrainingListener listener) {
    return new Workers(options.threads()).call(() -> fixed == null
        ? TrainingRun.run(training.columns(), training.x(), training.y(), folds, secondFolds, options, listener)
        : TrainingRun.runWithParams(training.columns(), training.x(), training.y(), folds, options, fixed, listener));
  }

  /** The second cross-validation and the per-system errors of a finished run. */
  public static Generalisation generalisation(TrainingResult result, TrainingData training, String[] groups, CvScheme tunedWith,
      boolean runExtra, TrainingOptions options, TrainingListener listener) {
    return new Workers(options.threads()).call(() -> Generalisation.evaluate(result, training.x(), training.y(), groups, tunedWith,
        runExtra, options.seed(), options.threads(), listener));
  }

  /** What the manifest records about where the model came from. */
  public static Provenance provenance(TrainingSource data, TrainingData training, String target, boolean useFileDescriptors, Preset preset,
      MiedemaVersion miedema, TernarySystem system, PruningLevel level) {
    return new Provenance(
        GfaBuild.version(), data.fileName(), training.dataset().sourceSha256(), training.rows(), target,
        useFileDescriptors ? "file" : "computed", preset.name().toLowerCase(java.util.Locale.ROOT), miedema.id(),
        ElementData.standard().version(), system == null ? null : system.name(), level == null ? null : level.level());
  }

  /** The manifest of a model trained on {@code data}: its provenance, with the data's name and version beside file and SHA-256. */
  public static ObjectNode manifest(TrainingResult result, TrainingOptions options, Provenance provenance, TrainingSource data) {
    ObjectNode manifest = ModelStore.manifest(result, options, provenance);
    data.describe((ObjectNode) manifest.get("data"));
    return manifest;
  }
}
