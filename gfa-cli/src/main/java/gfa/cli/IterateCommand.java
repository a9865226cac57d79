package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.cli.campaign.Campaign;
import gfa.cli.campaign.CampaignIteration;
import gfa.cli.campaign.CampaignStore;
import gfa.core.GfaInputException;
import gfa.core.campaign.LabResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa iterate}: record the lab's results, retrain, predict again, propose two new alloys. */
@Command(
    name = "iterate",
    sortOptions = false,
    description = {
      "Record the lab's results in the campaign's ledger, add them to the training data (crystalline "
          + "0 mm, ribbon 0.2 mm, bmg its rod diameter; docs/method.md §1), retrain, predict the grid again and "
          + "propose two new alloys, never one already measured. The new iteration is written to "
          + "CAMPAIGN/iterations/NN/.",
      "",
      "Hyperparameters are those of the previous iteration unless --retune is given (the paper "
          + "re-tuned each round; --retune takes as long as 'gfa campaign init' did). The fusion "
          + "weights are always tuned again: that takes seconds.",
      "",
      "Safe to kill: an iteration is committed all at once, so a killed run leaves the previous "
          + "iteration, or the new one complete; running the same command again finishes the job. "
          + "Giving the same results file twice records it once. See docs/campaign.md.",
      "",
      "A result recorded wrongly is never edited in the ledger: give the right one with "
          + "--correction. It is recorded as a new iteration whose ledger lines are corrections; "
          + "from then on they replace every earlier report of their alloys in training.",
      "",
      "The campaign is verified first (as 'gfa campaign verify' does); a campaign changed by hand "
          + "is refused (exit 2) and nothing is written.",
    })
public final class IterateCommand implements Callable<Integer> {
  /**
   * Test hook: stops the command at named steps (see CampaignIteration.Checkpoint). In-process tests
   * set it; a test that kills a separate process passes {@code -Dgfa.test.pauseAt=STEP}, and the
   * process announces the step on stdout and waits there to be killed.
   */
  static volatile CampaignIteration.Checkpoint checkpoint = pauseAt(System.getProperty("gfa.test.pauseAt"));

  static CampaignIteration.Checkpoint pauseAt(String pauseStep) {
    if (pauseStep == null) {
      return CampaignIteration.Checkpoint.NONE;
    }
    return step -> {
      if (step.equals(pauseStep)) {
        System.out.println("gfa-test: paused at " + step);
        System.out.flush();
        try {
          Thread.sleep(600_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  @Spec CommandSpec spec;

  @Option(names = {"-c", "--campaign"}, required = true, paramLabel = "DIR", description = "The campaign directory.")
  Path campaignDir;

  @Option(names = {"-r", "--results"}, required = true, paramLabel = "FILE",
      description = "The lab's results: CSV with columns composition, outcome (crystalline | ribbon | bmg), "
          + "dmax_mm (required for bmg) and optionally note.")
  Path results;

  @Option(names = "--retune", description = "Search the hyperparameters again with the campaign's budget.")
  boolean retune;

  @Option(names = "--correction",
      description = "The results file corrects results recorded earlier (same columns; every alloy in it must have been "
          + "measured before). Its rows replace every earlier report of their alloys; nothing recorded is edited.")
  boolean correction;

  @Mixin ProposalOptions proposal;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
      throw new GfaInputException("--seed is fixed when the campaign is created ('gfa campaign init --seed'); iterate uses it");
    }
    long start = System.nanoTime();
    CampaignIteration.Checkpoint stop = checkpoint;
    try (CampaignStore campaign = CampaignStore.open(campaignDir, true);
        SearchProgress progress = new SearchProgress(common)) {
      stop.reached("opened");
      LabResults lab = LabResults.read(results, campaign.system(), common.maxDmax());
      CampaignIteration.Choice choice = ProposalOptions.anyGiven(spec.commandLine().getParseResult()) ? proposal.choice() : null;
      Campaign.Outcome outcome = Campaign.iterate(campaign, lab, results, correction, retune, choice,
          new CampaignIteration.Run(common.workers(), common.maxDmax(), progress), stop);
      report(outcome, start);
    }
    return ExitCodes.OK;
  }

  private void report(Campaign.Outcome outcome, long start) throws Exception {
    if (common.json()) {
      PrintWriter out = spec.commandLine().getOut();
      ObjectNode node = ((ObjectNode) outcome.summary()).deepCopy();
      node.put("already_recorded", outcome.alreadyRecorded());
      out.println(new ObjectMapper().writeValueAsString(node));
      out.flush();
      return;
    }
    if (common.quiet()) {
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    if (outcome.alreadyRecorded()) {
      err.printf(Locale.ROOT, "%s: these results were already recorded by iteration %s; nothing to do%n",
          results, CampaignStore.iterationName(outcome.iteration()));
    }
    err.println(Campaign.proposal(campaignDir, outcome.summary(), (System.nanoTime() - start) / 1e9));
    err.flush();
  }
}
