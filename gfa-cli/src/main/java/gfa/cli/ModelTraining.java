package gfa.cli;

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
final class ModelTraining {
  /** The default budget in words, for help texts. */
  static final String DEFAULT_BUDGET =
      "6 trials for SVR, 5 for the random forest, 15 for XGBoost and 8 for LightGBM, each search "
          + "starting from the learner's defaults (see docs/models.md for the time it takes)";

  private ModelTraining() {}

  /**
   * The training options of the command line.
   *
   * @param trials {@code --budget}, or null for the default
   * @param paper {@code --paper}: the paper's search protocol
   * @param learners {@code --learners}, or null for the paper's four
   */
  static TrainingOptions options(int folds, Integer trials, boolean paper, List<String> learners, CommonOptions common) {
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
      return new TrainingOptions(folds, common.seed(), common.threads(), learnerBudget, Budget.fusionPaper(), ids, perLearner);
    } catch (IllegalArgumentException e) {
      throw new GfaInputException("--learners: " + e.getMessage());
    }
  }

  /**
   * Reads {@code data}, featurises (or takes the file's descriptor columns) and prunes for
   * {@code system} at {@code level} (both null for no pruning). Refuses a missing file and fewer
   * rows than folds.
   */
  static TrainingData prepare(Path data, String target, Featurizer featurizer, boolean useFileDescriptors,
      TernarySystem system, PruningLevel level, TrainingOptions options, CommonOptions common) {
    return prepare(TrainingSource.of(data), target, featurizer, useFileDescriptors, system, level, options, common);
  }

  /** As above, from a file or the built-in table. */
  static TrainingData prepare(TrainingSource data, String target, Featurizer featurizer, boolean useFileDescriptors,
      TernarySystem system, PruningLevel level, TrainingOptions options, CommonOptions common) {
    DatasetReader reader = data.reader().withMaxDmax(common.maxDmax());
    TrainingData training = common.withThreads(
        () -> TrainingData.prepare(reader, target, featurizer, useFileDescriptors, system, level));
    if (training.rows() < options.folds()) {
      throw new GfaInputException(data + ": " + training.rows() + " rows, fewer than the " + options.folds() + " folds");
    }
    return training;
  }

  /** Tunes, fuses and refits, with a progress bar per search on stderr. */
  static TrainingResult run(TrainingData training, TrainingOptions options, CommonOptions common) throws Exception {
    try (SearchProgress progress = new SearchProgress(common)) {
      return common.withThreads(
          () -> TrainingRun.run(training.columns(), training.x(), training.y(), options, progress));
    }
  }

  /**
   * As {@link #run(TrainingData, TrainingOptions, CommonOptions)} on given folds; with
   * {@code fixed} parameters (from {@code --model-params}) the learners are not searched but
   * cross-validated once with them, and only the fusion weights are tuned.
   */
  static TrainingResult run(TrainingData training, TrainingOptions options, Folds folds, ModelParams fixed, CommonOptions common)
      throws Exception {
    try (SearchProgress progress = new SearchProgress(common)) {
      return common.withThreads(() -> fixed == null
          ? TrainingRun.run(training.columns(), training.x(), training.y(), folds, options, progress)
          : TrainingRun.runWithParams(training.columns(), training.x(), training.y(), folds, options, fixed, progress));
    }
  }

  /** The second cross-validation and the per-system errors of a finished run, with progress bars. */
  static Generalisation generalisation(TrainingResult result, TrainingData training, String[] groups, CvScheme tunedWith,
      boolean runExtra, CommonOptions common) throws Exception {
    try (SearchProgress progress = new SearchProgress(common)) {
      return common.withThreads(() -> Generalisation.evaluate(result, training.x(), training.y(), groups, tunedWith, runExtra,
          common.seed(), common.threads(), progress));
    }
  }

  /** What the manifest records about where the model came from. */
  static Provenance provenance(TrainingSource data, TrainingData training, String target, boolean useFileDescriptors, Preset preset,
      MiedemaVersion miedema, TernarySystem system, PruningLevel level) {
    return new Provenance(
        GfaVersion.version(), data.fileName(), training.dataset().sourceSha256(), training.rows(), target,
        useFileDescriptors ? "file" : "computed", OptionValues.name(preset), OptionValues.name(miedema),
        ElementData.standard().version(), system == null ? null : system.name(), level == null ? null : level.level());
  }

  /** The manifest of a model trained on {@code data}: its provenance, with the data's name and version beside file and SHA-256. */
  static ObjectNode manifest(TrainingResult result, TrainingOptions options, Provenance provenance, TrainingSource data) {
    ObjectNode manifest = ModelStore.manifest(result, options, provenance);
    data.describe((ObjectNode) manifest.get("data"));
    return manifest;
  }

  /** One progress bar per search (trials, best score, time left), on stderr. */
  static final class SearchProgress implements TrainingListener, AutoCloseable {
    private final CommonOptions common;
    private Progress bar;

    SearchProgress(CommonOptions common) {
      this.common = common;
    }

    @Override
    public void searchStarted(String name, int maxTrials) {
      close();
      // a learner's or the fusion's search; other work (a second cross-validation) names itself
      bar = Progress.start(name.contains(" ") ? name : "tune " + name, maxTrials, common);
    }

    @Override
    public void trialFinished(String name, Trial trial, Trial best, Duration elapsed) {
      if (bar != null) {
        bar.step(1);
        String score = name.equals("fusion")
            ? String.format(Locale.ROOT, "best CV R2 %.4f", -best.loss())
            : String.format(Locale.ROOT, "best CV RMSE %.4f", best.loss());
        bar.message(score);
      }
    }

    @Override
    public void searchFinished(String name) {
      if (bar != null) {
        bar.finishEarly();
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
