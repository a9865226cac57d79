package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.core.campaign.Ledger;
import gfa.core.io.AtomicOutput;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gfa campaign init|status|verify}: start an active-learning campaign, look at one, check one. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
    description = {
      "An active-learning campaign for one ternary system (docs/method.md §7): 'gfa campaign init' trains "
          + "on the pruned base data and proposes two alloys; the lab casts them; 'gfa iterate' "
          + "records the results, retrains and proposes again; 'gfa campaign status' shows every "
          + "iteration; 'gfa campaign verify' checks that nothing was changed by hand. See docs/campaign.md.",
    },
    subcommands = {CampaignCommand.Init.class, CampaignStatusCommand.class, CampaignVerifyCommand.class})
public final class CampaignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (init, status, verify)");
  }

  /** {@code gfa campaign init A-B-C --data FILE --dir DIR}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      versionProvider = GfaVersion.class,
      sortOptions = false,
      description = {
        "Create a campaign directory and run iteration 0: prune the base data for the system "
            + "(subdataset --level, default 3), tune and train as 'gfa train' does, predict the "
            + "grid and propose two alloys on the --candidate-step lattice.",
        "",
        "Everything that fixes the campaign is recorded in DIR/campaign.json (system, base data "
            + "and its SHA-256, level, budget, learners, seed, grid settings) and a byte copy of the "
            + "base data is kept in DIR/base-data.csv. DIR appears complete or not at all.",
      })
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A-B-C", description = "The ternary system, e.g. Zr-Al-Cu.")
    String system;

    @Option(names = {"-d", "--data"}, paramLabel = "FILE",
        description = "Base training data: CSV with 'composition' and 'D_max' (or 'outcome'/'dmax_mm'); "
            + TrainingSource.DEFAULT_HELP + ".")
    Path data;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The campaign directory to create (must not exist or be empty).")
    Path dir;

    @Option(names = "--level", defaultValue = "3", paramLabel = "N",
        description = "Pruning level 1..5 for the base data (default: ${DEFAULT-VALUE}, the paper's).")
    int level;

    @Mixin SearchOptions search;

    @Option(names = "--step", defaultValue = "1", paramLabel = "AT%", description = "Grid step in at.%% (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--top", defaultValue = "5", paramLabel = "PERCENT", description = "Top share of the grid, in %% (default: ${DEFAULT-VALUE}).")
    double top;

    @Option(names = "--candidate-step", defaultValue = "5", paramLabel = "AT%",
        description = "Lattice of the proposed alloys, in at.%% (default: ${DEFAULT-VALUE}).")
    int candidateStep;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      System.setProperty("java.awt.headless", "true");
      long start = System.nanoTime();
      TernarySystem target = TernarySystem.parse(system);
      PruningLevel pruningLevel = PruningLevel.of(level);
      TernaryGrid grid = TernaryGrid.of(target, step);
      new TernarySelection.Options(top, candidateStep, List.of()); // refuses a bad share or lattice now
      if (candidateStep % step != 0) {
        throw new GfaInputException("--candidate-step " + candidateStep + " is not a multiple of --step " + step);
      }
      OutputDirectory.check(dir, false, "(a campaign is never overwritten)", data);
      TrainingSource source = TrainingSource.of(data);
      byte[] bytes = source.bytes();
      List<String> ids = search.learners() == null ? gfa.models.training.TrainingOptions.paperLearners() : search.learners();
      ModelTraining.options(search.folds(), search.trials(), search.paper(), ids, common); // validates
      CampaignRound.Settings settings = new CampaignRound.Settings(target, pruningLevel, common.seed(), search.folds(),
          search.trials(), search.paper(), ids, grid.step(), top, candidateStep,
          source.fileName(), CampaignDirectory.sha256(bytes));
      ObjectNode json = CampaignDirectory.newSettings();
      settings.writeTo(json);
      ObjectNode dataNode = json.putObject("data").put("file", source.fileName());
      source.describe(dataNode).put("copy", CampaignDirectory.BASE_DATA)
          .put("sha256", settings.dataSha256()).put("bytes", bytes.length);
      json.put("gfa_version", GfaVersion.version());
      CampaignSeal.seal(json);
      Ledger ledger = Ledger.empty(json.path(CampaignSeal.FIELD).asText());

      source.announce(spec.commandLine().getErr(), common);
      CampaignRound round = CampaignRound.compute(0, settings, source, ledger, null, null, null, null, null, common);
      round.summary.set("campaign", json.deepCopy()); // what fixed the campaign, kept to name what changes if campaign.json is edited
      try {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicOutput.publishDirectory(dir, false, d -> {
          Files.writeString(d.resolve(CampaignDirectory.SETTINGS), mapper.writeValueAsString(json) + "\n");
          Files.write(d.resolve(CampaignDirectory.BASE_DATA), bytes);
          Files.writeString(d.resolve(CampaignDirectory.LEDGER), ledger.toCsv());
          Path it = Files.createDirectories(d.resolve(CampaignDirectory.ITERATIONS).resolve(CampaignDirectory.iterationName(0)));
          round.writeInto(it, CampaignRound.Checkpoint.NONE);
        });
      } finally {
        round.result.ensemble().close();
      }
      if (common.json()) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(new ObjectMapper().writeValueAsString(round.summary));
        out.flush();
      } else if (!common.quiet()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(IterateCommand.proposal(dir, round.summary, (System.nanoTime() - start) / 1e9));
        err.flush();
      }
      return ExitCodes.OK;
    }
  }
}
