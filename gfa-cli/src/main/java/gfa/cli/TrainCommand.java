package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.features.Featurizer;
import gfa.features.Preset;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.models.eval.CvScheme;
import gfa.models.eval.Folds;
import gfa.models.eval.PerSystemErrors;
import gfa.models.eval.SystemGroups;
import gfa.models.training.FoldEvaluation;
import gfa.core.io.AtomicOutput;
import gfa.models.training.Generalisation;
import gfa.models.uncertainty.CalibrationReport;
import gfa.models.uncertainty.CalibrationStore;
import gfa.models.uncertainty.TrainingCalibration;
import gfa.models.training.ModelParams;
import gfa.models.training.ModelStore;
import gfa.models.training.Provenance;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingResult;
import gfa.models.training.TunedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa train}: tune, fuse and fit the paper's four models on a dataset. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
    sortOptions = false,
    description = {
      "Tune SVR, random forest, XGBoost and LightGBM by TPE on the mean 5-fold CV RMSE, tune the "
          + "fusion weights on the CV R² of their out-of-fold predictions, refit all on every row "
          + "and save the model directory (manifest.json with provenance, report.json, one file per model).",
      "",
      "Budget: by default " + ModelTraining.DEFAULT_BUDGET + ". --budget N sets N trials for every "
          + "learner; --paper runs the paper's protocol (at most 500 trials, stop after 100 without "
          + "improvement; fusion 300/50), which takes hours. Fusion always uses the paper's budget: "
          + "it refits nothing and takes seconds. --model-params DIR reuses the hyperparameters of a saved model "
          + "instead of searching.",
      "",
      "Generalisation: after tuning on random k-fold, the tuned model is cross-validated again on "
          + "leave-system-out folds (each fold holds out whole alloy systems, i.e. element sets), and "
          + "report.json gets 'leave_system_out' and 'per_system' (errors on the 10 systems with the most "
          + "rows). With --cv leave-system-out the roles swap ('random_kfold'). --no-extra-cv skips it.",
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, paramLabel = "FILE",
      description = "CSV with a 'composition' column and the target (or 'outcome'/'dmax_mm'); "
          + TrainingSource.DEFAULT_HELP + ".")
  Path data;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Model directory to create (must not exist or be empty, unless --replace).")
  Path out;

  @Option(names = "--replace", description = "Replace an existing model directory.")
  boolean replace;

  @Option(names = "--target", defaultValue = "D_max", paramLabel = "COLUMN",
      description = "Target column, in mm (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--system", paramLabel = "A-B-C",
      description = "Prune the data for this target ternary (docs/method.md §5) before training.")
  String system;

  @Option(names = "--level", paramLabel = "N",
      description = "Pruning level 1..5 with --system (default 3, the paper's choice).")
  Integer level;

  @Mixin SearchOptions search;

  @Option(names = "--time-limit", paramLabel = "DURATION", converter = OptionValues.DurationConverter.class,
      description = "Stop each learner's search once this wall time has passed, e.g. 90s, 20m, 1h30m (the running "
          + "trial is finished first; the fusion search is not limited). With a time limit the number of trials, and "
          + "so the model, depends on the machine's speed; report.json records each search's trials and stop reason.")
  Duration timeLimit;

  @Option(names = "--use-file-descriptors",
      description = "Take the descriptor columns from the data file instead of computing them.")
  boolean useFileDescriptors;

  @Option(names = "--cv", defaultValue = "random", paramLabel = "SCHEME",
      description = "Folds to tune with: random (shuffled k-fold) or leave-system-out (each fold holds out whole alloy "
          + "systems, i.e. element sets). The other scheme then evaluates the tuned model (default: ${DEFAULT-VALUE}).")
  String cv;

  @Option(names = "--no-extra-cv",
      description = "Skip the evaluation with the other fold scheme (it costs one cross-validation per learner).")
  boolean noExtraCv;

  @Option(names = "--model-params", paramLabel = "DIR",
      description = "Reuse the hyperparameters of this model directory instead of searching: each learner is "
          + "cross-validated once with them, the fusion weights are tuned again (seconds), and all are refitted. "
          + "Repeat it to combine searches: each learner takes its parameters from the first directory that has it.")
  List<Path> modelParams;

  @Mixin DescriptorOptions descriptorSet;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    TrainingOptions options = options();
    CvScheme scheme = CvScheme.parse(cv);
    TernarySystem targetSystem = system == null ? null : TernarySystem.parse(system);
    if (level != null && targetSystem == null) {
      throw new GfaInputException("--level needs --system");
    }
    if (modelParams != null && (search.budgetGiven() || timeLimit != null)) {
      throw new GfaInputException("--model-params reuses a search's parameters; it does not go with --budget, --paper or --time-limit");
    }
    Map<String, Path> paramsSource = new LinkedHashMap<>();
    ModelParams fixed = modelParams == null ? null : readParams(paramsSource);
    if (fixed != null && search.learners() != null) {
      fixed = fixed.restrictTo(options.learners());
    }
    PruningLevel pruningLevel = targetSystem == null ? null : PruningLevel.of(level == null ? 3 : level);
    OutputDirectory.check(out, replace, "(use --replace)", inputs());
    Featurizer featurizer = descriptorSet.featurizer();
    TrainingSource source = TrainingSource.of(data);
    source.announce(spec.commandLine().getErr(), common);
    TrainingData training = ModelTraining.prepare(
        source, target, featurizer, useFileDescriptors, targetSystem, pruningLevel, options, common);
    String[] groups = SystemGroups.of(training.compositions());
    Folds folds = scheme.folds(groups, options.folds(), options.seed());
    TrainingResult result = ModelTraining.run(training, options, folds, fixed, common);
    try {
      Generalisation generalisation = ModelTraining.generalisation(result, training, groups, scheme, !noExtraCv, common);
      if (generalisation.skipped() != null && !noExtraCv && !common.quiet() && !common.json()) {
        spec.commandLine().getErr().println("gfa: warning: no " + scheme.other().option() + " evaluation: " + generalisation.skipped());
        spec.commandLine().getErr().flush();
      }
      Provenance provenance = ModelTraining.provenance(
          source, training, target, useFileDescriptors, descriptorSet.preset(), descriptorSet.miedema(), targetSystem, pruningLevel);
      // with --model-params the learners that took part are those of the parameters
      TrainingOptions used = fixed == null ? options : new TrainingOptions(options.folds(), options.seed(), options.threads(),
          options.learnerBudget(), options.fusionBudget(), fixed.learners(), options.perLearner());
      ObjectNode report = ModelStore.report(result);
      generalisation.addTo(report);
      if (modelParams != null) {
        ArrayNode from = report.putArray("params_from");
        modelParams.forEach(dir -> from.add(dir.toString()));
        for (String id : fixed.learners()) {
          ((ObjectNode) report.path("models").path(id)).put("params_from", paramsSource.get(id).toString());
        }
      }
      TrainingCalibration calibration = calibrate(result, training, groups, scheme, folds, generalisation);
      CalibrationReport.addTo(report, calibration);
      ObjectNode manifest = ModelTraining.manifest(result, used, provenance, source);
      manifest.putObject("calibration").put("file", CalibrationStore.FILE)
          .put("calibrated_on", calibration.record().calibration().calibratedOn());
      AtomicOutput.publishDirectory(out, replace, dir -> {
        ModelStore.writeInto(dir, result, manifest, report);
        CalibrationStore.write(dir, calibration.record());
      });
      print(result, training, generalisation, report);
      if (!common.json()) {
        spec.commandLine().getOut().print(CalibrationReport.summary(calibration));
        spec.commandLine().getOut().flush();
      }
    } finally {
      result.ensemble().close();
    }
    return ExitCodes.OK;
  }

  /** Everything train reads, which its output directory must not replace. */
  private Path[] inputs() {
    List<Path> inputs = new ArrayList<>();
    inputs.add(data);
    if (modelParams != null) {
      inputs.addAll(modelParams);
    }
    return inputs.toArray(Path[]::new);
  }

  /**
   * Conformal calibration of the intervals and p_bmg from the run's out-of-fold predictions
   * (leave-system-out ones when there are), with its honest coverage check; nothing is refitted.
   */
  private TrainingCalibration calibrate(
      TrainingResult result, TrainingData training, String[] groups, CvScheme scheme, Folds folds, Generalisation g) {
    // the second cross-validation's folds, exactly as Generalisation.evaluate drew them
    Folds extraFolds = g.extra() == null ? null : scheme.other().folds(groups, result.folds(), common.seed());
    double[][] standardized = result.ensemble().scaler().transform(training.x(), null);
    return TrainingCalibration.of(result, scheme, folds, g.extra(), extraFolds, training.compositions(), training.y(), standardized);
  }

  /** The parameters of {@code --model-params}, combined; {@code source} receives each learner's directory. */
  private ModelParams readParams(Map<String, Path> source) {
    List<ModelParams> sets = new ArrayList<>();
    for (Path dir : modelParams) {
      ModelParams set = ModelParams.read(dir);
      sets.add(set);
      set.learners().forEach(id -> source.putIfAbsent(id, dir));
    }
    return ModelParams.combine(sets);
  }

  private TrainingOptions options() {
    TrainingOptions options = ModelTraining.options(search.folds(), search.trials(), search.paper(), search.learners(), common);
    return timeLimit == null ? options : options.withLearnerTimeLimit(timeLimit);
  }

  private void print(TrainingResult r, TrainingData training, Generalisation g, ObjectNode report) throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    if (common.json()) {
      stdout.println(new ObjectMapper().writeValueAsString(report));
    } else {
      stdout.print(summary(r, training, g));
      stdout.println("model saved to " + out);
    }
    stdout.flush();
  }

  /** The readable summary table of a training run, with the second cross-validation beside the first. */
  static String summary(TrainingResult r, TrainingData training, Generalisation g) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%d rows, %s CV, seed %d%s%n", r.rows(), r.foldKind(), r.seed(),
        training.pruning() == null ? "" : ", pruned for " + training.pruning().system().name() + " (subdataset " + training.pruning().level().level() + ")"));
    if (!training.dataset().merged().isEmpty()) {
      s.append(String.format(Locale.ROOT, "%d compositions appear more than once in %d rows read; their D_max values were averaged%n",
          training.dataset().merged().size(), training.dataset().rowsRead()));
    }
    FoldEvaluation extra = g.extra();
    String tag = g.tunedWith().other() == CvScheme.LEAVE_SYSTEM_OUT ? "LSO" : "random";
    s.append(String.format(Locale.ROOT, "%-16s %7s %8s %7s %7s %9s", "model", "CV R2", "CV RMSE", "CV MAE", "trials", "seconds"));
    s.append(extra == null ? "\n" : String.format(Locale.ROOT, "  %9s %11s%n", tag + " R2", tag + " RMSE"));
    for (TunedModel m : r.models()) {
      s.append(String.format(Locale.ROOT, "%-16s %7.3f %8.3f %7.3f %7d %9.1f", m.learner(), m.cv().r2(), m.cv().rmse(), m.cv().mae(), m.trials(), m.seconds()));
      s.append(extra == null ? "\n" : String.format(Locale.ROOT, "  %9.3f %11.3f%n", extra.models().get(m.learner()).r2(),
          extra.models().get(m.learner()).rmse()));
    }
    s.append(String.format(Locale.ROOT, "%-16s %7.3f %8.3f %7.3f %7s %9.1f", "fusion (tuned)", r.fusion().r2(), r.fusion().rmse(), r.fusion().mae(), "", r.fusionSeconds()));
    s.append(extra == null ? "\n" : String.format(Locale.ROOT, "  %9.3f %11.3f%n", extra.fusion().r2(), extra.fusion().rmse()));
    s.append(String.format(Locale.ROOT, "%-16s %7.3f %8.3f%n", "fusion (equal)", r.fusionEqual().r2(), r.fusionEqual().rmse()));
    StringBuilder w = new StringBuilder();
    r.weights().forEach((k, v) -> w.append(String.format(Locale.ROOT, " %s %.2f", k, v)));
    s.append("fusion weights:").append(w).append('\n');
    if (extra != null) {
      s.append(String.format(Locale.ROOT, "%s columns: %s CV of the same hyperparameters and weights (%d systems in the data, %.1f s)%n",
          tag, extra.kind(), g.systems(), extra.seconds()));
    } else {
      s.append(String.format(Locale.ROOT, "no %s evaluation: %s%n", g.tunedWith().other().option(), g.skipped()));
    }
    var c = r.classification();
    s.append(String.format(Locale.ROOT,
        "as a BMG classifier (D_max >= %.0f mm, %d positives): precision %.3f, recall %.3f, F1 %.3f, MCC %.3f, ROC-AUC %.3f, average precision %.3f%n",
        c.threshold(), c.truePositives() + c.falseNegatives(), c.precision(), c.recall(), c.f1(), c.mcc(), c.rocAuc(), c.averagePrecision()));
    s.append(perSystem(g, tag));
    return s.toString();
  }

  /** The fused errors on the systems with the most rows, one line each. */
  private static String perSystem(Generalisation g, String tag) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "fused out-of-fold errors on the %d systems with the most rows (mm):%n", g.perSystem().size()));
    boolean both = g.extra() != null;
    s.append(String.format(Locale.ROOT, "  %-22s %5s %8s %7s", "system", "rows", "CV RMSE", "CV MAE"));
    s.append(both ? String.format(Locale.ROOT, " %11s %10s%n", tag + " RMSE", tag + " MAE") : "\n");
    for (PerSystemErrors.Row row : g.perSystem()) {
      var main = row.errors().get(g.tunedWith().reportKey());
      s.append(String.format(Locale.ROOT, "  %-22s %5d %8.3f %7.3f", row.system(), row.rows(), main.rmse(), main.mae()));
      if (both) {
        var other = row.errors().get(g.tunedWith().other().reportKey());
        s.append(String.format(Locale.ROOT, " %11.3f %10.3f%n", other.rmse(), other.mae()));
      } else {
        s.append('\n');
      }
    }
    return s.toString();
  }
}
