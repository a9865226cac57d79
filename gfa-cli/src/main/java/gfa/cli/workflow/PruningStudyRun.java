package gfa.cli.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.core.concurrent.Workers;
import gfa.core.data.MiedemaVersion;
import gfa.core.dataset.DatasetReader;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CsvTable;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernarySelection;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.search.Budget;
import gfa.models.study.CellModel;
import gfa.models.study.PruningStudy;
import gfa.models.study.SystemStudy;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gfa study} as a plain computation: featurise the data once, run every (system, level)
 * cell of the pruning study ({@link PruningStudy}, whose maps come from the one ternary pipeline),
 * and render and publish its tables and figures ({@link StudyOutputs}).
 */
public final class PruningStudyRun {
  private PruningStudyRun() {}

  /**
   * Where each cell's model comes from. {@code modelParams} (one or more model directories, the
   * first that has a learner gives its parameters) reuses tuned hyperparameters; {@code budget}
   * runs a search per cell; neither refits the learners' defaults with equal weights.
   */
  public record ModelChoice(List<Path> modelParams, Integer budget, Integer folds, List<String> learners) {}

  public record Request(TrainingSource data, List<TernarySystem> systems, List<PruningLevel> levels, int step, double top,
      ModelChoice model, boolean cellGrids, long seed, Workers workers, double maxDmax) {
    /** Cells run side by side (SVR fits on one thread), each fit with its share of the threads. */
    public int parallelCells() {
      return Math.max(1, Math.min(workers.threads(), systems.size() * levels.size()));
    }

    public int threadsPerCell() {
      return Math.max(1, workers.threads() / parallelCells());
    }
  }

  /** What each cell's model is, and how the outputs say it. */
  public record ModelSource(CellModel cellModel, ObjectNode description, String note) {}

  /** The finished study, rendered and ready to publish. */
  public record Result(StudyOutputs outputs, StudyOutputs.Rendered rendered, ModelSource source, List<String> warnings,
      Map<String, Double> timings) {}

  /** Checks the model choice before anything is read. */
  public static ModelSource modelSource(Request request) {
    ModelChoice model = request.model();
    ObjectNode d = new ObjectMapper().createObjectNode();
    if (model.folds() != null && model.budget() == null) {
      throw new GfaInputException("--folds goes with --budget: only a search cross-validates");
    }
    if (model.budget() != null) {
      TrainingOptions o = ModelTraining.options(model.folds() == null ? 5 : model.folds(), model.budget(), false, model.learners(),
          request.seed(), request.workers().threads());
      TrainingOptions options = new TrainingOptions(o.folds(), o.seed(), request.threadsPerCell(), o.learnerBudget(),
          o.fusionBudget(), o.learners(), o.perLearner());
      d.put("source", "budget");
      d.put("trials_per_learner", model.budget());
      d.put("folds", options.folds());
      options.learners().forEach(d.putArray("learners")::add);
      String note = "every cell tuned by a full search of " + model.budget() + " trial" + (model.budget() == 1 ? "" : "s")
          + " per learner (" + String.join(", ", options.learners()) + "), " + options.folds() + "-fold CV";
      d.put("note", note);
      return withCells(new ModelSource(CellModel.tuned(options), d, note), request);
    }
    ModelParams params;
    String note;
    List<String> skipped = new ArrayList<>();
    if (model.modelParams() != null && !model.modelParams().isEmpty()) {
      List<ModelParams> sets = new ArrayList<>();
      model.modelParams().forEach(dir -> sets.add(ModelParams.read(dir)));
      ModelParams read = ModelParams.combine(sets);
      if (model.learners() != null) {
        read = read.restrictTo(checkedLearners(model.learners()));
      }
      ModelParams kept = read.withoutZeroWeights();
      params = kept;
      read.learners().stream().filter(id -> !kept.learners().contains(id)).forEach(skipped::add);
      String from = String.join(", ", model.modelParams().stream().map(Path::toString).toList());
      note = "hyperparameters and fusion weights reused from " + from + ": every cell is a refit of "
          + String.join(", ", params.learners()) + ", no search"
          + (skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + ": fusion weight 0, not fitted)");
      d.put("source", "model-params");
      d.put("directory", from);
    } else {
      List<String> ids = model.learners() == null ? TrainingOptions.paperLearners() : checkedLearners(model.learners());
      params = ModelParams.defaults(ids);
      note = "default hyperparameters of " + String.join(", ", ids) + " with equal fusion weights: every cell is a refit, "
          + "no search (use --model-params DIR to reuse tuned ones)";
      d.put("source", "defaults");
    }
    params.learners().forEach(d.putArray("learners")::add);
    skipped.forEach(d.putArray("not_fitted_zero_weight")::add);
    ObjectNode p = d.putObject("params");
    // typed: whole-numbered parameters are written as integers
    params.options().forEach((id, o) -> o.writeTo(p.putObject(id)));
    ObjectNode w = d.putObject("weights");
    params.learners().forEach(id -> w.put(id, params.weights().get(id)));
    d.put("note", note);
    return withCells(new ModelSource(CellModel.refit(params, request.seed(), request.threadsPerCell()), d, note), request);
  }

  private static ModelSource withCells(ModelSource source, Request request) {
    source.description().put("parallel_cells", request.parallelCells());
    source.description().put("threads_per_cell", request.threadsPerCell());
    return source;
  }

  private static List<String> checkedLearners(List<String> learners) {
    try {
      return new TrainingOptions(2, 0, 1, Budget.trials(1), Budget.trials(1), learners).learners();
    } catch (IllegalArgumentException e) {
      throw new GfaInputException("--learners: " + e.getMessage());
    }
  }

  /** The paper's 5 at.% candidate lattice, or the smallest coarser one the grid has points on. */
  public static int candidateStep(int step) {
    for (int c = Math.max(5, step); c <= 100; c++) {
      if (100 % c == 0 && c % step == 0) {
        return c;
      }
    }
    return 100;
  }

  /** Featurises the data once, runs every cell and renders the outputs. */
  public static Result run(Request request, ModelSource source, PruningStudy.Listener listener) throws Exception {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t = System.nanoTime();
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    DatasetReader reader = request.data().reader().withMaxDmax(request.maxDmax());
    TrainingData training = request.workers().call(() -> TrainingData.prepare(reader, "D_max", featurizer, false, null, null));
    timings.put("read_and_featurize", seconds(t));

    TernarySelection.Options selection =
        new TernarySelection.Options(request.top(), candidateStep(request.step()), List.of());
    PruningStudy.Settings settings = new PruningStudy.Settings(
        request.systems(), request.levels(), request.step(), selection, request.parallelCells());
    t = System.nanoTime();
    List<SystemStudy> result = request.workers().call(() -> PruningStudy.run(training.compositions(), training.x(),
        training.y(), training.columns(), featurizer, settings, source.cellModel(), listener));
    timings.put("cells", seconds(t));
    List<String> warnings = warnings(result, request.data());
    StudyOutputs outputs = new StudyOutputs(result, request.levels(), request.data(), training, source.description(),
        source.note(), request.seed(), request.workers().threads(), warnings, request.cellGrids());
    t = System.nanoTime();
    StudyOutputs.Rendered rendered = outputs.render();
    timings.put("plots_and_tables", seconds(t));
    return new Result(outputs, rendered, source, warnings, timings);
  }

  /** Systems whose reported alloys cannot rank a map: none at all, or all of one D_max. */
  private static List<String> warnings(List<SystemStudy> result, TrainingSource data) {
    List<String> warnings = new ArrayList<>();
    for (SystemStudy s : result) {
      if (s.reported().count() == 0) {
        warnings.add(s.system().name() + " has no reported alloys in " + data.fileName() + " (no row of exactly "
            + s.system().elementSet() + "): its maps are drawn, but rmse and overlap are empty");
      } else if (s.cells().get(0).agreement().reportedAllEqual()) {
        warnings.add(s.system().name() + ": its " + s.reported().count() + " reported alloy"
            + (s.reported().count() == 1 ? " has" : "s all have") + " D_max " + CsvTable.formatNumber(s.reported().max())
            + " mm, which ranks nothing; normalised to " + (s.reported().max() > 0 ? "1" : "0")
            + " (see docs/study.md), so its rmse rests on " + (s.reported().count() == 1 ? "one point" : "a tie"));
      }
    }
    return warnings;
  }

  /** Publishes the study into {@code out} at once; study.json records the timings. */
  public static void publish(Result result, Path out, boolean replace, long start) throws Exception {
    Map<String, Double> timings = result.timings();
    AtomicOutput.publishDirectory(out, replace, dir -> {
      long w = System.nanoTime();
      result.rendered().writeInto(dir);
      timings.put("write", seconds(w));
      timings.put("total", seconds(start));
      Files.writeString(dir.resolve(StudyOutputs.JSON), result.outputs().json(timings, true) + "\n");
    });
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
