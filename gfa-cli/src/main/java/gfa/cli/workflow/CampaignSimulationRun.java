package gfa.cli.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.cli.plot.LevelPlot;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.concurrent.Workers;
import gfa.core.data.MiedemaVersion;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.simulation.CampaignSimulation;
import gfa.models.simulation.SimulatedRound;
import gfa.models.simulation.Strategy;
import gfa.models.simulation.StrategySummary;
import gfa.models.simulation.SystemPool;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingData;
import gfa.models.training.TrainingOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gfa simulate} as a plain computation: featurise the data once, replay the campaigns of
 * every system and strategy ({@link CampaignSimulation}), and render simulate.csv, summary.json
 * and the best-so-far plot, published at once.
 */
public final class CampaignSimulationRun {
  public static final String CSV = "simulate.csv";
  public static final String JSON = "summary.json";
  public static final String PLOT = "best-so-far";
  /** The default model: cheap, deterministic, and two learners, whose spread σ and p_bmg need. */
  public static final List<String> DEFAULT_LEARNERS = List.of("xgboost", "lightgbm");

  private CampaignSimulationRun() {}

  /**
   * @param modelParams a model directory whose hyperparameters and weights every refit reuses, or null for the defaults
   * @param learners the learners to fit, or null (the model directory's, or xgboost and lightgbm)
   */
  public record Request(TrainingSource data, List<TernarySystem> systems, List<Strategy> strategies, int rounds, int candidates,
      int repeats, Path modelParams, List<String> learners, long seed, Workers workers, double maxDmax, double bmgThreshold) {
    public CampaignSimulation.Settings settings() {
      return new CampaignSimulation.Settings(strategies, rounds, candidates, repeats, seed, bmgThreshold, 5, workers.threads());
    }
  }

  /** The finished simulation. */
  public record Result(Request request, List<CampaignSimulation.SystemResult> systems, List<StrategySummary> summaries,
      String modelNote, ObjectNode model, Map<String, Double> timings) {}

  /** The fixed model of every refit, refusing an unknown learner or an unreadable model directory now. */
  public static ModelParams params(Request request) {
    try {
      if (request.modelParams() != null) {
        ModelParams read = ModelParams.read(request.modelParams());
        return (request.learners() == null ? read : read.restrictTo(checked(request.learners()))).withoutZeroWeights();
      }
      return ModelParams.defaults(request.learners() == null ? DEFAULT_LEARNERS : checked(request.learners()));
    } catch (IllegalArgumentException e) {
      throw new GfaInputException("--learners: " + e.getMessage());
    }
  }

  private static List<String> checked(List<String> learners) {
    return new TrainingOptions(2, 0, 1, gfa.models.search.Budget.trials(1), gfa.models.search.Budget.trials(1), learners).learners();
  }

  /** Reads and featurises the data, checks the pools, and runs every campaign. */
  public static Result run(Request request, CampaignSimulation.Listener listener) throws Exception {
    Map<String, Double> timings = new LinkedHashMap<>();
    ModelParams params = params(request);
    long t = System.nanoTime();
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    TrainingData training = request.workers().call(() -> TrainingData.prepare(
        request.data().reader().withMaxDmax(request.maxDmax()), "D_max", featurizer, false, null, null));
    timings.put("read_and_featurize", seconds(t));
    CampaignSimulation.Settings settings = request.settings();
    List<SystemPool> pools = CampaignSimulation.pools(training.compositions(), training.y(), request.systems(), settings,
        request.data().fileName());
    t = System.nanoTime();
    List<CampaignSimulation.SystemResult> systems = CampaignSimulation.run(training.compositions(), training.x(), training.y(),
        training.columns(), pools, settings, params, listener);
    timings.put("campaigns", seconds(t));
    List<StrategySummary> summaries = new ArrayList<>();
    for (CampaignSimulation.SystemResult s : systems) {
      for (Strategy strategy : request.strategies()) {
        summaries.add(StrategySummary.of(s, strategy, request.rounds()));
      }
    }
    String note = (request.modelParams() == null ? "default hyperparameters of " : "hyperparameters and weights of "
        + request.modelParams() + ": ") + String.join(", ", params.learners()) + ", refitted every round (no search)";
    ObjectNode model = new ObjectMapper().createObjectNode();
    model.put("source", request.modelParams() == null ? "defaults" : "model-params");
    params.learners().forEach(model.putArray("learners")::add);
    ObjectNode w = model.putObject("weights");
    params.learners().forEach(id -> w.put(id, params.weights().get(id)));
    model.put("note", note);
    return new Result(request, systems, summaries, note, model, timings);
  }

  /** simulate.csv: one row per system, strategy, repeat and round. */
  public static CsvTable table(Result result) {
    List<String> header = List.of("system", "strategy", "repeat", "round", "proposals", "proposal_D_max", "best_so_far",
        "best_so_far_share", "found_best", "castings", "glasses");
    List<String[]> rows = new ArrayList<>();
    for (CampaignSimulation.SystemResult s : result.systems()) {
      for (SimulatedRound r : s.rounds()) {
        List<String> names = r.proposals().stream().map(Composition::format).toList();
        List<String> d = new ArrayList<>();
        for (double v : r.proposalDmax()) {
          d.add(CsvTable.formatNumber(v));
        }
        rows.add(new String[] {r.system().name(), r.strategy().id(), Integer.toString(r.repeat()), Integer.toString(r.round()),
            String.join("; ", names), String.join("; ", d), CsvTable.formatNumber(r.bestSoFar()),
            number(r.bestSoFar() / s.pool().best()), r.found() ? "1" : "0", Integer.toString(r.castings()),
            Integer.toString(r.glasses())});
      }
    }
    return new CsvTable(header, rows);
  }

  /** Mean over systems of the best-so-far as a share of each system's best, per strategy and round. */
  public static LevelPlot plot(Result result) {
    Request q = result.request();
    int[] rounds = new int[q.rounds() + 1];
    for (int r = 0; r <= q.rounds(); r++) {
      rounds[r] = r;
    }
    List<LevelPlot.Series> series = new ArrayList<>();
    for (Strategy strategy : q.strategies()) {
      double[] v = new double[rounds.length];
      for (StrategySummary s : result.summaries()) {
        if (s.strategy().equals(strategy)) {
          double best = result.systems().stream().filter(x -> x.pool().system().equals(s.system())).findFirst().orElseThrow()
              .pool().best();
          double[] m = s.meanBest();
          for (int r = 0; r < v.length; r++) {
            v[r] += m[r] / best / q.systems().size();
          }
        }
      }
      series.add(new LevelPlot.Series(strategy.id(), v));
    }
    List<String> names = q.systems().stream().map(TernarySystem::name).toList();
    return new LevelPlot("Best D_max found so far, by strategy",
        List.of("mean over " + q.repeats() + " repeat" + (q.repeats() == 1 ? "" : "s") + " and " + names.size() + " system"
                + (names.size() == 1 ? "" : "s") + " (" + String.join(", ", names) + ") of the best reported D_max cast so far, "
                + "as a share of the system's best",
            "round 0: a random opening batch of " + q.candidates() + ", shared by every strategy of a repeat; then "
                + q.candidates() + " alloys per round from the system's reported alloys",
            "model: " + result.modelNote() + "; base data pruned at level 3 (the system unexplored)"),
        rounds, series, "round", "best so far / system's best");
  }

  /** summary.json: settings, model, data, and per system and strategy the summary. */
  public static String json(Result result, boolean pretty) throws java.io.IOException {
    Request q = result.request();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("command", "simulate");
    root.put("gfa_version", GfaBuild.version());
    q.data().describeFully(root.putObject("data"));
    ObjectNode settings = root.putObject("settings");
    settings.put("rounds", q.rounds());
    settings.put("candidates", q.candidates());
    settings.put("repeats", q.repeats());
    settings.put("seed", q.seed());
    settings.put("threads", q.workers().threads());
    settings.put("bmg_threshold_mm", q.bmgThreshold());
    settings.put("near_best_share", SystemPool.NEAR_BEST);
    settings.put("opening", "a random batch of " + q.candidates() + " alloys per repeat, shared by every strategy");
    q.strategies().forEach(s -> settings.withArray("strategies").add(s.id()));
    root.set("model", result.model());
    ArrayNode systems = root.putArray("systems");
    for (CampaignSimulation.SystemResult s : result.systems()) {
      ObjectNode n = systems.addObject();
      n.put("system", s.pool().system().name());
      n.put("pool", s.pool().size());
      n.put("best_D_max", s.pool().best());
      n.put("near_best_alloys", s.pool().nearBestCount());
      n.put("base_rows", s.baseRows());
      n.put("refits", s.refits());
      if (s.calibration() != null) {
        n.put("calibration_folds", s.calibration().folds());
        n.put("sigma_width", s.calibration().sigmaWidth());
        n.put("scale_floor", s.calibration().calibration().scaleFloor());
      }
      ObjectNode strategies = n.putObject("strategies");
      for (StrategySummary m : result.summaries()) {
        if (!m.system().equals(s.pool().system())) {
          continue;
        }
        ObjectNode o = strategies.putObject(m.strategy().id());
        o.put("repeats", m.repeats());
        o.put("found", m.found());
        putNumber(o, "rounds_to_best_mean", m.roundsToBestMean());
        putNumber(o, "rounds_to_best_sd", m.roundsToBestSd());
        o.put("rounds_to_best_censored_mean", m.censoredMean());
        ArrayNode b = o.putArray("mean_best_so_far");
        for (double v : m.meanBest()) {
          b.add(v);
        }
        o.put("mean_glasses", m.meanGlasses());
        o.put("castings", m.castings());
      }
    }
    ObjectNode t = root.putObject("timings");
    result.timings().forEach(t::put);
    return pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) : mapper.writeValueAsString(root);
  }

  /** Publishes the outputs into {@code out} at once. */
  public static void publish(Result result, Path out, boolean replace, long start) throws Exception {
    LevelPlot plot = plot(result);
    byte[] png = plot.png();
    String svg = plot.svg();
    String csv = table(result).toCsv();
    AtomicOutput.publishDirectory(out, replace, dir -> {
      Files.writeString(dir.resolve(CSV), csv, StandardCharsets.UTF_8);
      Files.write(dir.resolve(PLOT + ".png"), png);
      Files.writeString(dir.resolve(PLOT + ".svg"), svg, StandardCharsets.UTF_8);
      result.timings().put("total", seconds(start));
      Files.writeString(dir.resolve(JSON), json(result, true) + "\n", StandardCharsets.UTF_8);
    });
  }

  /** The summary as a plain-text table, one line per system and strategy. */
  public static String text(Result result) {
    StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%-10s %-8s %6s %-13s %9s %8s%n", "system",
        "strategy", "found", "rounds±sd", "best end", "glasses"));
    for (StrategySummary m : result.summaries()) {
      double[] b = m.meanBest();
      sb.append(String.format(java.util.Locale.ROOT, "%-10s %-8s %3d/%-2d %-13s %9.2f %8.1f%n", m.system().name(),
          m.strategy().id(), m.found(), m.repeats(), Double.isNaN(m.roundsToBestMean()) ? "-"
              : String.format(java.util.Locale.ROOT, "%.1f±%s", m.roundsToBestMean(),
                  Double.isNaN(m.roundsToBestSd()) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", m.roundsToBestSd())),
          b[b.length - 1], m.meanGlasses()));
    }
    return sb.toString();
  }

  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private static String number(double v) {
    return Double.isFinite(v) ? CsvTable.formatNumber(Math.round(v * 1e6) / 1e6) : "";
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
