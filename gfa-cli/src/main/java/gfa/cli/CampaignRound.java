package gfa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.cli.plot.TernaryFigure;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.campaign.LabResult;
import gfa.core.campaign.LabResults;
import gfa.core.campaign.Ledger;
import gfa.core.data.ElementData;
import gfa.core.data.MiedemaVersion;
import gfa.core.dataset.DatasetReader;
import gfa.core.io.CsvTable;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.Candidate;
import gfa.core.ternary.ConnectedRegions;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.eval.Folds;
import gfa.models.training.Ensemble;
import gfa.models.training.ModelParams;
import gfa.models.training.ModelStore;
import gfa.models.training.Provenance;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingResult;
import gfa.models.training.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One iteration of a campaign, computed in memory and then written into a directory: the
 * training rows (the base data pruned for the system, plus every lab result so far), the model
 * (tuned, or with the hyperparameters of the previous iteration), the grid prediction, the top
 * region, two new candidates that were never measured, the map and a summary.
 */
final class CampaignRound {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What fixes a round besides the lab results: read from campaign.json. */
  record Settings(TernarySystem system, PruningLevel level, long seed, int folds, Integer budget, boolean paper,
      List<String> learners, int step, double top, int candidateStep, String dataFile, String dataSha256) {

    static Settings of(JsonNode s) {
      List<String> learners = new ArrayList<>();
      s.path("learners").forEach(n -> learners.add(n.asText()));
      JsonNode budget = s.path("budget");
      return new Settings(TernarySystem.parse(s.path("system").asText()), PruningLevel.of(s.path("level").asInt()),
          s.path("seed").asLong(), s.path("folds").asInt(), budget.isNumber() ? budget.asInt() : null,
          s.path("paper").asBoolean(), learners, s.path("grid_step").asInt(), s.path("top_percent").asDouble(),
          s.path("candidate_step").asInt(), s.path("data").path("file").asText(), s.path("data").path("sha256").asText());
    }

    void writeTo(ObjectNode s) {
      s.put("system", system.name());
      s.put("level", level.level());
      s.put("seed", seed);
      s.put("folds", folds);
      if (budget == null) {
        s.putNull("budget");
      } else {
        s.put("budget", budget);
      }
      s.put("paper", paper);
      ArrayNode ids = s.putArray("learners");
      learners.forEach(ids::add);
      s.put("grid_step", step);
      s.put("top_percent", top);
      s.put("candidate_step", candidateStep);
      s.putObject("descriptors").put("preset", OptionValues.name(Preset.GONG2024))
          .put("miedema", OptionValues.name(MiedemaVersion.PAPER)).put("tables_version", ElementData.standard().version());
    }
  }

  /** A test hook: called at named steps so that a test can stop the process there. */
  interface Checkpoint {
    void reached(String step);

    Checkpoint NONE = step -> {};
  }

  final int iteration;
  final Settings settings;
  final TernarySelection selection;
  final TrainingResult result;
  final ObjectNode manifest;
  final ObjectNode report;
  final ObjectNode summary;
  final String gridCsv;
  final String candidatesCsv;
  final byte[] png;
  final String svg;
  final LabResults newResults;

  private CampaignRound(int iteration, Settings settings, TernarySelection selection, TrainingResult result,
      ObjectNode manifest, ObjectNode report, ObjectNode summary, String gridCsv, String candidatesCsv, byte[] png,
      String svg, LabResults newResults) {
    this.iteration = iteration;
    this.settings = settings;
    this.selection = selection;
    this.result = result;
    this.manifest = manifest;
    this.report = report;
    this.summary = summary;
    this.gridCsv = gridCsv;
    this.candidatesCsv = candidatesCsv;
    this.png = png;
    this.svg = svg;
    this.newResults = newResults;
  }

  /**
   * Computes iteration {@code iteration}.
   *
   * @param baseData the campaign's copy of the base data (at iteration 0, the data it is made from)
   * @param ledger every lab result up to and including this iteration's
   * @param newResults the results this iteration records (null for iteration 0)
   * @param resultsFile the name of the file they came from (null for iteration 0)
   * @param kind whether they are new results or corrections of earlier ones
   * @param fixed hyperparameters to reuse, or null to tune with the campaign's budget
   * @param paramsFrom where {@code fixed} came from, for the record
   */
  static CampaignRound compute(int iteration, Settings settings, TrainingSource baseData, Ledger ledger, LabResults newResults,
      String resultsFile, Ledger.Kind kind, ModelParams fixed, String paramsFrom, CommonOptions common) throws Exception {
    Preset preset = Preset.GONG2024;
    MiedemaVersion miedema = MiedemaVersion.PAPER;
    Featurizer featurizer = Featurizer.of(preset, miedema);
    TernarySystem system = settings.system();
    TrainingOptions options = ModelTraining.options(settings.folds(), settings.budget(), settings.paper(), settings.learners(), common)
        .withSeed(settings.seed());
    TrainingData base = ModelTraining.prepare(baseData, "D_max", featurizer, false, system, settings.level(), options, common);
    if (!base.dataset().sourceSha256().equals(settings.dataSha256())) {
      throw new GfaInputException(baseData + " has changed since the campaign began (SHA-256 " + base.dataset().sourceSha256()
          + ", recorded " + settings.dataSha256() + "); a campaign's base data are fixed");
    }
    Map<Composition, Double> labels = ledger.labels();
    TrainingData training = common.withThreads(() -> base.plus(new ArrayList<>(labels.keySet()),
        labels.values().stream().mapToDouble(Double::doubleValue).toArray(), featurizer));

    TrainingResult result;
    Folds folds = Folds.shuffled(training.rows(), options.folds(), options.seed());
    try (ModelTraining.SearchProgress progress = new ModelTraining.SearchProgress(common)) {
      result = common.withThreads(() -> fixed == null
          ? TrainingRun.run(training.columns(), training.x(), training.y(), folds, options, progress)
          : TrainingRun.runWithParams(training.columns(), training.x(), training.y(), folds, options, fixed, progress));
    }
    try {
      TernaryGrid grid = TernaryGrid.of(system, settings.step());
      Ensemble ensemble = result.ensemble();
      double[][] x = common.withThreads(() -> featurizer.featurizeAll(grid.compositions()));
      double[][] all = ensemble.predict(x);
      double[] predicted = all[all.length - 1];
      TernarySelection selection = TernarySelection.select(grid, predicted,
          new TernarySelection.Options(settings.top(), settings.candidateStep(), ledger.measured()));

      Provenance provenance = new Provenance(GfaVersion.version(), CampaignDirectory.BASE_DATA, settings.dataSha256(),
          training.rows(), "D_max", "computed", OptionValues.name(preset), OptionValues.name(miedema),
          ElementData.standard().version(), system.name(), settings.level().level());
      ObjectNode manifest = ModelStore.manifest(result, options, provenance);
      ObjectNode campaign = manifest.putObject("campaign");
      campaign.put("iteration", iteration);
      campaign.put("base_rows", base.rows());
      campaign.put("lab_alloys", labels.size());
      campaign.put("hyperparameters", fixed == null ? "tuned" : "reused from " + paramsFrom);
      ObjectNode report = ModelStore.report(result);

      String title = system.name() + " \u2014 campaign iteration " + iteration + " (" + base.rows() + " alloys of subdataset "
          + settings.level().level() + " + " + labels.size() + " lab result" + (labels.size() == 1 ? "" : "s") + ")";
      TernaryFigure figure = new TernaryFigure(selection, title);
      byte[] png = figure.png();
      String svg = figure.svg();
      ObjectNode summary = summary(iteration, settings, selection, result, base.rows(), training.rows(), labels.size(),
          newResults, resultsFile, kind, ledger, fixed == null ? "tuned" : "reused from " + paramsFrom);
      return new CampaignRound(iteration, settings, selection, result, manifest, report, summary,
          PredictTernaryCommand.gridTable(selection).toCsv(), PredictTernaryCommand.candidatesTable(selection).toCsv(),
          png, svg, newResults);
    } catch (Exception | Error e) {
      result.ensemble().close();
      throw e;
    }
  }

  /** Writes the iteration's files into an empty directory. */
  void writeInto(Path dir, Checkpoint checkpoint) throws IOException {
    Files.writeString(dir.resolve(PredictTernaryCommand.GRID), gridCsv);
    Files.writeString(dir.resolve(PredictTernaryCommand.CANDIDATES), candidatesCsv);
    Files.write(dir.resolve(PredictTernaryCommand.PNG), png);
    Files.writeString(dir.resolve(PredictTernaryCommand.SVG), svg);
    checkpoint.reached("iteration-half-written");
    Path modelDir = Files.createDirectory(dir.resolve(CampaignDirectory.MODEL));
    ModelStore.writeInto(modelDir, result, manifest, report);
    if (newResults != null) {
      Files.writeString(dir.resolve(CampaignDirectory.RESULTS), resultsTable(newResults).toCsv());
    }
    Files.writeString(dir.resolve(CampaignDirectory.SUMMARY), JSON.writeValueAsString(summary) + "\n");
  }

  /** The results an iteration recorded, in the lab's own columns. */
  static CsvTable resultsTable(LabResults results) {
    List<String[]> rows = new ArrayList<>();
    for (LabResult r : results.results()) {
      rows.add(new String[] {r.composition().format(), r.outcome().label(),
          Double.isNaN(r.dmaxMm()) ? "" : CsvTable.formatNumber(r.dmaxMm()), r.note()});
    }
    return new CsvTable(List.of(LabResults.COMPOSITION, LabResults.OUTCOME, LabResults.DMAX, LabResults.NOTE), rows);
  }

  private static ObjectNode summary(int iteration, Settings settings, TernarySelection s, TrainingResult result,
      int baseRows, int rows, int labAlloys, LabResults newResults, String resultsFile, Ledger.Kind kind, Ledger ledger,
      String hyperparameters) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    TernaryGrid grid = s.grid();
    root.put("iteration", iteration);
    root.put("system", grid.system().name());
    ObjectNode training = root.putObject("training");
    training.put("rows", rows);
    training.put("base_rows", baseRows);
    training.put("lab_alloys", labAlloys);
    training.put("level", settings.level().level());
    training.put("hyperparameters", hyperparameters);
    training.put("cv_r2", result.fusion().r2());
    training.put("cv_rmse", result.fusion().rmse());
    ObjectNode results = root.putObject("results");
    if (newResults == null) {
      results.putNull("file");
      results.putNull("sha256");
      results.put("alloys", 0);
    } else {
      results.put("file", resultsFile);
      results.put("sha256", newResults.sha256());
      results.put("alloys", newResults.results().size());
      results.put("kind", kind.label());
    }
    // The iteration's own record of the campaign it belongs to and of the ledger as it leaves it
    // (CampaignVerifier checks both): a line changed or removed later no longer matches.
    ObjectNode integrity = root.putObject("integrity");
    integrity.put("campaign_sha256", ledger.anchor());
    integrity.put("ledger_lines", ledger.size());
    integrity.put("ledger_head_sha256", ledger.head());
    ObjectNode p = root.putObject("predicted_D_max");
    p.put("min", s.min());
    p.put("max", s.max());
    p.put("argmax", grid.composition(s.argmax()).format());
    putAtPercent(p.putObject("argmax_at_percent"), grid, grid.atPercent(s.argmax()));
    ObjectNode top = root.putObject("top");
    top.put("percent", s.options().topPercent());
    top.put("threshold", s.threshold());
    top.put("count", s.topCount());
    top.put("regions", s.regions().count());
    top.put("largest", s.regionSizes().length == 0 ? 0 : s.regionSizes()[0]);
    s.largestRegion().ifPresent(region -> putAtPercent(top.putObject("largest_centroid"), grid, centroid(grid, region)));
    root.put("excluded_measured_alloys", s.options().excluded().size());
    ArrayNode candidates = root.putArray("candidates");
    for (Candidate c : s.candidates()) {
      ObjectNode node = candidates.addObject();
      node.put("rank", c.rank());
      node.put("composition", c.composition().format());
      putAtPercent(node.putObject("at_percent"), grid, c.atPercent());
      node.put("predicted_D_max", c.predicted());
      node.put("normalized", c.normalized());
      node.put("reason", c.reason());
    }
    return root;
  }

  /** The mean position of a region's points, in at.% (one decimal). */
  static double[] centroid(TernaryGrid grid, ConnectedRegions.Region region) {
    double[] sum = new double[3];
    for (int i : region.indices()) {
      int[] p = grid.atPercent(i);
      for (int k = 0; k < 3; k++) {
        sum[k] += p[k];
      }
    }
    for (int k = 0; k < 3; k++) {
      sum[k] = Math.round(10 * sum[k] / region.size()) / 10.0;
    }
    return sum;
  }

  private static void putAtPercent(ObjectNode node, TernaryGrid grid, int[] amounts) {
    for (int k = 0; k < 3; k++) {
      node.put(grid.system().element(k).symbol(), amounts[k]);
    }
  }

  private static void putAtPercent(ObjectNode node, TernaryGrid grid, double[] amounts) {
    for (int k = 0; k < 3; k++) {
      node.put(grid.system().element(k).symbol(), amounts[k]);
    }
  }

  /** Where this round's hyperparameters came from when reused: the previous iteration's model. */
  static ModelParams previousParams(CampaignDirectory campaign, int previous) {
    return ModelParams.read(campaign.iteration(previous).resolve(CampaignDirectory.MODEL));
  }
}
