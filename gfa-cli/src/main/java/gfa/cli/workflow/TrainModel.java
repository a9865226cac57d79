package gfa.cli.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.data.MiedemaVersion;
import gfa.core.io.AtomicOutput;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.eval.CvScheme;
import gfa.models.eval.Folds;
import gfa.models.eval.SystemGroups;
import gfa.models.training.Generalisation;
import gfa.models.training.ModelParams;
import gfa.models.training.ModelStore;
import gfa.models.training.Provenance;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingListener;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingResult;
import gfa.models.uncertainty.CalibrationReport;
import gfa.models.uncertainty.CalibrationStore;
import gfa.models.uncertainty.KnownDescriptors;
import gfa.models.training.GfaModel;
import gfa.models.uncertainty.TrainingCalibration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gfa train} as a plain computation: prepare the rows, tune (or reuse parameters), fuse
 * and refit, cross-validate again with the other fold scheme, calibrate the intervals, and
 * publish the model directory (manifest.json, report.json, calibration.json, one file per model).
 */
public final class TrainModel {
  private TrainModel() {}

  /**
   * @param descriptors how the descriptors are computed, and whether the file's own columns are taken instead
   * @param system the target system to prune for, or null
   * @param modelParams model directories whose hyperparameters to reuse instead of searching, or null
   * @param learnersChosen whether the options' learners were chosen (they then restrict the reused parameters)
   */
  public record Request(TrainingSource data, String target, Descriptors descriptors, TernarySystem system, PruningLevel level,
      TrainingOptions options, CvScheme scheme, boolean extraCv, List<Path> modelParams, boolean learnersChosen, double maxDmax) {}

  /** The descriptor set: preset and Miedema version, or the data file's own columns. */
  public record Descriptors(Preset preset, MiedemaVersion miedema, boolean fromFile) {
    public Featurizer featurizer() {
      return Featurizer.of(preset, miedema);
    }
  }

  /** A trained model with its evaluation, ready to publish; closing it frees the boosters. */
  public record Result(TrainingResult result, TrainingData training, Generalisation generalisation, ObjectNode manifest,
      ObjectNode report, TrainingCalibration calibration) implements AutoCloseable {
    /** Writes the model directory at once. */
    public void publish(Path out, boolean replace) throws Exception {
      AtomicOutput.publishDirectory(out, replace, dir -> {
        ModelStore.writeInto(dir, result, manifest, report);
        CalibrationStore.write(dir, calibration.record());
        KnownDescriptors.write(dir, calibration.record(), GfaModel.featurizerOf(manifest));
      });
    }

    @Override
    public void close() {
      result.ensemble().close();
    }
  }

  /** Runs the training; {@code listener} hears of every search. */
  public static Result run(Request request, TrainingListener listener) {
    TrainingOptions options = request.options();
    Map<String, Path> paramsSource = new LinkedHashMap<>();
    ModelParams fixed = request.modelParams() == null ? null : readParams(request.modelParams(), paramsSource);
    if (fixed != null && request.learnersChosen()) {
      fixed = fixed.choose(options.learners()); // the fusion weights are tuned again: zero weights may be chosen
    }
    Featurizer featurizer = request.descriptors().featurizer();
    TrainingData training = ModelTraining.prepare(request.data(), request.target(), featurizer, request.descriptors().fromFile(),
        request.system(), request.level(), options, request.maxDmax());
    String[] groups = SystemGroups.of(training.compositions());
    Folds folds = request.scheme().folds(groups, options.folds(), options.seed());
    Folds second = Generalisation.secondFolds(groups, request.scheme(), request.extraCv(), folds.count(), options.seed());
    TrainingResult result = ModelTraining.run(training, options, folds, second, fixed, listener);
    try {
      Generalisation generalisation = ModelTraining.generalisation(
          result, training, groups, request.scheme(), request.extraCv(), options, listener);
      Provenance provenance = ModelTraining.provenance(request.data(), training, request.target(), request.descriptors().fromFile(),
          request.descriptors().preset(), request.descriptors().miedema(), request.system(), request.level());
      // with --model-params the learners that took part are those of the parameters
      TrainingOptions used = fixed == null ? options : new TrainingOptions(options.folds(), options.seed(), options.threads(),
          options.learnerBudget(), options.fusionBudget(), fixed.learners(), options.perLearner());
      ObjectNode report = ModelStore.report(result);
      generalisation.addTo(report);
      if (fixed != null) {
        ArrayNode from = report.putArray("params_from");
        request.modelParams().forEach(dir -> from.add(dir.toString()));
        for (String id : fixed.learners()) {
          ((ObjectNode) report.path("models").path(id)).put("params_from", paramsSource.get(id).toString());
        }
      }
      TrainingCalibration calibration = calibrate(result, training, groups, request.scheme(), folds, generalisation, options.seed());
      CalibrationReport.addTo(report, calibration);
      ObjectNode manifest = ModelTraining.manifest(result, used, provenance, request.data());
      manifest.putObject("calibration").put("file", CalibrationStore.FILE)
          .put("calibrated_on", calibration.record().calibration().calibratedOn());
      return new Result(result, training, generalisation, manifest, report, calibration);
    } catch (RuntimeException | Error e) {
      result.ensemble().close();
      throw e;
    }
  }

  /**
   * Conformal calibration of the intervals and p_bmg from the run's out-of-fold predictions
   * (leave-system-out ones when there are), with its honest coverage check; nothing is refitted.
   */
  public static TrainingCalibration calibrate(
      TrainingResult result, TrainingData training, String[] groups, CvScheme scheme, Folds folds, Generalisation g, long seed) {
    // the second cross-validation's folds, exactly as Generalisation.evaluate drew them
    Folds extraFolds = g.extra() == null ? null : scheme.other().folds(groups, result.folds(), seed);
    double[][] standardized = result.ensemble().scaler().transform(training.x(), null);
    return TrainingCalibration.of(result, scheme, folds, g.extra(), extraFolds, training.compositions(), training.y(), standardized);
  }

  /** The parameters of several model directories, combined; {@code source} receives each learner's directory. */
  public static ModelParams readParams(List<Path> dirs, Map<String, Path> source) {
    List<ModelParams> sets = new ArrayList<>();
    for (Path dir : dirs) {
      ModelParams set = ModelParams.read(dir);
      sets.add(set);
      set.learners().forEach(id -> source.putIfAbsent(id, dir));
    }
    return ModelParams.combine(sets);
  }
}
