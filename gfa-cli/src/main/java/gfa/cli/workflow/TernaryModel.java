package gfa.cli.workflow;

import gfa.core.data.MiedemaVersion;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.training.Ensemble;
import gfa.models.training.GfaModel;
import gfa.models.eval.CvScheme;
import gfa.models.training.ModelStore;
import gfa.models.training.Provenance;
import gfa.models.uncertainty.CalibrationRecord;
import gfa.models.uncertainty.CalibrationStore;
import gfa.models.uncertainty.KnownDescriptors;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingListener;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model a ternary map is predicted with: a saved one, or one trained for the system, with what
 * the map's title, warnings and summary say about it. Closing it frees the native boosters.
 *
 * @param calibration the intervals' and p_bmg's calibration (calibration.json), or null for a model without one
 * @param trained the model to save beside the map when it was trained here, else null
 * @param knownDescriptors the calibration alloys' descriptor rows saved with the model, or null (featurise them)
 */
public record TernaryModel(Featurizer featurizer, Ensemble ensemble, CalibrationRecord calibration, Description description,
    String title, List<String> warnings, TrainedModel trained, AutoCloseable owner, double[][] knownDescriptors)
    implements AutoCloseable {

  /**
   * What summary.json says of the model. A saved model names its directory and pruning as its
   * manifest records them; a model trained here adds the data's identity and its CV scores.
   */
  public record Description(String source, Path directory, String dataFile, String dataName, String dataVersion,
      String dataSha256, int rows, String prunedFor, Integer prunedLevel, List<String> learners, Double cvR2, Double cvRmse) {}

  /** A model trained for the map, to be saved in the output's model/ directory as 'gfa train' saves one. */
  public record TrainedModel(TrainingResult result, com.fasterxml.jackson.databind.node.ObjectNode manifest,
      com.fasterxml.jackson.databind.node.ObjectNode report, CalibrationRecord calibration) {
    public void writeInto(Path dir) throws IOException {
      ModelStore.writeInto(dir, result, manifest, report);
      CalibrationStore.write(dir, calibration);
      KnownDescriptors.write(dir, calibration, GfaModel.featurizerOf(manifest));
    }
  }

  /** How to train when no model is given: pruning level and the training options. */
  public record TrainingRequest(TrainingSource data, PruningLevel level, TrainingOptions options, double maxDmax,
      Path modelDirectory) {}

  /**
   * A saved model; warns when it may have seen the ternary itself (category (v)): when it was
   * trained without pruning, or pruned for another system.
   */
  public static TernaryModel load(Path directory, TernarySystem target) {
    GfaModel model = GfaModel.load(directory, null, null);
    Provenance provenance = model.provenance();
    List<String> warnings = new ArrayList<>();
    String title;
    int rows = provenance.rows();
    String file = provenance.dataFile() == null ? "?" : provenance.dataFile();
    String prunedFor = provenance.pruningSystem();
    Integer prunedLevel = provenance.pruningLevel();
    if (prunedFor == null) {
      warnings.add("model " + directory + " was trained without pruning for " + target.name() + " (its manifest has no "
          + "pruning), so it may have seen alloys of " + target.name() + " itself (category (v)): the map is not a "
          + "prediction for an unexplored system. Train with '--system " + target.name() + "' or use --data for that.");
      title = target.name() + " \u2014 model not pruned for this system (" + rows + " alloys of " + file + ")";
    } else if (provenance.prunedFor(target)) {
      title = target.name() + " \u2014 trained on subdataset " + prunedLevel + " (" + rows + " alloys of " + file + ")";
    } else {
      warnings.add("model " + directory + " was pruned for " + prunedFor + ", not for " + target.name()
          + ", so it may have seen alloys of " + target.name() + " itself (category (v)): the map is not a "
          + "prediction for an unexplored system.");
      title = target.name() + " \u2014 model pruned for " + prunedFor + ", not for this system";
    }
    Description description = new Description("model", directory, file, null, null, null, rows, prunedFor, prunedLevel,
        model.learners(), null, null);
    CalibrationRecord calibration = CalibrationStore.read(directory).orElse(null);
    double[][] known = calibration == null ? null
        : KnownDescriptors.read(directory, calibration.alloys().size(), model.ensemble().columns().size()).orElse(null);
    return new TernaryModel(model.featurizer(), model.ensemble(), calibration, description, title, warnings, null, model::close,
        known);
  }

  /**
   * Prunes the data for the system and trains exactly as {@code gfa train --system} does
   * ({@link TrainModel}): tuned on random k-fold, evaluated and calibrated on leave-system-out folds.
   */
  public static TernaryModel train(TrainingRequest request, TernarySystem target, TrainingListener listener) {
    TrainModel.Descriptors descriptors = new TrainModel.Descriptors(Preset.GONG2024, MiedemaVersion.PAPER, false);
    TrainModel.Result trained = TrainModel.run(new TrainModel.Request(request.data(), "D_max", descriptors, target, request.level(),
        request.options(), CvScheme.RANDOM, true, null, false, request.maxDmax()), listener);
    TrainingResult result = trained.result();
    TrainingSource data = request.data();
    String title = target.name() + " \u2014 trained on subdataset " + request.level().level() + " (" + trained.training().rows()
        + " alloys of " + data.fileName() + ")";
    Description description = new Description("data", request.modelDirectory(), data.fileName(), data.name(),
        data.version(), data.sha256(), trained.training().rows(), target.name(), request.level().level(),
        result.ensemble().learners(), result.fusion().r2(), result.fusion().rmse());
    CalibrationRecord calibration = trained.calibration().record();
    return new TernaryModel(descriptors.featurizer(), result.ensemble(), calibration, description, title, List.of(),
        new TrainedModel(result, trained.manifest(), trained.report(), calibration), trained, null);
  }

  @Override
  public void close() throws Exception {
    owner.close();
  }
}
