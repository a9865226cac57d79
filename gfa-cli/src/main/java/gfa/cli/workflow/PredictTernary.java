package gfa.cli.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.concurrent.Workers;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CsvTable;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.models.training.JsonTrees;
import gfa.models.ternary.TernaryMap;
import gfa.models.ternary.Proposing;
import gfa.models.ternary.TernaryPrediction;
import gfa.models.ternary.Trust;
import gfa.core.campaign.WeighOut;
import gfa.core.ternary.Acquisition;
import gfa.core.ternary.BatchSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gfa predict-ternary} as a plain computation: get the model (load or train), predict the
 * grid and select from it ({@link TernaryPrediction}), draw the map, and publish the directory
 * (grid.csv, candidates.csv, the figures, summary.json and, for a model trained here, model/) all
 * at once.
 */
public final class PredictTernary {
  private PredictTernary() {}

  /**
   * @param grid the system's grid at the chosen step
   * @param selection the top share, candidate lattice and the alloys never to propose
   * @param excludeFile where those alloys came from (null: none), for the summary
   * @param proposing how the alloys to cast are chosen (acquisition, batch size, bounds)
   * @param interval the nominal level of the central interval, in % (90)
   * @param bmgThreshold the D_max (mm) p_bmg is the probability of reaching (1)
   * @param ingotGrams the ingot mass of the weigh-out sheet, or null for none
   */
  public record Request(TernaryGrid grid, TernarySelection.Options selection, Path excludeFile, Proposing proposing,
      double interval, double bmgThreshold, Double ingotGrams) {
    public Request {
      new Trust(null, interval / 100, bmgThreshold); // refuses a bad level or threshold before any work
      if (ingotGrams != null) {
        WeighOut.requireIngotGrams(ingotGrams);
      }
      checkProposing(grid, selection, proposing);
    }

    /** A request with no exclude file, built only to check its values (campaign init checks its options so). */
    public static Request checked(TernaryGrid grid, TernarySelection.Options selection, Proposing proposing, double interval,
        double bmgThreshold, Double ingotGrams) {
      return new Request(grid, selection, null, proposing, interval, bmgThreshold, ingotGrams);
    }

    /** The paper's request: its pair, the default interval and threshold, no weigh-out. */
    public static Request paper(TernaryGrid grid, TernarySelection.Options selection, Path excludeFile) {
      return new Request(grid, selection, excludeFile, Proposing.paper(grid.system()), 90, 1, null);
    }
  }

  /** The map, the model it came from, what was rendered and how long each step took. */
  public record Result(TernaryMap map, TernaryModel model, TernaryOutputs.Rendered rendered, Map<String, Double> timings) {
    public TernarySelection selection() {
      return map.selection();
    }
  }

  /**
   * Runs the pipeline. {@code model} loads or trains the model (its time is recorded as
   * {@code load_model} or {@code train}); the caller closes the result's model.
   *
   * @param warnings told the model's warnings before the grid is predicted
   */
  public static Result run(Request request, Callable<TernaryModel> model, boolean trains, Workers workers,
      java.util.function.Consumer<List<String>> warnings) throws Exception {
    Map<String, Double> timings = new LinkedHashMap<>();
    // fonts and the PNG writer warm up while a model trains; beside a model's load they only compete
    TernaryFigures.WarmUp warmUp = trains ? TernaryFigures.warmUp() : TernaryFigures.none();
    long t = System.nanoTime();
    TernaryModel predictor = model.call();
    timings.put(trains ? "train" : "load_model", TernaryFigures.seconds(t));
    try {
      warnings.accept(predictor.warnings());
      long pipelineStart = System.nanoTime();
      Acquisition rule = request.proposing().acquisition();
      if (predictor.calibration() == null && (rule.needsSigma() || rule.needsPBmg())) {
        throw new GfaInputException("--acquisition " + rule.id() + " needs the uncertainty of the predictions, and this model "
            + "has no calibration.json (train it again with 'gfa train', which calibrates it)");
      }
      Trust trust = predictor.calibration() == null ? null
          : new Trust(predictor.calibration(), request.interval() / 100, request.bmgThreshold(), predictor.knownDescriptors());
      TernaryMap untrusted = TernaryPrediction.predictBeforeTrust(predictor.featurizer(), predictor.ensemble(),
          request.grid(), request.selection(), request.proposing(), trust, workers);
      timings.put("featurize", untrusted.timings().featurize());
      timings.put("predict", untrusted.timings().predict());
      timings.put("select", untrusted.timings().select());
      timings.put("plot_warm_up", warmUp.join());
      // The candidates' trust reports and the tables need no figure: they are made on a thread of
      // their own while the figures are drawn (the PNG here, the SVG on a second thread).
      TrustAndTables side = new TrustAndTables(untrusted, predictor, request.ingotGrams(), workers);
      side.start();
      TernaryFigures figures;
      try {
        figures = TernaryFigures.draw(untrusted.selection(), untrusted.candidates(), predictor.title());
      } finally {
        side.join(); // never left running past the model's close, whatever the figures threw
      }
      timings.put("plot_png", figures.pngSeconds());
      timings.put("plot_svg", figures.svgSeconds());
      timings.put("plots", figures.seconds());
      side.finish();
      TernaryMap map = side.map;
      timings.put("trust", side.trustSeconds);
      TernaryOutputs.Rendered rendered = TernaryOutputs.Rendered.of(side.tables, figures);
      timings.put("tables", rendered.tableSeconds());
      timings.put("grid_to_plots", TernaryFigures.seconds(pipelineStart));
      return new Result(map, predictor, rendered, timings);
    } catch (Exception | Error e) {
      predictor.close();
      throw e;
    }
  }

  /** The candidates' trust reports, then the tables, on a thread beside the figures'. */
  private static final class TrustAndTables extends Thread {
    private final TernaryMap untrusted;
    private final TernaryModel predictor;
    private final Double ingotGrams;
    private final Workers workers;
    private TernaryMap map;
    private TernaryOutputs.Tables tables;
    private double trustSeconds;
    private Throwable failure;

    TrustAndTables(TernaryMap untrusted, TernaryModel predictor, Double ingotGrams, Workers workers) {
      super("gfa-trust-and-tables");
      setDaemon(true);
      this.untrusted = untrusted;
      this.predictor = predictor;
      this.ingotGrams = ingotGrams;
      this.workers = workers;
    }

    @Override
    public void run() {
      try {
        long t = System.nanoTime();
        map = TernaryPrediction.withCandidateTrust(untrusted, predictor.ensemble(), predictor.featurizer(), workers);
        trustSeconds = TernaryFigures.seconds(t);
        tables = TernaryOutputs.Tables.of(map, ingotGrams);
      } catch (Throwable e) {
        failure = e;
      }
    }

    /** Waits for the thread; rethrows what it threw. */
    void finish() throws Exception {
      join();
      if (failure instanceof Exception e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }
  }

  /**
   * Checks the lattice, the bounds and the batch size of a rule now, on no scores, so that a bad
   * one is refused before a model is trained: the same one-line errors the proposal would give.
   */
  public static void checkProposing(TernaryGrid grid, TernarySelection.Options selection, Proposing proposing) {
    if (!proposing.isPaperRule()) {
      BatchSelection.propose(grid, new double[grid.size()], "check", new BatchSelection.Options(proposing.candidates(),
          selection.candidateStep(), selection.topPercent(), BatchSelection.DEFAULT_SPACING, proposing.bounds(),
          selection.excluded(), proposing.pending()));
    }
  }

  /** Publishes the result into {@code out} at once and returns its summary.json. */
  public static ObjectNode publish(Result result, Request request, Path out, boolean replace, long start) throws Exception {
    ObjectNode summary = summary(result, request);
    AtomicOutput.publishDirectory(out, replace, dir -> {
      long w = System.nanoTime();
      result.rendered().writeInto(dir);
      if (result.model().trained() != null) {
        result.model().trained().writeInto(Files.createDirectory(dir.resolve(TernaryOutputs.MODEL)));
      }
      ObjectNode times = (ObjectNode) summary.get("timings");
      times.put("write", round(TernaryFigures.seconds(w)));
      times.put("total", round(TernaryFigures.seconds(start)));
      // written without an ObjectMapper (the same text): its set-up cost this command 40 ms (JsonTrees)
      Files.writeString(dir.resolve(TernaryOutputs.SUMMARY), JsonTrees.toPrettyString(summary) + "\n");
    });
    return summary;
  }

  /** The alloys never to propose: a CSV with a 'composition' column, or one formula per line. */
  public static List<Composition> readExcluded(Path file) {
    if (file == null) {
      return List.of();
    }
    if (!Files.isRegularFile(file)) {
      throw new GfaInputException("exclude file not found: " + file);
    }
    CsvTable table = CsvTable.readCompositionList(file);
    int column = table.requireColumn("composition");
    List<Composition> alloys = new ArrayList<>(table.rowCount());
    for (int r = 0; r < table.rowCount(); r++) {
      try {
        alloys.add(Composition.parse(table.cell(r, column)));
      } catch (GfaInputException e) {
        throw e.at(table.where(r));
      }
    }
    return alloys;
  }

  static ObjectNode summary(Result result, Request request) {
    TernarySelection s = result.selection();
    TernaryModel predictor = result.model();
    ObjectNode root = JsonTrees.object();
    TernaryGrid grid = s.grid();
    root.put("system", grid.system().name());
    ArrayNode elements = root.putArray("elements");
    grid.system().elements().forEach(e -> elements.add(e.symbol()));
    root.put("title", predictor.title());
    root.set("model", describe(predictor.description()));
    ArrayNode warnings = root.putArray("warnings");
    predictor.warnings().forEach(warnings::add);
    ObjectNode g = root.putObject("grid");
    g.put("step", grid.step());
    g.put("points", grid.size());
    g.put("interior", grid.interiorCount());
    ObjectNode p = root.putObject("predicted_D_max");
    p.put("min", s.min());
    p.put("max", s.max());
    p.put("argmax", grid.composition(s.argmax()).format());
    ObjectNode t = root.putObject("top");
    t.put("percent", s.options().topPercent());
    t.put("threshold_index", s.thresholdIndex());
    t.put("threshold", s.threshold());
    t.put("threshold_normalized", s.thresholdNormalized());
    t.put("count", s.topCount());
    t.put("fraction_of_grid", (double) s.topCount() / grid.size());
    ObjectNode regions = root.putObject("regions");
    regions.put("count", s.regions().count());
    ArrayNode sizes = regions.putArray("sizes");
    for (int size : s.regionSizes()) {
      sizes.add(size);
    }
    regions.put("largest", s.regionSizes().length == 0 ? 0 : s.regionSizes()[0]);
    root.put("candidate_step", s.options().candidateStep());
    ObjectNode ex = root.putObject("excluded");
    ex.put("file", request.excludeFile() == null ? null : request.excludeFile().toString());
    ex.put("alloys", s.options().excluded().size());
    ex.put("on_grid", s.excludedOnGrid().length);
    TernaryOutputs.putCandidates(root.putArray("candidates"), result.map(), request.ingotGrams());
    putProposing(root, result.map(), request);
    ArrayNode files = root.putArray("outputs");
    List.of(TernaryOutputs.GRID, TernaryOutputs.CANDIDATES, TernaryOutputs.PNG, TernaryOutputs.SVG, TernaryOutputs.SUMMARY)
        .forEach(files::add);
    if (predictor.trained() != null) {
      files.add(TernaryOutputs.MODEL + "/");
    }
    ObjectNode times = root.putObject("timings");
    result.timings().forEach((k, v) -> times.put(k, round(v)));
    return root;
  }

  /** How the candidates were chosen, and the calibration their intervals come from. */
  private static void putProposing(ObjectNode root, TernaryMap map, Request request) {
    Proposing p = request.proposing();
    ObjectNode a = root.putObject("acquisition");
    a.put("rule", p.acquisition().id());
    a.put("candidates", p.candidates());
    a.put("bounds", p.bounds().isEmpty() ? null : p.bounds().toString());
    a.put("kappa", p.parameters().kappa());
    a.put("best_measured", p.parameters().bestMeasured());
    a.put("pending", p.pending().size());
    if (map.trust() == null) {
      root.putNull("uncertainty");
    } else {
      ObjectNode u = root.putObject("uncertainty");
      u.put("interval_percent", request.interval());
      u.put("bmg_threshold_mm", request.bmgThreshold());
      u.put("calibrated_on", map.trust().calibration().calibration().calibratedOn());
      u.put("method", "split-conformal on out-of-fold residuals, normalised by the learners' spread (docs/trust.md)");
    }
  }

  /** summary.json's "model": for a saved model as its manifest says, for one trained here with the data and scores. */
  private static ObjectNode describe(TernaryModel.Description d) {
    ObjectNode node = JsonTrees.object();
    node.put("source", d.source());
    node.put("directory", d.directory().toString());
    node.put("data_file", d.dataFile());
    boolean trained = d.source().equals("data");
    if (trained) {
      node.put("data_name", d.dataName());
      node.put("data_version", d.dataVersion());
      node.put("data_sha256", d.dataSha256());
    }
    node.put("rows", d.rows());
    if (d.prunedFor() == null) {
      node.putNull("pruning");
    } else {
      node.putObject("pruning").put("system", d.prunedFor()).put("level", d.prunedLevel());
    }
    ArrayNode ids = node.putArray("learners");
    d.learners().forEach(ids::add);
    if (trained) {
      node.put("cv_r2", d.cvR2());
      node.put("cv_rmse", d.cvRmse());
    }
    return node;
  }

  /** Seconds to the millisecond. */
  static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
