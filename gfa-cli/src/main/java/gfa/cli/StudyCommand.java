package gfa.cli;

import gfa.cli.workflow.PruningStudyRun;
import gfa.cli.workflow.StudyOutputs;
import gfa.cli.workflow.TrainingSource;
import gfa.core.GfaInputException;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.models.study.PruningStudy;
import gfa.models.study.StudyCell;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gfa study}: the paper's pruning study (Fig. 3). For each system and subdataset level,
 * train on what the level keeps, predict the system's grid and compare the map with the system's
 * own reported alloys. This class parses and wires; the study itself is
 * {@link gfa.cli.workflow.PruningStudyRun}.
 */
@Command(
    name = "study",
    sortOptions = false,
    description = {
      "The pruning study of Gong et al. (2024), Fig. 3: for each system and each subdataset level "
          + "(1 removes the system's own alloys, category (v); 2 also (iv); 3 also (iii); 4 also (ii); "
          + "5 also (i)), train on what the level keeps, predict the system's composition grid, and "
          + "compare the map with the system's reported alloys (its category (v) rows, which every "
          + "level removes): the RMSE between their normalised predictions and their normalised "
          + "reported D_max (Fig. 3h), and how many of the high-GFA ones (D_max >= 1 mm) fall in the "
          + "top 5%% of the map.",
      "",
      "Models: with --model-params DIR every cell refits the learners of a saved model with its "
          + "hyperparameters and fusion weights (no search: a 5x5 study takes minutes; repeat it to combine "
          + "models: each learner from the first directory that has it). With "
          + "--budget N every cell runs a full search of N trials per learner, as 'gfa train' does "
          + "(slow: 25 cells x minutes each). With neither, every cell refits the learners' default "
          + "parameters with equal fusion weights. The output says which.",
      "",
      "The data are featurised once. DIR receives study.csv, study.json, reported.csv, "
          + "rmse-vs-level.png/.svg, maps-<System>.png/.svg and cells/<System>/level-N/grid.csv, all at "
          + "once: after an error no DIR is left behind. See docs/study.md.",
    })
public final class StudyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, paramLabel = "FILE",
      description = "Training data: CSV with 'composition' and 'D_max' (mm); " + TrainingSource.DEFAULT_HELP + ".")
  Path data;

  @Option(names = "--systems", required = true, split = ",", paramLabel = "A-B-C",
      description = "Ternary systems, comma-separated, e.g. La-Al-C,Co-Ta-B,Ir-Ni-Ta,Mg-Zn-Ca,Zr-Al-Cu.")
  List<String> systems;

  @Option(names = "--levels", defaultValue = "1-5", paramLabel = "LIST",
      description = "Subdataset levels: 1-5, 3, or 1,3,5 (default: ${DEFAULT-VALUE}).")
  String levels;

  @Mixin OutputOptions output;

  static final class ModelChoice {
    @Option(names = "--model-params", required = true, paramLabel = "DIR",
        description = "Reuse the hyperparameters and fusion weights of this model directory (from 'gfa train'): "
            + "every cell is a refit, no search. The fast path.")
    List<Path> modelParams;

    @Option(names = "--budget", required = true, paramLabel = "N",
        description = "A full TPE search of N trials per learner in every cell (slow).")
    Integer budget;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ModelChoice model;

  @Option(names = "--folds", paramLabel = "K", description = "With --budget: CV folds of each cell's search (default 5).")
  Integer folds;

  @Option(names = "--learners", split = ",", paramLabel = "ID",
      description = "Learners, comma-separated (default: svr,rf,xgboost,lightgbm; with --model-params: the model's).")
  List<String> learners;

  @Option(names = "--step", defaultValue = "1", paramLabel = "AT%",
      description = "Grid step in at.%%, a divisor of 100 (default: ${DEFAULT-VALUE}, the paper's 5151 points).")
  int step;

  @Option(names = "--top", defaultValue = "5", paramLabel = "PERCENT",
      description = "Share of each map whose threshold defines its top points, in %% (default: ${DEFAULT-VALUE}).")
  double top;

  @Option(names = "--no-cell-grids", description = "Do not write cells/<System>/level-N/grid.csv.")
  boolean noCellGrids;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    List<TernarySystem> targets = parseSystems();
    List<PruningLevel> levelList = PruningLevel.parseList(levels);
    try {
      TernaryGrid.of(targets.get(0), step);
    } catch (GfaInputException e) {
      throw new GfaInputException("grid " + e.getMessage());
    }
    new TernarySelection.Options(top, PruningStudyRun.candidateStep(step), List.of()); // refuses a bad share now
    PruningStudyRun.ModelChoice choice = new PruningStudyRun.ModelChoice(
        model == null ? null : model.modelParams, model == null ? null : model.budget, folds, learners);
    TrainingSource data = TrainingSource.of(this.data);
    PruningStudyRun.Request request = new PruningStudyRun.Request(data, targets, levelList, step, top, choice,
        !noCellGrids, common.seed(), common.workers(), common.maxDmax());
    PruningStudyRun.ModelSource source = PruningStudyRun.modelSource(request);
    List<Path> inputs = new ArrayList<>();
    inputs.add(this.data);
    if (model != null && model.modelParams != null) {
      inputs.addAll(model.modelParams);
    }
    output.check(inputs.toArray(Path[]::new));
    data.announce(spec.commandLine().getErr(), common.quiet());
    PruningStudyRun.Result result;
    try (Progress bar = Progress.start("study", targets.size() * levelList.size(), common)) {
      result = PruningStudyRun.run(request, source, new PruningStudy.Listener() {
        @Override
        public void cellStarted(TernarySystem system, PruningLevel level) {
          bar.message(system.name() + " level " + level.level());
        }

        @Override
        public void cellFinished(StudyCell cell) {
          bar.step(1);
        }
      });
    }
    if (!common.quiet() && !common.json()) {
      result.warnings().forEach(w -> spec.commandLine().getErr().println("gfa: warning: " + w));
      spec.commandLine().getErr().flush();
    }
    PruningStudyRun.publish(result, output.out(), output.replace(), start);
    report(result);
    return ExitCodes.OK;
  }

  private List<TernarySystem> parseSystems() {
    List<TernarySystem> out = new ArrayList<>();
    for (String text : systems) {
      TernarySystem s = TernarySystem.parse(text);
      for (TernarySystem earlier : out) {
        if (earlier.elementSet().equals(s.elementSet())) {
          throw new GfaInputException("--systems names " + earlier.name() + (earlier.name().equals(s.name()) ? "" : " and " + s.name())
              + " twice; give each system once");
        }
      }
      out.add(s);
    }
    return out;
  }

  private void report(PruningStudyRun.Result result) {
    StudyOutputs outputs = result.outputs();
    PrintWriter stdout = spec.commandLine().getOut();
    if (common.json()) {
      stdout.println(outputs.json(result.timings(), false));
      stdout.flush();
      return;
    }
    stdout.print(outputs.table());
    stdout.flush();
    if (!common.quiet()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "studied %d system%s x %d level%s in %.1f s; %s -> %s%n", outputs.systems(),
          outputs.systems() == 1 ? "" : "s", outputs.levels(), outputs.levels() == 1 ? "" : "s", result.timings().get("total"),
          result.source().note(), output.out());
      err.flush();
    }
  }
}
