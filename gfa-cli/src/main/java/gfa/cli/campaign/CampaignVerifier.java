package gfa.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import gfa.core.GfaInputException;
import gfa.core.campaign.LabResults;
import gfa.core.campaign.Ledger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks that a campaign is what gfa wrote, before any command uses it: campaign.json against its
 * own hash (and the copy iteration 00 kept), the base data against their recorded SHA-256, the
 * iterations 00..last without gaps, every ledger line against the results file of its iteration,
 * the chain of line hashes, and the ledger's hash that each iteration recorded. The first problem
 * is a {@link GfaInputException} (exit 2) naming the file, the line and what differs.
 *
 * <p>One state is not a problem: the last iteration committed but its results not yet in
 * ledger.csv, which is what a command killed between the two steps leaves. The verified ledger
 * then includes them (rolled forward from the iteration's results.csv, as the next writing
 * command will append them) and {@link Verified#pending} says so.
 */
public final class CampaignVerifier {
  private CampaignVerifier() {}

  /**
   * A campaign found intact.
   *
   * @param campaignSha256 campaign.json's own hash
   * @param ledger every result the committed iterations took, pending ones included
   * @param recordedLines how many of them ledger.csv holds
   * @param iterations the committed iterations, 0..last
   */
  public record Verified(String campaignSha256, Ledger ledger, int recordedLines, List<Integer> iterations) {
    public boolean pending() {
      return recordedLines < ledger.size();
    }
  }

  public static Verified verify(CampaignStore campaign) throws IOException {
    Path root = campaign.root();
    Path settingsFile = root.resolve(CampaignStore.SETTINGS);
    JsonNode settings = campaign.settings();
    JsonNode recordedSeal = settings.path(CampaignSeal.FIELD);
    if (!recordedSeal.isTextual()) {
      throw new GfaInputException(settingsFile + ": no " + CampaignSeal.FIELD + ": a campaign made before gfa recorded hashes "
          + "cannot be checked for tampering and is not used; replay it into a new one (see 'Campaigns made before the hashes' "
          + "in docs/campaign.md)");
    }
    String seal = CampaignSeal.of(settings);
    // Read the ledger before listing the iterations: a command committing meanwhile can then only
    // add an iteration whose results are pending, never ledger lines without their iteration.
    Path ledgerFile = root.resolve(CampaignStore.LEDGER);
    if (!Files.isRegularFile(ledgerFile)) {
      throw new GfaInputException(ledgerFile + " is missing: every campaign has one from 'gfa campaign init' on");
    }
    Ledger recorded = Ledger.read(ledgerFile, seal);
    List<Integer> iterations = campaign.iterations(); // checked: 0..last without gaps
    int last = iterations.get(iterations.size() - 1);

    JsonNode first = campaign.summary(0);
    if (!recordedSeal.asText().equals(seal)) {
      List<String> what = CampaignSeal.differences(settings, first.path("campaign"), 3);
      throw new GfaInputException(settingsFile + " was changed after the campaign began: its content no longer has the hash "
          + "it recorded (" + Ledger.abbreviate(recordedSeal.asText()) + ")"
          + (what.isEmpty() ? "" : "; differs from the copy in " + summaryName(campaign, 0) + ": " + String.join(", ", what)));
    }
    Path baseData = root.resolve(CampaignStore.BASE_DATA);
    String dataSha = settings.path("data").path("sha256").asText();
    String actual = Files.isRegularFile(baseData) ? CampaignStore.sha256(Files.readAllBytes(baseData)) : "absent";
    if (!actual.equals(dataSha)) {
      throw new GfaInputException(baseData + " has changed since the campaign began (SHA-256 " + Ledger.abbreviate(actual)
          + ", recorded " + Ledger.abbreviate(dataSha) + "); a campaign's base data are fixed");
    }

    for (int k = 0; k <= last; k++) {
      String recordedThere = campaign.summary(k).path("integrity").path("campaign_sha256").asText();
      if (!recordedThere.equals(seal)) {
        throw new GfaInputException(summaryName(campaign, k) + ": campaign_sha256 " + Ledger.abbreviate(recordedThere)
            + " is not campaign.json's " + Ledger.abbreviate(seal) + " (campaign.json was changed and its hash recomputed, "
            + "or this iteration belongs to another campaign)");
      }
    }
    recorded.checkNoRepeats();
    // Every line belongs to a committed iteration that recorded results...
    for (int i = 0; i < recorded.size(); i++) {
      int k = recorded.entries().get(i).iteration();
      if (k > last) {
        throw new GfaInputException(recorded.where(i) + ": iteration " + CampaignStore.iterationName(k) + " has no folder "
            + campaign.iteration(k) + " (a deleted iteration)");
      }
    }
    // ... and every iteration's results are in the ledger, row by row; only the last may lag.
    Ledger complete = recorded;
    for (int k = 1; k <= last; k++) {
      JsonNode summary = campaign.summary(k);
      LabResults results = campaign.results(k);
      String file = summary.path("results").path("file").asText();
      String sha = summary.path("results").path("sha256").asText();
      Ledger.Kind kind = kind(summary);
      if (k <= recorded.lastIteration()) {
        recorded.checkIteration(k, results, file, sha, kind);
      } else if (k < last) {
        throw new GfaInputException(ledgerFile + " has no lines for iteration " + CampaignStore.iterationName(k) + ", which "
            + "recorded " + results.results().size() + " results (" + campaign.iteration(k).resolve(CampaignStore.RESULTS)
            + "): ledger lines were deleted");
      } else {
        complete = complete.append(k, results, file, kind); // committed by a command killed before it wrote the ledger
      }
    }
    recorded.checkChain();
    // Each iteration pinned the ledger as it left it: its length and its last line's hash.
    for (int k = 0; k <= last; k++) {
      JsonNode integrity = campaign.summary(k).path("integrity");
      Ledger upTo = complete.upTo(k);
      String name = summaryName(campaign, k);
      int lines = integrity.path("ledger_lines").asInt(-1);
      String head = integrity.path("ledger_head_sha256").asText();
      if (lines != upTo.size() || !head.equals(upTo.head())) {
        throw new GfaInputException(name + ": after iteration " + CampaignStore.iterationName(k) + " the ledger had " + lines
            + " lines ending in hash " + Ledger.abbreviate(head) + ", but " + ledgerFile.getFileName() + (k > recorded.lastIteration() && k > 0
                ? " with " + campaign.iteration(k).resolve(CampaignStore.RESULTS) : "")
            + " gives " + upTo.size() + " lines ending in " + Ledger.abbreviate(upTo.head())
            + " (ledger lines or a results file were changed)");
      }
    }
    return new Verified(seal, complete, recorded.size(), iterations);
  }

  /** What an iteration's results were: new results, or corrections of earlier ones. */
  public static Ledger.Kind kind(JsonNode summary) {
    return "correction".equals(summary.path("results").path("kind").asText()) ? Ledger.Kind.CORRECTION : Ledger.Kind.RESULT;
  }

  private static String summaryName(CampaignStore campaign, int k) {
    return campaign.iteration(k).resolve(CampaignStore.SUMMARY).toString();
  }
}
