package gfa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.cli.plot.TernaryFigure;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CsvTable;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.training.Ensemble;
import gfa.models.training.GfaModel;
import gfa.models.training.ModelStore;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingResult;
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
import java.util.concurrent.CompletableFuture;
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
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
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
  static final String GRID = "grid.csv";
  static final String CANDIDATES = "candidates.csv";
  static final String PNG = "ternary.png";
  static final String SVG = "ternary.svg";
  static final String SUMMARY = "summary.json";
  static final String MODEL = "model";

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

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Output directory to create (must not exist or be empty, unless --replace).")
  Path out;

  @Option(names = "--replace", description = "Replace an existing output directory.")
  boolean replace;

  @Option(names = "--step", defaultValue = "1", paramLabel = "AT%",
      description = "Grid step in at.%%, a divisor of 100 (default: ${DEFAULT-VALUE}).")
  int step;

  @Option(names = "--top", defaultValue = "5", paramLabel = "PERCENT",
      description = "Share of the grid whose threshold defines the top points, in %% (default: ${DEFAULT-VALUE}).")
  double top;

  @Option(names = "--candidate-step", defaultValue = "5", paramLabel = "AT%",
      description = "Lattice the candidates sit on, in at.%%: a divisor of 100 and a multiple of --step (default: ${DEFAULT-VALUE}).")
  int candidateStep;

  @Option(names = "--exclude", paramLabel = "FILE",
      description = "Alloys never to propose (e.g. lab results): CSV with a 'composition' column, or one formula per line.")
  Path exclude;

  @Mixin CommonOptions common;

  /** The model the grid is predicted with, and what to say about it. */
  private record Predictor(Featurizer featurizer, Ensemble ensemble, ObjectNode description, String title,
      List<String> warnings, TrainingResult trained, ObjectNode manifest, ObjectNode report, AutoCloseable owner) {}

  @Override
  public Integer call() throws Exception {
    // Before any AWT class loads: the maps are drawn without a display.
    System.setProperty("java.awt.headless", "true");
    long start = System.nanoTime();
    Map<String, Double> timings = new LinkedHashMap<>();
    // Fonts and the PNG writer load in the background while the model loads or trains.
    double[] warmUpSeconds = new double[1];
    Thread warmUp = Thread.ofPlatform().daemon().name("gfa-plot-warm-up").start(() -> {
      long w = System.nanoTime();
      TernaryFigure.warmUp();
      warmUpSeconds[0] = seconds(w);
    });

    TernarySystem target = TernarySystem.parse(system);
    TernaryGrid grid;
    try {
      grid = TernaryGrid.of(target, step);
    } catch (GfaInputException e) {
      throw new GfaInputException("grid " + e.getMessage());
    }
    if (candidateStep >= 1 && candidateStep % step != 0) {
      throw new GfaInputException("--candidate-step " + candidateStep + " is not a multiple of --step " + step
          + ", so its alloys would have no prediction");
    }
    Path model = source == null ? null : source.model;
    if (model != null && (level != null || budget != null || folds != null || learners != null)) {
      throw new GfaInputException("--level, --budget, --folds and --learners go with --data; a model given with --model is already trained");
    }
    OutputDirectory.check(out, replace, "(use --replace)", source == null ? null : source.model,
        source == null ? null : source.data, exclude);
    List<Composition> excluded = readExcluded();
    TernarySelection.Options options = new TernarySelection.Options(top, candidateStep, excluded);

    long t = System.nanoTime();
    Predictor predictor = model != null ? load(target) : train(target);
    timings.put(model != null ? "load_model" : "train", seconds(t));
    try {
      if (!common.quiet()) {
        for (String w : predictor.warnings()) {
          spec.commandLine().getErr().println("gfa: warning: " + w);
        }
        spec.commandLine().getErr().flush();
      }
      long pipelineStart = System.nanoTime();
      t = System.nanoTime();
      TernaryGrid g = grid;
      double[][] x = common.withThreads(() -> predictor.featurizer().featurizeAll(g.compositions()));
      timings.put("featurize", seconds(t));
      t = System.nanoTime();
      double[][] all = predictor.ensemble().predict(x);
      double[] predicted = all[all.length - 1];
      timings.put("predict", seconds(t));
      t = System.nanoTime();
      TernarySelection selection = TernarySelection.select(grid, predicted, options);
      timings.put("select", seconds(t));
      warmUp.join();
      timings.put("plot_warm_up", warmUpSeconds[0]);
      // The same drawing routine, rendered to PNG here and to SVG in a second thread.
      t = System.nanoTime();
      TernaryFigure figure = new TernaryFigure(selection, predictor.title());
      double[] svgSeconds = new double[1];
      CompletableFuture<String> svgDocument = CompletableFuture.supplyAsync(() -> {
        long s0 = System.nanoTime();
        String document = figure.svg();
        svgSeconds[0] = seconds(s0);
        return document;
      }, runnable -> Thread.ofPlatform().daemon().name("gfa-plot-svg").start(runnable));
      long p0 = System.nanoTime();
      byte[] png = figure.png();
      timings.put("plot_png", seconds(p0));
      String svg = svgDocument.join();
      timings.put("plot_svg", svgSeconds[0]);
      timings.put("plots", seconds(t));
      t = System.nanoTime();
      String gridCsv = gridTable(selection).toCsv();
      String candidatesCsv = candidatesTable(selection).toCsv();
      timings.put("tables", seconds(t));
      timings.put("grid_to_plots", seconds(pipelineStart));

      ObjectNode summary = summary(selection, predictor, timings);
      AtomicOutput.publishDirectory(out, replace, dir -> {
        long w = System.nanoTime();
        Files.writeString(dir.resolve(GRID), gridCsv);
        Files.writeString(dir.resolve(CANDIDATES), candidatesCsv);
        Files.write(dir.resolve(PNG), png);
        Files.writeString(dir.resolve(SVG), svg);
        if (predictor.trained() != null) {
          Path modelDir = Files.createDirectory(dir.resolve(MODEL));
          ModelStore.writeInto(modelDir, predictor.trained(), predictor.manifest(), predictor.report());
        }
        ObjectNode times = (ObjectNode) summary.get("timings");
        times.put("write", round(seconds(w)));
        times.put("total", round(seconds(start)));
        Files.writeString(dir.resolve(SUMMARY), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(summary) + "\n");
      });
      report(selection, summary, seconds(start));
    } finally {
      predictor.owner().close();
    }
    return ExitCodes.OK;
  }

  // ---------------------------------------------------------------- inputs


  private List<Composition> readExcluded() {
    if (exclude == null) {
      return List.of();
    }
    if (!Files.isRegularFile(exclude)) {
      throw new GfaInputException("exclude file not found: " + exclude);
    }
    CsvTable table = CsvTable.readCompositionList(exclude);
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

  /** A saved model; warns when it may have seen the ternary itself (category (v)). */
  private Predictor load(TernarySystem target) {
    GfaModel model = GfaModel.load(source.model, null, null);
    JsonNode manifest = model.stored().manifest();
    JsonNode pruning = manifest.path("pruning");
    List<String> warnings = new ArrayList<>();
    String title;
    int rows = manifest.path("data").path("rows").asInt();
    String file = manifest.path("data").path("file").asText("?");
    if (!pruning.isObject()) {
      warnings.add("model " + source.model + " was trained without pruning for " + target.name() + " (its manifest has no "
          + "pruning), so it may have seen alloys of " + target.name() + " itself (category (v)): the map is not a "
          + "prediction for an unexplored system. Train with '--system " + target.name() + "' or use --data for that.");
      title = target.name() + " \u2014 model not pruned for this system (" + rows + " alloys of " + file + ")";
    } else {
      String prunedFor = pruning.path("system").asText("");
      int prunedLevel = pruning.path("level").asInt();
      boolean same;
      try {
        same = TernarySystem.parse(prunedFor).elementSet().equals(target.elementSet());
      } catch (GfaInputException e) {
        same = false;
      }
      if (same) {
        title = target.name() + " \u2014 trained on subdataset " + prunedLevel + " (" + rows + " alloys of " + file + ")";
      } else {
        warnings.add("model " + source.model + " was pruned for " + prunedFor + ", not for " + target.name()
            + ", so it may have seen alloys of " + target.name() + " itself (category (v)): the map is not a "
            + "prediction for an unexplored system.");
        title = target.name() + " \u2014 model pruned for " + prunedFor + ", not for this system";
      }
    }
    ObjectNode description = new ObjectMapper().createObjectNode();
    description.put("source", "model");
    description.put("directory", source.model.toString());
    description.put("data_file", file);
    description.put("rows", rows);
    description.set("pruning", pruning.isObject() ? pruning.deepCopy() : null);
    ArrayNode ids = description.putArray("learners");
    model.learners().forEach(ids::add);
    return new Predictor(model.featurizer(), model.ensemble(), description, title, warnings, null, null, null, model::close);
  }

  /** Prunes the data for the system and trains as 'gfa train' does. */
  private Predictor train(TernarySystem target) throws Exception {
    PruningLevel pruningLevel = PruningLevel.of(level == null ? PruningLevel.RECOMMENDED.level() : level);
    TrainingOptions trainingOptions = ModelTraining.options(folds == null ? 5 : folds, budget, false, learners, common);
    Preset preset = Preset.GONG2024;
    MiedemaVersion miedema = MiedemaVersion.PAPER;
    Featurizer featurizer = Featurizer.of(preset, miedema);
    TrainingSource data = TrainingSource.of(source == null ? null : source.data);
    data.announce(spec.commandLine().getErr(), common);
    TrainingData training = ModelTraining.prepare(
        data, "D_max", featurizer, false, target, pruningLevel, trainingOptions, common);
    TrainingResult result = ModelTraining.run(training, trainingOptions, common);
    ObjectNode manifest = ModelTraining.manifest(result, trainingOptions,
        ModelTraining.provenance(data, training, "D_max", false, preset, miedema, target, pruningLevel), data);
    ObjectNode report = ModelStore.report(result);
    String file = data.fileName();
    String title = target.name() + " \u2014 trained on subdataset " + pruningLevel.level() + " (" + training.rows()
        + " alloys of " + file + ")";
    ObjectNode description = new ObjectMapper().createObjectNode();
    description.put("source", "data");
    description.put("directory", out.resolve(MODEL).toString());
    description.put("data_file", file);
    description.put("data_name", data.name());
    description.put("data_version", data.version());
    description.put("data_sha256", data.sha256());
    description.put("rows", training.rows());
    description.putObject("pruning").put("system", target.name()).put("level", pruningLevel.level());
    ArrayNode ids = description.putArray("learners");
    result.ensemble().learners().forEach(ids::add);
    description.put("cv_r2", result.fusion().r2());
    description.put("cv_rmse", result.fusion().rmse());
    Ensemble ensemble = result.ensemble();
    return new Predictor(featurizer, ensemble, description, title, List.of(), result, manifest, report, ensemble::close);
  }

  // ---------------------------------------------------------------- outputs

  /** grid.csv: composition, one at.% column per element, predicted_D_max, normalized, top. */
  static CsvTable gridTable(TernarySelection s) {
    TernaryGrid grid = s.grid();
    List<String> header = new ArrayList<>(List.of("composition"));
    grid.system().elements().forEach(e -> header.add(e.symbol()));
    header.addAll(List.of("predicted_D_max", "normalized", "top"));
    List<String[]> rows = new ArrayList<>(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      rows.add(new String[] {
          grid.composition(i).format(), Integer.toString(grid.a(i)), Integer.toString(grid.b(i)), Integer.toString(grid.c(i)),
          CsvTable.formatNumber(s.predicted(i)), CsvTable.formatNumber(s.normalized(i)), Boolean.toString(s.isTop(i)),
      });
    }
    return new CsvTable(header, rows);
  }

  /** candidates.csv: rank, composition, one at.% column per element, predicted_D_max, normalized, reason. */
  static CsvTable candidatesTable(TernarySelection s) {
    List<String> header = new ArrayList<>(List.of("rank", "composition"));
    s.grid().system().elements().forEach(e -> header.add(e.symbol()));
    header.addAll(List.of("predicted_D_max", "normalized", "reason"));
    List<String[]> rows = new ArrayList<>();
    for (Candidate c : s.candidates()) {
      int[] p = c.atPercent();
      rows.add(new String[] {
          Integer.toString(c.rank()), c.composition().format(), Integer.toString(p[0]), Integer.toString(p[1]),
          Integer.toString(p[2]), CsvTable.formatNumber(c.predicted()), CsvTable.formatNumber(c.normalized()), c.reason(),
      });
    }
    return new CsvTable(header, rows);
  }

  private ObjectNode summary(TernarySelection s, Predictor predictor, Map<String, Double> timings) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    TernaryGrid grid = s.grid();
    root.put("system", grid.system().name());
    ArrayNode elements = root.putArray("elements");
    grid.system().elements().forEach(e -> elements.add(e.symbol()));
    root.put("title", predictor.title());
    root.set("model", predictor.description());
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
    ex.put("file", exclude == null ? null : exclude.toString());
    ex.put("alloys", s.options().excluded().size());
    ex.put("on_grid", s.excludedOnGrid().length);
    ArrayNode candidates = root.putArray("candidates");
    for (Candidate c : s.candidates()) {
      ObjectNode node = candidates.addObject();
      node.put("rank", c.rank());
      node.put("composition", c.composition().format());
      ObjectNode at = node.putObject("at_percent");
      int[] amounts = c.atPercent();
      for (int k = 0; k < 3; k++) {
        at.put(grid.system().element(k).symbol(), amounts[k]);
      }
      node.put("predicted_D_max", c.predicted());
      node.put("normalized", c.normalized());
      node.put("reason", c.reason());
    }
    ArrayNode files = root.putArray("outputs");
    List.of(GRID, CANDIDATES, PNG, SVG, SUMMARY).forEach(files::add);
    if (predictor.trained() != null) {
      files.add(MODEL + "/");
    }
    ObjectNode times = root.putObject("timings");
    timings.forEach((k, v) -> times.put(k, round(v)));
    return root;
  }

  private void report(TernarySelection s, ObjectNode summary, double seconds) throws IOException {
    if (common.json()) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(new ObjectMapper().writeValueAsString(summary));
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
        seconds, out);
    err.flush();
  }

  private static String mm(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Seconds to the millisecond. */
  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
