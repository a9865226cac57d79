package gfa.cli;

import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.core.dataset.DatasetReader;
import gfa.core.io.AtomicOutput;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.study.CellModel;
import gfa.models.study.PruningStudy;
import gfa.models.study.StudyCell;
import gfa.models.study.SystemStudy;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@link PruningStudy}, the files are {@link StudyOutputs}.
 */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
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
          + "hyperparameters and fusion weights (no search: a 5x5 study takes minutes). With "
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

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Output directory to create (must not exist or be empty, unless --replace).")
  Path out;

  @Option(names = "--replace", description = "Replace an existing output directory.")
  boolean replace;

  static final class ModelChoice {
    @Option(names = "--model-params", required = true, paramLabel = "DIR",
        description = "Reuse the hyperparameters and fusion weights of this model directory (from 'gfa train'): "
            + "every cell is a refit, no search. The fast path.")
    Path modelParams;

    @Option(names = "--budget", required = true, paramLabel = "N",
        description = "A full TPE search of N trials per learner in every cell (slow).")
    Integer budget;
  }

  @ArgGroup(exclusive = true)
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
    // Before any AWT class loads: the figures are drawn without a display.
    System.setProperty("java.awt.headless", "true");
    long start = System.nanoTime();
    List<TernarySystem> targets = parseSystems();
    List<PruningLevel> levelList = PruningLevel.parseList(levels);
    try {
      TernaryGrid.of(targets.get(0), step);
    } catch (GfaInputException e) {
      throw new GfaInputException("grid " + e.getMessage());
    }
    TernarySelection.Options selection = new TernarySelection.Options(top, candidateStep(step), List.of());
    // SVR fits on one thread: cells side by side keep every core busy; each fit then gets its share
    int cells = targets.size() * levelList.size();
    int parallel = Math.max(1, Math.min(common.threads(), cells));
    int threadsPerCell = Math.max(1, common.threads() / parallel);
    ModelSource source = modelSource(threadsPerCell);
    source.description().put("parallel_cells", parallel);
    source.description().put("threads_per_cell", threadsPerCell);
    OutputDirectory.check(out, replace, "(use --replace)", data, model == null ? null : model.modelParams);
    TrainingSource dataSource = TrainingSource.of(data);
    dataSource.announce(spec.commandLine().getErr(), common);

    Map<String, Double> timings = new LinkedHashMap<>();
    long t = System.nanoTime();
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    DatasetReader reader = dataSource.reader().withMaxDmax(common.maxDmax());
    TrainingData training = common.withThreads(() -> TrainingData.prepare(reader, "D_max", featurizer, false, null, null));
    timings.put("read_and_featurize", seconds(t));

    PruningStudy.Settings settings = new PruningStudy.Settings(targets, levelList, step, selection, parallel);
    List<String> warnings = new ArrayList<>();
    t = System.nanoTime();
    List<SystemStudy> result;
    try (Progress bar = Progress.start("study", settings.cells(), common)) {
      PruningStudy.Listener listener = new PruningStudy.Listener() {
        @Override
        public void cellStarted(TernarySystem system, PruningLevel level) {
          bar.message(system.name() + " level " + level.level());
        }

        @Override
        public void cellFinished(StudyCell cell) {
          bar.step(1);
        }
      };
      result = common.withThreads(() -> PruningStudy.run(training.compositions(), training.x(), training.y(), training.columns(),
          featurizer, settings, source.cellModel(), listener));
    }
    timings.put("cells", seconds(t));
    for (SystemStudy s : result) {
      if (s.reported().count() == 0) {
        warnings.add(s.system().name() + " has no reported alloys in " + dataSource.fileName() + " (no row of exactly "
            + s.system().elementSet() + "): its maps are drawn, but rmse and overlap are empty");
      } else if (s.cells().get(0).agreement().reportedAllEqual()) {
        warnings.add(s.system().name() + ": its " + s.reported().count() + " reported alloy" + (s.reported().count() == 1 ? " has" : "s all have")
            + " D_max " + gfa.core.io.CsvTable.formatNumber(s.reported().max()) + " mm, which ranks nothing; normalised to "
            + (s.reported().max() > 0 ? "1" : "0") + " (see docs/study.md), so its rmse rests on "
            + (s.reported().count() == 1 ? "one point" : "a tie"));
      }
    }
    if (!common.quiet() && !common.json()) {
      warnings.forEach(w -> spec.commandLine().getErr().println("gfa: warning: " + w));
      spec.commandLine().getErr().flush();
    }

    StudyOutputs outputs = new StudyOutputs(result, levelList, dataSource, training, source.description(), source.note(),
        common.seed(), common.threads(), warnings, !noCellGrids);
    t = System.nanoTime();
    StudyOutputs.Rendered rendered = outputs.render();
    timings.put("plots_and_tables", seconds(t));
    AtomicOutput.publishDirectory(out, replace, dir -> {
      long w = System.nanoTime();
      rendered.writeInto(dir);
      timings.put("write", seconds(w));
      timings.put("total", seconds(start));
      Files.writeString(dir.resolve(StudyOutputs.JSON), outputs.json(timings, true) + "\n");
    });
    report(outputs, timings, source);
    return ExitCodes.OK;
  }

  // ---------------------------------------------------------------- inputs

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

  /** The paper's 5 at.% candidate lattice, or the smallest coarser one the grid has points on. */
  static int candidateStep(int step) {
    for (int c = Math.max(5, step); c <= 100; c++) {
      if (100 % c == 0 && c % step == 0) {
        return c;
      }
    }
    return 100;
  }

  /** Where each cell's model comes from, and how that is said in the outputs. */
  record ModelSource(CellModel cellModel, com.fasterxml.jackson.databind.node.ObjectNode description, String note) {}

  private ModelSource modelSource(int threadsPerCell) {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var d = json.createObjectNode();
    if (folds != null && (model == null || model.budget == null)) {
      throw new GfaInputException("--folds goes with --budget: only a search cross-validates");
    }
    if (model != null && model.budget != null) {
      TrainingOptions o = ModelTraining.options(folds == null ? 5 : folds, model.budget, false, learners, common);
      TrainingOptions options = new TrainingOptions(o.folds(), o.seed(), threadsPerCell, o.learnerBudget(), o.fusionBudget(),
          o.learners(), o.perLearner());
      d.put("source", "budget");
      d.put("trials_per_learner", model.budget);
      d.put("folds", options.folds());
      options.learners().forEach(d.putArray("learners")::add);
      String note = "every cell tuned by a full search of " + model.budget + " trial" + (model.budget == 1 ? "" : "s")
          + " per learner (" + String.join(", ", options.learners()) + "), " + options.folds() + "-fold CV";
      d.put("note", note);
      return new ModelSource(CellModel.tuned(options), d, note);
    }
    ModelParams params;
    String note;
    List<String> skipped = new ArrayList<>();
    if (model != null && model.modelParams != null) {
      ModelParams read = ModelParams.read(model.modelParams);
      if (learners != null) {
        read = read.restrictTo(checkedLearners());
      }
      params = read.withoutZeroWeights();
      read.learners().stream().filter(id -> !params.learners().contains(id)).forEach(skipped::add);
      note = "hyperparameters and fusion weights reused from " + model.modelParams + ": every cell is a refit of "
          + String.join(", ", params.learners()) + ", no search"
          + (skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + ": fusion weight 0, not fitted)");
      d.put("source", "model-params");
      d.put("directory", model.modelParams.toString());
    } else {
      List<String> ids = learners == null ? TrainingOptions.paperLearners() : checkedLearners();
      params = ModelParams.defaults(ids);
      note = "default hyperparameters of " + String.join(", ", ids) + " with equal fusion weights: every cell is a refit, "
          + "no search (use --model-params DIR to reuse tuned ones)";
      d.put("source", "defaults");
    }
    params.learners().forEach(d.putArray("learners")::add);
    skipped.forEach(d.putArray("not_fitted_zero_weight")::add);
    var p = d.putObject("params");
    params.params().forEach((id, values) -> {
      var node = p.putObject(id);
      values.forEach((k, v) -> node.put(k, ((Number) v).doubleValue()));
    });
    var w = d.putObject("weights");
    params.learners().forEach(id -> w.put(id, params.weights().get(id)));
    d.put("note", note);
    return new ModelSource(CellModel.refit(params, common.seed(), threadsPerCell), d, note);
  }

  private List<String> checkedLearners() {
    try {
      return new TrainingOptions(2, 0, 1, gfa.models.search.Budget.trials(1), gfa.models.search.Budget.trials(1), learners).learners();
    } catch (IllegalArgumentException e) {
      throw new GfaInputException("--learners: " + e.getMessage());
    }
  }


  // ---------------------------------------------------------------- outputs

  private void report(StudyOutputs outputs, Map<String, Double> timings, ModelSource source) {
    PrintWriter stdout = spec.commandLine().getOut();
    if (common.json()) {
      stdout.println(outputs.json(timings, false));
      stdout.flush();
      return;
    }
    stdout.print(outputs.table());
    stdout.flush();
    if (!common.quiet()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "studied %d system%s x %d level%s in %.1f s; %s -> %s%n", outputs.systems(),
          outputs.systems() == 1 ? "" : "s", outputs.levels(), outputs.levels() == 1 ? "" : "s", timings.get("total"),
          source.note(), out);
      err.flush();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
