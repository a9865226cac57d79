package gfa.cli;

import gfa.cli.workflow.CampaignSimulationRun;
import gfa.cli.workflow.TrainingSource;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import gfa.models.simulation.CampaignSimulation;
import gfa.models.simulation.Strategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gfa simulate}: replay lab campaigns on systems whose alloys are already reported, to
 * measure which strategy finds the best glass former fastest. This class parses and wires; the
 * simulation is {@link gfa.cli.workflow.CampaignSimulationRun}.
 */
@Command(
    name = "simulate",
    sortOptions = false,
    description = {
      "Pool-based campaign simulation: for each system, treat it as unexplored (the data pruned at "
          + "level 3), and let each strategy choose castings from the system's reported alloys; each "
          + "round reveals their reported D_max, adds them to the training rows and refits the model "
          + "with fixed hyperparameters. Every repeat opens with a random batch of N alloys shared by "
          + "all strategies; repeats differ by that batch (and random's draws).",
      "",
      "Strategies: random, top (the paper's rule: highest prediction), ucb, ei, pbmg, explore "
          + "(docs/acquisition.md); sigma and p_bmg are calibrated per system on leave-system-out folds "
          + "of the base data. DIR receives simulate.csv, summary.json and best-so-far.png/.svg, all at "
          + "once. See docs/simulation.md.",
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, paramLabel = "FILE",
      description = "Data: CSV with 'composition' and 'D_max' (mm); " + TrainingSource.DEFAULT_HELP + ".")
  Path data;

  @Option(names = {"-s", "--system"}, required = true, split = ",", paramLabel = "A-B-C",
      description = "Systems to simulate, repeatable or comma-separated, e.g. Zr-Al-Cu,Mg-Zn-Ca.")
  List<String> systems;

  @Option(names = "--rounds", defaultValue = "5", paramLabel = "R",
      description = "Rounds after the opening batch (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--candidates", defaultValue = "2", paramLabel = "N",
      description = "Alloys cast per round, and in the opening batch (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--acquisition", split = ",", paramLabel = "LIST", defaultValue = "random,top,ucb,ei,pbmg,explore",
      description = "Strategies to compare, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> acquisition;

  @Option(names = "--repeats", defaultValue = "10", paramLabel = "K",
      description = "Repeats per system and strategy (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--model-params", paramLabel = "DIR",
      description = "Refit with the hyperparameters and fusion weights of this model directory (default: the "
          + "defaults of xgboost and lightgbm, equal weights).")
  Path modelParams;

  @Option(names = "--learners", split = ",", paramLabel = "ID",
      description = "Learners to refit, comma-separated (default: xgboost,lightgbm; with --model-params: the model's).")
  List<String> learners;

  @Option(names = "--bmg-threshold", defaultValue = "1", paramLabel = "MM",
      description = "A casting is a bulk glass at this D_max or above, mm (default: ${DEFAULT-VALUE}).")
  double bmgThreshold;

  @Mixin OutputOptions output;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    List<TernarySystem> targets = parseSystems();
    List<Strategy> strategies = Strategy.parseList(acquisition);
    TrainingSource source = TrainingSource.of(data);
    CampaignSimulationRun.Request request = new CampaignSimulationRun.Request(source, targets, strategies, rounds, candidates,
        repeats, modelParams, learners, common.seed(), common.workers(), common.maxDmax(), bmgThreshold);
    request.settings(); // refuses bad rounds, candidates, repeats and threshold now
    CampaignSimulationRun.params(request);
    List<Path> inputs = new ArrayList<>();
    inputs.add(data);
    inputs.add(modelParams);
    output.check(inputs.toArray(Path[]::new));
    source.announce(spec.commandLine().getErr(), common.quiet());
    CampaignSimulationRun.Result result;
    try (Progress bar = Progress.start("simulate", (long) targets.size() * (repeats + 1), common)) {
      result = CampaignSimulationRun.run(request, new CampaignSimulation.Listener() {
        @Override
        public void calibrated(TernarySystem system) {
          bar.message(system.name() + " calibrated");
          bar.step(1);
        }

        @Override
        public void repeatFinished(TernarySystem system, int repeat) {
          bar.message(system.name() + " repeat " + repeat);
          bar.step(1);
        }
      });
    }
    CampaignSimulationRun.publish(result, output.out(), output.replace(), start);
    PrintWriter stdout = spec.commandLine().getOut();
    if (common.json()) {
      stdout.println(CampaignSimulationRun.json(result, false));
    } else {
      stdout.print(CampaignSimulationRun.text(result));
    }
    stdout.flush();
    if (!common.quiet() && !common.json()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "simulated %d system%s x %d strateg%s x %d repeat%s in %.1f s; %s -> %s%n", targets.size(),
          targets.size() == 1 ? "" : "s", strategies.size(), strategies.size() == 1 ? "y" : "ies", repeats,
          repeats == 1 ? "" : "s", result.timings().get("total"), result.modelNote(), output.out());
      err.flush();
    }
    return ExitCodes.OK;
  }

  private List<TernarySystem> parseSystems() {
    List<TernarySystem> out = new ArrayList<>();
    for (String text : systems) {
      TernarySystem s = TernarySystem.parse(text.trim());
      for (TernarySystem earlier : out) {
        if (earlier.elementSet().equals(s.elementSet())) {
          throw new GfaInputException("--system names " + earlier.name() + " twice; give each system once");
        }
      }
      out.add(s);
    }
    return out;
  }
}
