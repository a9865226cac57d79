package gfa.cli;

import gfa.cli.workflow.ModelTraining;
import gfa.cli.workflow.PredictTernary;
import gfa.cli.workflow.TernaryModel;
import gfa.cli.workflow.TernaryOutputs;
import gfa.cli.workflow.TrainingSource;
import gfa.core.io.CsvTable;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.models.training.TrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gfa predict-ternary A-B-C}: predict D_max over the whole composition triangle of a
 * ternary system, select the top points and the two alloys to cast next (docs/method.md §6), and write
 * the grid, the candidates, the ternary maps and a summary into one directory.
 */
@Command(
    name = "predict-ternary",
    sortOptions = false,
    description = {
      "Predict D_max at every composition A_i B_j C_k (i + j + k = 100, in steps of --step at.%%, "
          + "corners and edges included: 5151 points at 1 at.%%), normalise within the system, take "
          + "the interior points above the top-5%% threshold (the value at index floor(0.95 N) of "
          + "the sorted predictions of all N points), and propose two alloys on the "
          + "--candidate-step lattice: the best one in the largest connected top region, then the "
          + "best of its six neighbours on that lattice. Alloys listed in --exclude are never "
          + "proposed.",
      "",
      "With --data (or neither option: the built-in default table), the data are first pruned for the system "
          + "(level 3 by default: the system is "
          + "predicted as an unexplored one) and a model is trained as 'gfa train' does; it is kept "
          + "in DIR/model/. With --model, a saved model is used; a warning says so when it was not "
          + "pruned for this system, since it may then have seen the ternary itself.",
      "",
      "DIR receives grid.csv, candidates.csv, ternary.png, ternary.svg and summary.json, all at "
          + "once: after an error no DIR is left behind. See docs/ternary.md.",
    })
public final class PredictTernaryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A-B-C",
      description = "The ternary system, e.g. Zr-Al-Cu; the grid and the plots keep this order.")
  String system;

  static final class Source {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR", description = "A model directory from 'gfa train'.")
    Path model;

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "FILE",
        description = "Training data (CSV with 'composition' and 'D_max'): prune, train, then predict. Without "
            + "--model and --data: gfa's built-in table of 5803 alloys from Ward et al. (2018), see docs/default-data.md.")
    Path data;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  @Option(names = "--level", paramLabel = "N",
      description = "With --data: pruning level 1..5 (default 3, the paper's choice).")
  Integer level;

  @Option(names = "--budget", paramLabel = "N",
      description = "With --data: TPE trials for every learner (default: as 'gfa train': " + ModelTraining.DEFAULT_BUDGET + ").")
  Integer budget;

  @Option(names = "--folds", paramLabel = "K", description = "With --data: CV folds (default 5).")
  Integer folds;

  @Option(names = "--learners", split = ",", paramLabel = "ID",
      description = "With --data: learners, comma-separated (default: svr,rf,xgboost,lightgbm).")
  List<String> learners;

  @Mixin OutputOptions output;

  @Mixin GridOptions gridOptions;

  @Option(names = "--exclude", paramLabel = "FILE",
      description = "Alloys never to propose (e.g. lab results): CSV with a 'composition' column, or one formula per line.")
  Path exclude;

  @Mixin ProposalOptions proposal;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    TernarySystem target = TernarySystem.parse(system);
    TernaryGrid grid = gridOptions.grid(target);
    gridOptions.selection(List.of()); // refuses a bad lattice or share before anything is read
    Path model = source == null ? null : source.model;
    Path data = source == null ? null : source.data;
    if (model != null && (level != null || budget != null || folds != null || learners != null)) {
      throw new gfa.core.GfaInputException(
          "--level, --budget, --folds and --learners go with --data; a model given with --model is already trained");
    }
    output.check(model, data, exclude);
    PredictTernary.Request request = new PredictTernary.Request(grid, gridOptions.selection(PredictTernary.readExcluded(exclude)),
        exclude, proposal.proposing(target, List.of(), 0), proposal.interval(), proposal.bmgThreshold(), proposal.ingotGrams());
    PredictTernary.Result result = PredictTernary.run(request,
        () -> model != null ? TernaryModel.load(model, target) : train(target, data), model == null, common.workers(),
        this::warn);
    try {
      var summary = PredictTernary.publish(result, request, output.out(), output.replace(), start);
      report(result.selection(), summary, (System.nanoTime() - start) / 1e9);
    } finally {
      result.model().close();
    }
    return ExitCodes.OK;
  }

  private TernaryModel train(TernarySystem target, Path data) {
    PruningLevel pruningLevel = PruningLevel.of(level == null ? PruningLevel.RECOMMENDED.level() : level);
    TrainingOptions options = ModelTraining.options(folds == null ? 5 : folds, budget, false, learners, common.seed(), common.threads());
    TrainingSource source = TrainingSource.of(data);
    source.announce(spec.commandLine().getErr(), common.quiet());
    try (SearchProgress progress = new SearchProgress(common)) {
      return TernaryModel.train(new TernaryModel.TrainingRequest(source, pruningLevel, options, common.maxDmax(),
          output.out().resolve(TernaryOutputs.MODEL)), target, progress);
    }
  }

  private void warn(List<String> warnings) {
    if (!common.quiet()) {
      warnings.forEach(w -> spec.commandLine().getErr().println("gfa: warning: " + w));
      spec.commandLine().getErr().flush();
    }
  }

  private void report(TernarySelection s, Object summary, double seconds) throws Exception {
    if (common.json()) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(summary));
      stdout.flush();
      return;
    }
    if (common.quiet()) {
      return;
    }
    List<Candidate> c = s.candidates();
    int largest = s.regionSizes().length == 0 ? 0 : s.regionSizes()[0];
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%s: %d of %d points in the top %s%% (largest region %d); candidates 1 %s (%s mm), 2 %s (%s mm) in %.1f s -> %s%n",
        s.grid().system().name(), s.topCount(), s.grid().size(), CsvTable.formatNumber(s.options().topPercent()), largest,
        c.get(0).composition().format(), mm(c.get(0).predicted()), c.get(1).composition().format(), mm(c.get(1).predicted()),
        seconds, output.out());
    err.flush();
  }

  private static String mm(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
