package gfa.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.cli.workflow.GfaBuild;
import gfa.cli.workflow.PredictTernary;
import gfa.cli.workflow.TrainingSource;
import gfa.core.campaign.LabResults;
import gfa.core.campaign.Ledger;
import gfa.core.campaign.PendingProposals;
import gfa.core.io.AtomicOutput;
import gfa.models.training.ModelParams;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A campaign's two writing steps as plain computations: {@link #init} creates the directory with
 * iteration 0, {@link #iterate} records a lab's results and adds the next iteration. Both publish
 * all at once; a killed run leaves the campaign as it was or complete.
 */
public final class Campaign {
  private Campaign() {}

  /** What an init or iterate did: the iteration it leaves last, and its summary. */
  public record Outcome(int iteration, boolean alreadyRecorded, JsonNode summary) {}

  /**
   * Creates {@code dir} with campaign.json (sealed), a byte copy of the base data, an empty ledger
   * and iteration 0.
   */
  public static Outcome init(Path dir, CampaignIteration.Settings settings, TrainingSource source, byte[] bytes,
      CampaignIteration.Run run) throws Exception {
    ObjectNode json = CampaignStore.newSettings();
    settings.writeTo(json);
    ObjectNode dataNode = json.putObject("data").put("file", source.fileName());
    source.describe(dataNode).put("copy", CampaignStore.BASE_DATA)
        .put("sha256", settings.dataSha256()).put("bytes", bytes.length);
    json.put("gfa_version", GfaBuild.version());
    CampaignSeal.seal(json);
    Ledger ledger = Ledger.empty(json.path(CampaignSeal.FIELD).asText());

    CampaignIteration round = CampaignIteration.compute(0, settings, source, ledger, null, null, null, null, null,
        PendingProposals.empty(), run);
    round.summary.set("campaign", json.deepCopy()); // what fixed the campaign, kept to name what changes if campaign.json is edited
    try {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      AtomicOutput.publishDirectory(dir, false, d -> {
        Files.writeString(d.resolve(CampaignStore.SETTINGS), mapper.writeValueAsString(json) + "\n");
        Files.write(d.resolve(CampaignStore.BASE_DATA), bytes);
        Files.writeString(d.resolve(CampaignStore.LEDGER), ledger.toCsv());
        Path it = Files.createDirectories(d.resolve(CampaignStore.ITERATIONS).resolve(CampaignStore.iterationName(0)));
        round.writeInto(it, CampaignIteration.Checkpoint.NONE);
      });
    } finally {
      round.result.ensemble().close();
    }
    return new Outcome(0, false, round.summary);
  }

  /**
   * Records {@code lab} (read from {@code resultsFile}) as the next iteration: checks it against the
   * ledger, retrains (with the previous iteration's hyperparameters unless {@code retune}),
   * predicts, proposes, publishes the iteration and then extends the ledger. The same results
   * given twice in a row are recorded once.
   *
   * @param choice how to choose this iteration's proposals, or null for the campaign's own rule
   * @param stop the test hook called at named steps
   */
  public static Outcome iterate(CampaignStore campaign, LabResults lab, Path resultsFile, boolean correction, boolean retune,
      CampaignIteration.Choice choice, CampaignIteration.Run run, CampaignIteration.Checkpoint stop) throws Exception {
    Ledger.Kind kind = correction ? Ledger.Kind.CORRECTION : Ledger.Kind.RESULT;
    int last = campaign.lastIteration();
    JsonNode lastSummary = campaign.summary(last);
    if (last >= 1 && lab.sha256().equals(lastSummary.path("results").path("sha256").asText())
        && CampaignVerifier.kind(lastSummary) == kind) {
      return new Outcome(last, true, lastSummary);
    }
    Ledger ledger = campaign.ledger();
    if (correction) {
      ledger.checkCorrects(lab);
    } else {
      ledger.checkConsistent(lab);
    }
    int next = last + 1;
    String fileName = resultsFile.getFileName().toString();
    Ledger extended = ledger.append(next, lab, fileName, kind);
    CampaignIteration.Settings settings = CampaignIteration.Settings.of(campaign.settings());
    if (choice != null) {
      settings = settings.with(choice);
      // a bad rule, bounds or batch for this iteration is refused now, not after the training
      gfa.core.ternary.TernaryGrid grid = gfa.core.ternary.TernaryGrid.of(settings.system(), settings.step());
      PredictTernary.Request.checked(grid,
          new gfa.core.ternary.TernarySelection.Options(settings.top(), settings.candidateStep(), ledger.measured()),
          choice.proposing(settings.system(), CampaignIteration.pending(lastSummary).compositions(), 0), choice.interval(),
          choice.bmgThreshold(), choice.ingotGrams());
    }
    ModelParams fixed = retune ? null : CampaignIteration.previousParams(campaign, last);
    stop.reached("validated");
    CampaignIteration round = CampaignIteration.compute(next, settings,
        TrainingSource.of(campaign.root().resolve(CampaignStore.BASE_DATA)), extended, lab, fileName, kind, fixed,
        "iteration " + CampaignStore.iterationName(last), CampaignIteration.pending(lastSummary), run);
    try {
      stop.reached("computed");
      AtomicOutput.publishDirectory(campaign.iteration(next), false, dir -> round.writeInto(dir, stop));
    } finally {
      round.result.ensemble().close();
    }
    stop.reached("committed");
    extended.write(campaign.root().resolve(CampaignStore.LEDGER));
    stop.reached("ledger-written");
    return new Outcome(next, false, round.summary);
  }

  /** The one-line summary of an iteration: its candidates and what to do next. */
  public static String proposal(Path campaignDir, JsonNode summary, double seconds) {
    JsonNode c = summary.path("candidates");
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (JsonNode node : c) {
      parts.add(node.path("composition").asText() + " ("
          + String.format(java.util.Locale.ROOT, "%.2f", node.path("predicted_D_max").asDouble()) + " mm)");
    }
    return String.format(java.util.Locale.ROOT,
        "%s iteration %s: %d rows (%d lab alloys), top region %d points around %s; cast next: %s [%.1f s]; then 'gfa iterate --campaign %s --results LAB.csv'",
        summary.path("system").asText(), CampaignStore.iterationName(summary.path("iteration").asInt()),
        summary.path("training").path("rows").asInt(), summary.path("training").path("lab_alloys").asInt(),
        summary.path("top").path("largest").asInt(), centroidText(summary.path("top").path("largest_centroid")),
        String.join(", ", parts), seconds, campaignDir);
  }

  /** A centroid as "Zr42.5Al10Cu47.5", or "-" when there is none. */
  public static String centroidText(JsonNode centroid) {
    StringBuilder s = new StringBuilder();
    centroid.fields().forEachRemaining(e -> s.append(e.getKey()).append(gfa.core.io.CsvTable.formatNumber(e.getValue().asDouble())));
    return s.length() == 0 ? "-" : s.toString();
  }
}
