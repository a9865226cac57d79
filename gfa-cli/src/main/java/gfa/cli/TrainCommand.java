package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.cli.workflow.ModelTraining;
import gfa.cli.workflow.TrainModel;
import gfa.cli.workflow.TrainingSource;
import gfa.cli.workflow.TrainingSummaryText;
import gfa.core.GfaInputException;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.models.eval.CvScheme;
import gfa.models.search.EarlyStopping;
import gfa.models.training.Generalisation;
import gfa.models.training.TrainingOptions;
import gfa.models.uncertainty.CalibrationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa train}: tune, fuse and fit the paper's four models on a dataset. */
@Command(
    name = "train",
    sortOptions = false,
    description = {
      "Tune SVR, random forest, XGBoost and LightGBM by TPE on the mean 5-fold CV RMSE, tune the "
          + "fusion weights on the CV R² of their out-of-fold predictions, refit all on every row "
          + "and save the model directory (manifest.json with provenance, report.json, one file per model).",
      "",
      "Budget: by default " + ModelTraining.DEFAULT_BUDGET + ". --budget N sets N trials for every "
          + "learner; --paper runs the paper's protocol (at most 500 trials, stop after 100 without "
          + "improvement; fusion 300/50), about an hour on 2 cores for 6398 alloys. Fusion always uses the paper's budget: "
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

  @Mixin OutputOptions output;

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

  @Option(names = "--all-folds",
      description = "Fit every fold of every trial. By default a trial more than 5 %% worse than the best on its first "
          + "two folds is stopped there (docs/engine.md); report.json records how many folds each trial ran.")
  boolean allFolds;

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
    TrainingOptions options = ModelTraining.options(search.folds(), search.trials(), search.paper(), search.learners(),
        common.seed(), common.threads());
    if (timeLimit != null) {
      options = options.withLearnerTimeLimit(timeLimit);
    }
    if (allFolds) {
      options = options.withEarlyStopping(EarlyStopping.NEVER);
    }
    CvScheme scheme = CvScheme.parse(cv);
    TernarySystem targetSystem = system == null ? null : TernarySystem.parse(system);
    if (level != null && targetSystem == null) {
      throw new GfaInputException("--level needs --system");
    }
    if (modelParams != null && (search.budgetGiven() || timeLimit != null)) {
      throw new GfaInputException("--model-params reuses a search's parameters; it does not go with --budget, --paper or --time-limit");
    }
    PruningLevel pruningLevel = targetSystem == null ? null : PruningLevel.of(level == null ? 3 : level);
    List<Path> inputs = new ArrayList<>();
    inputs.add(data);
    if (modelParams != null) {
      inputs.addAll(modelParams);
    }
    output.check(inputs.toArray(Path[]::new));
    TrainingSource source = TrainingSource.of(data);
    source.announce(spec.commandLine().getErr(), common.quiet());
    TrainModel.Request request = new TrainModel.Request(source, target,
        new TrainModel.Descriptors(descriptorSet.preset(), descriptorSet.miedema(), useFileDescriptors), targetSystem,
        pruningLevel, options, scheme, !noExtraCv, modelParams, search.learners() != null, common.maxDmax());
    TrainModel.Result trained;
    try (SearchProgress progress = new SearchProgress(common)) {
      trained = TrainModel.run(request, progress);
    }
    try (trained) {
      Generalisation generalisation = trained.generalisation();
      if (generalisation.skipped() != null && !noExtraCv && !common.quiet() && !common.json()) {
        spec.commandLine().getErr().println("gfa: warning: no " + scheme.other().option() + " evaluation: " + generalisation.skipped());
        spec.commandLine().getErr().flush();
      }
      trained.publish(output.out(), output.replace());
      PrintWriter stdout = spec.commandLine().getOut();
      if (common.json()) {
        stdout.println(new ObjectMapper().writeValueAsString(trained.report()));
      } else {
        stdout.print(TrainingSummaryText.summary(trained.result(), trained.training(), generalisation));
        stdout.println("model saved to " + output.out());
        stdout.print(CalibrationReport.summary(trained.calibration()));
      }
      stdout.flush();
    }
    return ExitCodes.OK;
  }
}
