package gfa.cli.campaign;

import gfa.cli.workflow.GfaBuild;
import gfa.cli.workflow.ModelTraining;
import gfa.cli.workflow.TernaryFigures;
import gfa.cli.workflow.TernaryOutputs;
import gfa.cli.workflow.TrainModel;
import gfa.cli.workflow.TrainingSource;
import gfa.core.campaign.NotCast;
import gfa.core.campaign.PendingProposals;
import gfa.core.ternary.Acquisition;
import gfa.core.ternary.CompositionBounds;
import gfa.models.eval.CvScheme;
import gfa.models.eval.SystemGroups;
import gfa.models.ternary.Proposing;
import gfa.models.ternary.Trust;
import gfa.models.training.Generalisation;
import gfa.models.uncertainty.CalibrationReport;
import gfa.models.uncertainty.CalibrationStore;
import gfa.models.uncertainty.KnownDescriptors;
import gfa.models.training.GfaModel;
import gfa.models.uncertainty.TrainingCalibration;
import gfa.core.concurrent.Workers;
import gfa.models.ternary.TernaryMap;
import gfa.models.ternary.TernaryPrediction;
import gfa.models.training.TrainingListener;
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
public final class CampaignIteration {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * How a campaign chooses what to cast and how it states its trust (docs/acquisition.md): the
   * acquisition rule, the batch size, the bounds every proposal respects, the interval level (%),
   * the BMG threshold (mm) of p_bmg, and the ingot mass of the weigh-out sheet (null: none).
   */
  public record Choice(String acquisition, int candidates, String bounds, double interval, double bmgThreshold, Double ingotGrams) {
    /** The paper's rule, as campaigns made before these settings existed used. */
    public static final Choice PAPER = new Choice("top", 2, null, 90, 1, null);

    static Choice of(JsonNode s) {
      JsonNode c = s.path("proposals");
      if (!c.isObject()) {
        return PAPER;
      }
      return new Choice(c.path("acquisition").asText("top"), c.path("candidates").asInt(2),
          c.path("bounds").isTextual() ? c.path("bounds").asText() : null, c.path("interval_percent").asDouble(90),
          c.path("bmg_threshold_mm").asDouble(1), c.path("ingot_grams").isNumber() ? c.path("ingot_grams").asDouble() : null);
    }

    void writeTo(ObjectNode s) {
      ObjectNode c = s.putObject("proposals");
      c.put("acquisition", acquisition);
      c.put("candidates", candidates);
      c.put("bounds", bounds);
      c.put("interval_percent", interval);
      c.put("bmg_threshold_mm", bmgThreshold);
      c.put("ingot_grams", ingotGrams);
    }

    /** The rule for {@code system}, never proposing {@code pending}; EI improves on {@code bestMeasured}. */
    public Proposing proposing(TernarySystem system, List<Composition> pending, double bestMeasured) {
      CompositionBounds limits = bounds == null ? CompositionBounds.none(system) : CompositionBounds.parse(bounds, system);
      return new Proposing(Acquisition.parse(acquisition), new Acquisition.Parameters(Acquisition.DEFAULT_KAPPA, bestMeasured),
          candidates, limits, pending);
    }
  }

  /** What fixes a round besides the lab results: read from campaign.json. */
  public record Settings(TernarySystem system, PruningLevel level, long seed, int folds, Integer budget, boolean paper,
      List<String> learners, int step, double top, int candidateStep, String dataFile, String dataSha256, Choice choice) {

    public static Settings of(JsonNode s) {
      List<String> learners = new ArrayList<>();
      s.path("learners").forEach(n -> learners.add(n.asText()));
      JsonNode budget = s.path("budget");
      return new Settings(TernarySystem.parse(s.path("system").asText()), PruningLevel.of(s.path("level").asInt()),
          s.path("seed").asLong(), s.path("folds").asInt(), budget.isNumber() ? budget.asInt() : null,
          s.path("paper").asBoolean(), learners, s.path("grid_step").asInt(), s.path("top_percent").asDouble(),
          s.path("candidate_step").asInt(), s.path("data").path("file").asText(), s.path("data").path("sha256").asText(),
          Choice.of(s));
    }

    /** The same settings with another choice (an iterate that overrides the campaign's rule). */
    public Settings with(Choice other) {
      return new Settings(system, level, seed, folds, budget, paper, learners, step, top, candidateStep, dataFile, dataSha256, other);
    }

    public void writeTo(ObjectNode s) {
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
      s.putObject("descriptors").put("preset", Preset.GONG2024.name().toLowerCase(java.util.Locale.ROOT))
          .put("miedema", MiedemaVersion.PAPER.id()).put("tables_version", ElementData.standard().version());
      choice.writeTo(s);
    }
  }

  /**
   * How an iteration runs, as plain values: the thread budget, the largest D_max believed in a
   * file, and who hears of the searches (a progress bar, or nobody).
   */
  public record Run(Workers workers, double maxDmax, TrainingListener listener) {}

  /** A test hook: called at named steps so that a test can stop the process there. */
  public interface Checkpoint {
    void reached(String step);

    Checkpoint NONE = step -> {};
  }

  public final int iteration;
  public final Settings settings;
  public final TernarySelection selection;
  public final TrainingResult result;
  public final ObjectNode manifest;
  public final ObjectNode report;
  public final ObjectNode summary;
  public final TernaryOutputs.Rendered rendered;
  public final LabResults newResults;
  public final TrainingCalibration calibration;

  private CampaignIteration(int iteration, Settings settings, TernarySelection selection, TrainingResult result,
      ObjectNode manifest, ObjectNode report, ObjectNode summary, TernaryOutputs.Rendered rendered, LabResults newResults,
      TrainingCalibration calibration) {
    this.calibration = calibration;
    this.iteration = iteration;
    this.settings = settings;
    this.selection = selection;
    this.result = result;
    this.manifest = manifest;
    this.report = report;
    this.summary = summary;
    this.rendered = rendered;
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
   * @param pending the alloys proposed earlier and not yet reported (empty at iteration 0)
   */
  public static CampaignIteration compute(int iteration, Settings settings, TrainingSource baseData, Ledger ledger, LabResults newResults,
      String resultsFile, Ledger.Kind kind, ModelParams fixed, String paramsFrom, PendingProposals pending, Run run)
      throws Exception {
    Preset preset = Preset.GONG2024;
    MiedemaVersion miedema = MiedemaVersion.PAPER;
    Featurizer featurizer = Featurizer.of(preset, miedema);
    TernarySystem system = settings.system();
    TrainingOptions options = ModelTraining.options(settings.folds(), settings.budget(), settings.paper(), settings.learners(),
        settings.seed(), run.workers().threads());
    TrainingData base = ModelTraining.prepare(baseData, "D_max", featurizer, false, system, settings.level(), options, run.maxDmax());
    if (!base.dataset().sourceSha256().equals(settings.dataSha256())) {
      throw new GfaInputException(baseData + " has changed since the campaign began (SHA-256 " + base.dataset().sourceSha256()
          + ", recorded " + settings.dataSha256() + "); a campaign's base data are fixed");
    }
    Map<Composition, Double> labels = ledger.labels();
    TrainingData training = run.workers().call(() -> base.plus(new ArrayList<>(labels.keySet()),
        labels.values().stream().mapToDouble(Double::doubleValue).toArray(), featurizer));

    Folds folds = Folds.shuffled(training.rows(), options.folds(), options.seed());
    // calibrated on leave-system-out folds, as 'gfa train' calibrates (docs/trust.md)
    String[] groups = SystemGroups.of(training.compositions());
    Folds second = Generalisation.secondFolds(groups, CvScheme.RANDOM, true, folds.count(), options.seed());
    TrainingResult result = ModelTraining.run(training, options, folds, second, fixed, run.listener());
    try {
      Generalisation generalisation = ModelTraining.generalisation(
          result, training, groups, CvScheme.RANDOM, true, options, run.listener());
      TrainingCalibration calibration = TrainModel.calibrate(
          result, training, groups, CvScheme.RANDOM, folds, generalisation, options.seed());
      Choice choice = settings.choice();
      Trust trust = new Trust(calibration.record(), choice.interval() / 100, choice.bmgThreshold());
      PendingProposals.Settlement settled = pending.settle(newResults == null ? List.of()
          : newResults.results().stream().map(LabResult::composition).toList(), newResults == null ? List.of() : newResults.notCast());
      Proposing proposing = choice.proposing(system, settled.pending().compositions(),
          Acquisition.bestMeasured(labels.values().stream().mapToDouble(Double::doubleValue).toArray()));
      TernaryGrid grid = TernaryGrid.of(system, settings.step());
      TernaryMap map = TernaryPrediction.predict(featurizer, result.ensemble(), grid,
          new TernarySelection.Options(settings.top(), settings.candidateStep(), ledger.measured()), proposing, trust,
          run.workers());
      TernarySelection selection = map.selection();
      PendingProposals after = settled.pending().propose(iteration,
          map.candidates().stream().map(gfa.core.ternary.Candidate::composition).toList(), ledger.measured());

      Provenance provenance = new Provenance(GfaBuild.version(), CampaignStore.BASE_DATA, settings.dataSha256(),
          training.rows(), "D_max", "computed", preset.name().toLowerCase(java.util.Locale.ROOT), miedema.id(),
          ElementData.standard().version(), system.name(), settings.level().level());
      ObjectNode manifest = ModelStore.manifest(result, options, provenance);
      ObjectNode campaign = manifest.putObject("campaign");
      campaign.put("iteration", iteration);
      campaign.put("base_rows", base.rows());
      campaign.put("lab_alloys", labels.size());
      campaign.put("hyperparameters", fixed == null ? "tuned" : "reused from " + paramsFrom);
      ObjectNode report = ModelStore.report(result);
      generalisation.addTo(report);
      CalibrationReport.addTo(report, calibration);
      manifest.putObject("calibration").put("file", CalibrationStore.FILE)
          .put("calibrated_on", calibration.record().calibration().calibratedOn());

      String title = system.name() + " \u2014 campaign iteration " + iteration + " (" + base.rows() + " alloys of subdataset "
          + settings.level().level() + " + " + labels.size() + " lab result" + (labels.size() == 1 ? "" : "s") + ")";
      TernaryOutputs.Rendered rendered = TernaryOutputs.Rendered.of(
          map, TernaryFigures.draw(selection, map.candidates(), title), choice.ingotGrams());
      ObjectNode summary = summary(iteration, settings, map, result, base.rows(), training.rows(), labels.size(),
          newResults, resultsFile, kind, ledger, fixed == null ? "tuned" : "reused from " + paramsFrom, settled, after);
      return new CampaignIteration(iteration, settings, selection, result, manifest, report, summary, rendered, newResults,
          calibration);
    } catch (Exception | Error e) {
      result.ensemble().close();
      throw e;
    }
  }

  /** Writes the iteration's files into an empty directory. */
  public void writeInto(Path dir, Checkpoint checkpoint) throws IOException {
    rendered.writeInto(dir);
    checkpoint.reached("iteration-half-written");
    Path modelDir = Files.createDirectory(dir.resolve(CampaignStore.MODEL));
    ModelStore.writeInto(modelDir, result, manifest, report);
    CalibrationStore.write(modelDir, calibration.record());
    KnownDescriptors.write(modelDir, calibration.record(), GfaModel.featurizerOf(manifest));
    if (newResults != null) {
      Files.writeString(dir.resolve(CampaignStore.RESULTS), resultsTable(newResults).toCsv());
    }
    Files.writeString(dir.resolve(CampaignStore.SUMMARY), JSON.writeValueAsString(summary) + "\n");
  }

  /** The results an iteration recorded, in the lab's own columns. */
  public static CsvTable resultsTable(LabResults results) {
    List<String[]> rows = new ArrayList<>();
    for (LabResult r : results.results()) {
      rows.add(new String[] {r.composition().format(), r.outcome().label(),
          Double.isNaN(r.dmaxMm()) ? "" : CsvTable.formatNumber(r.dmaxMm()), r.note()});
    }
    for (NotCast n : results.notCast()) {
      rows.add(new String[] {n.composition().format(), NotCast.OUTCOME, "", n.note()});
    }
    return new CsvTable(List.of(LabResults.COMPOSITION, LabResults.OUTCOME, LabResults.DMAX, LabResults.NOTE), rows);
  }

  private static ObjectNode summary(int iteration, Settings settings, TernaryMap map, TrainingResult result,
      int baseRows, int rows, int labAlloys, LabResults newResults, String resultsFile, Ledger.Kind kind, Ledger ledger,
      String hyperparameters, PendingProposals.Settlement settled, PendingProposals pending) {
    TernarySelection s = map.selection();
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
      ArrayNode notCast = results.putArray("not_cast");
      newResults.notCast().forEach(n -> notCast.add(n.composition().format()));
      ArrayNode notProposed = results.putArray("not_proposed");
      settled.notProposed().forEach(c -> notProposed.add(c.format()));
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
    TernaryOutputs.putAtPercent(p.putObject("argmax_at_percent"), grid, grid.atPercent(s.argmax()));
    ObjectNode top = root.putObject("top");
    top.put("percent", s.options().topPercent());
    top.put("threshold", s.threshold());
    top.put("count", s.topCount());
    top.put("regions", s.regions().count());
    top.put("largest", s.regionSizes().length == 0 ? 0 : s.regionSizes()[0]);
    s.largestRegion().ifPresent(region -> TernaryOutputs.putAtPercent(top.putObject("largest_centroid"), grid, centroid(grid, region)));
    root.put("excluded_measured_alloys", s.options().excluded().size());
    Choice choice = settings.choice();
    ObjectNode rule = root.putObject("proposals");
    rule.put("acquisition", choice.acquisition());
    rule.put("candidates", choice.candidates());
    rule.put("bounds", choice.bounds());
    TernaryOutputs.putCandidates(root.putArray("candidates"), map, choice.ingotGrams());
    // proposed and not yet reported, this iteration's candidates included: never proposed again until reported
    ArrayNode waiting = root.putArray("pending");
    for (PendingProposals.Pending w : pending.proposals()) {
      waiting.addObject().put("composition", w.composition().format()).put("proposed_in", w.iteration());
    }
    return root;
  }

  /** The mean position of a region's points, in at.% (one decimal). */
  public static double[] centroid(TernaryGrid grid, ConnectedRegions.Region region) {
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

  /** The pending proposals an iteration left, as its summary records them (none for campaigns older than the record). */
  public static PendingProposals pending(JsonNode summary) {
    List<PendingProposals.Pending> out = new ArrayList<>();
    for (JsonNode p : summary.path("pending")) {
      out.add(new PendingProposals.Pending(Composition.parse(p.path("composition").asText()), p.path("proposed_in").asInt()));
    }
    return new PendingProposals(out);
  }

  /** Where this round's hyperparameters came from when reused: the previous iteration's model. */
  public static ModelParams previousParams(CampaignStore campaign, int previous) {
    return ModelParams.read(campaign.iteration(previous).resolve(CampaignStore.MODEL));
  }
}
