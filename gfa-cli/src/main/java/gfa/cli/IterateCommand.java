package gfa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.GfaInputException;
import gfa.core.campaign.LabResults;
import gfa.core.campaign.Ledger;
import gfa.core.io.AtomicOutput;
import gfa.models.training.ModelParams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
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
   * Test hook: stops the command at named steps (see CampaignRound.Checkpoint). In-process tests
   * set it; a test that kills a separate process passes {@code -Dgfa.test.pauseAt=STEP}, and the
   * process announces the step on stdout and waits there to be killed.
   */
  static volatile CampaignRound.Checkpoint checkpoint = pauseAt(System.getProperty("gfa.test.pauseAt"));

  static CampaignRound.Checkpoint pauseAt(String pauseStep) {
    if (pauseStep == null) {
      return CampaignRound.Checkpoint.NONE;
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

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
      throw new GfaInputException("--seed is fixed when the campaign is created ('gfa campaign init --seed'); iterate uses it");
    }
    System.setProperty("java.awt.headless", "true");
    long start = System.nanoTime();
    CampaignRound.Checkpoint stop = checkpoint;
    try (CampaignDirectory campaign = CampaignDirectory.open(campaignDir, true)) {
      stop.reached("opened");
      LabResults lab = LabResults.read(results, campaign.system(), common.maxDmax());
      Ledger.Kind kind = correction ? Ledger.Kind.CORRECTION : Ledger.Kind.RESULT;
      int last = campaign.lastIteration();
      JsonNode lastSummary = campaign.summary(last);
      if (last >= 1 && lab.sha256().equals(lastSummary.path("results").path("sha256").asText())
          && CampaignVerifier.kind(lastSummary) == kind) {
        report(campaign, last, true, start);
        return ExitCodes.OK;
      }
      Ledger ledger = campaign.ledger();
      if (correction) {
        ledger.checkCorrects(lab);
      } else {
        ledger.checkConsistent(lab);
      }
      int next = last + 1;
      Ledger extended = ledger.append(next, lab, results.getFileName().toString(), kind);
      CampaignRound.Settings settings = CampaignRound.Settings.of(campaign.settings());
      ModelParams fixed = retune ? null : CampaignRound.previousParams(campaign, last);
      stop.reached("validated");
      CampaignRound round = CampaignRound.compute(next, settings, TrainingSource.of(campaign.root().resolve(CampaignDirectory.BASE_DATA)),
          extended, lab, results.getFileName().toString(), kind, fixed, "iteration " + CampaignDirectory.iterationName(last), common);
      try {
        stop.reached("computed");
        AtomicOutput.publishDirectory(campaign.iteration(next), false, dir -> round.writeInto(dir, stop));
      } finally {
        round.result.ensemble().close();
      }
      stop.reached("committed");
      extended.write(campaign.root().resolve(CampaignDirectory.LEDGER));
      stop.reached("ledger-written");
      report(campaign, next, false, start);
    }
    return ExitCodes.OK;
  }

  private void report(CampaignDirectory campaign, int iteration, boolean already, long start) throws Exception {
    JsonNode summary = campaign.summary(iteration);
    if (common.json()) {
      PrintWriter out = spec.commandLine().getOut();
      com.fasterxml.jackson.databind.node.ObjectNode node = ((com.fasterxml.jackson.databind.node.ObjectNode) summary).deepCopy();
      node.put("already_recorded", already);
      out.println(new ObjectMapper().writeValueAsString(node));
      out.flush();
      return;
    }
    if (common.quiet()) {
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    if (already) {
      err.printf(Locale.ROOT, "%s: these results were already recorded by iteration %s; nothing to do%n",
          results, CampaignDirectory.iterationName(iteration));
    }
    err.println(proposal(campaignDir, summary, (System.nanoTime() - start) / 1e9));
    err.flush();
  }

  /** The one-line summary of an iteration: its candidates and what to do next. */
  static String proposal(Path campaignDir, JsonNode summary, double seconds) {
    JsonNode c = summary.path("candidates");
    List<String> parts = new java.util.ArrayList<>();
    for (JsonNode node : c) {
      parts.add(node.path("composition").asText() + " (" + String.format(Locale.ROOT, "%.2f", node.path("predicted_D_max").asDouble()) + " mm)");
    }
    return String.format(Locale.ROOT,
        "%s iteration %s: %d rows (%d lab alloys), top region %d points around %s; cast next: %s [%.1f s]; then 'gfa iterate --campaign %s --results LAB.csv'",
        summary.path("system").asText(), CampaignDirectory.iterationName(summary.path("iteration").asInt()),
        summary.path("training").path("rows").asInt(), summary.path("training").path("lab_alloys").asInt(),
        summary.path("top").path("largest").asInt(), centroidText(summary.path("top").path("largest_centroid")),
        String.join(", ", parts), seconds, campaignDir);
  }

  static String centroidText(JsonNode centroid) {
    StringBuilder s = new StringBuilder();
    centroid.fields().forEachRemaining(e -> s.append(e.getKey()).append(gfa.core.io.CsvTable.formatNumber(e.getValue().asDouble())));
    return s.length() == 0 ? "-" : s.toString();
  }
}
