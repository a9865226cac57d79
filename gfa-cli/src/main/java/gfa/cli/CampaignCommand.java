package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.cli.campaign.Campaign;
import gfa.cli.campaign.CampaignIteration;
import gfa.cli.campaign.CampaignStore;
import gfa.cli.workflow.ModelTraining;
import gfa.cli.workflow.PredictTernary;
import gfa.cli.workflow.TrainingSource;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.models.training.TrainingOptions;
import java.io.PrintWriter;
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
    description = {
      "An active-learning campaign for one ternary system (docs/method.md §7): 'gfa campaign init' trains "
          + "on the pruned base data and proposes two alloys; the lab casts them; 'gfa iterate' "
          + "records the results, retrains and proposes again; 'gfa campaign status' shows every "
          + "iteration; 'gfa campaign verify' checks that nothing was changed by hand. See docs/campaign.md.",
    },
    subcommands = {CampaignCommand.Init.class, IterateCommand.class, CampaignStatusCommand.class, CampaignVerifyCommand.class})
public final class CampaignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (init, iterate, status, verify)");
  }

  /** {@code gfa campaign init A-B-C --data FILE --dir DIR}. */
  @Command(
      name = "init",
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

    @Mixin GridOptions gridOptions;

    @Mixin ProposalOptions proposal;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
      long start = System.nanoTime();
      TernarySystem target = TernarySystem.parse(system);
      PruningLevel pruningLevel = PruningLevel.of(level);
      TernaryGrid grid = gridOptions.grid(target);
      // refuses a bad share, lattice, rule, bounds, batch, interval or weigh-out now, before any training
      PredictTernary.Request.checked(grid, gridOptions.selection(List.of()), proposal.proposing(target, List.of(), 0),
          proposal.interval(), proposal.bmgThreshold(), proposal.ingotGrams());
      OutputDirectory.check(dir, false, "(a campaign is never overwritten)", data);
      TrainingSource source = TrainingSource.of(data);
      byte[] bytes = source.bytes();
      List<String> ids = search.learners() == null ? TrainingOptions.paperLearners() : search.learners();
      ModelTraining.options(search.folds(), search.trials(), search.paper(), ids, common.seed(), common.threads()); // validates
      CampaignIteration.Settings settings = new CampaignIteration.Settings(target, pruningLevel, common.seed(), search.folds(),
          search.trials(), search.paper(), ids, grid.step(), gridOptions.top(), gridOptions.candidateStep(),
          source.fileName(), CampaignStore.sha256(bytes), proposal.choice());
      source.announce(spec.commandLine().getErr(), common.quiet());
      Campaign.Outcome outcome;
      try (SearchProgress progress = new SearchProgress(common)) {
        outcome = Campaign.init(dir, settings, source, bytes, new CampaignIteration.Run(common.workers(), common.maxDmax(), progress));
      }
      if (common.json()) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(new ObjectMapper().writeValueAsString(outcome.summary()));
        out.flush();
      } else if (!common.quiet()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(Campaign.proposal(dir, outcome.summary(), (System.nanoTime() - start) / 1e9));
        err.flush();
      }
      return ExitCodes.OK;
    }
  }
}
