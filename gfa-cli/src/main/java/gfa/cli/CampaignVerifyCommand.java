package gfa.cli;

import gfa.cli.campaign.CampaignStore;
import gfa.cli.campaign.CampaignVerifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa campaign verify}: only the check every campaign command makes first. Read-only. */
@Command(
    name = "verify",
    sortOptions = false,
    description = {
      "Check that a campaign is what gfa wrote: campaign.json against the hash it recorded of "
          + "itself, the base data against their SHA-256, iterations 00..last without gaps, every "
          + "ledger line against the results file of its iteration, the chain of line hashes, and "
          + "the ledger's hash each iteration recorded. Exit 0 when intact; exit 2 with one line "
          + "naming the file, the line and what differs. Changes nothing. See docs/campaign.md.",
    })
public final class CampaignVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-c", "--campaign"}, required = true, paramLabel = "DIR", description = "The campaign directory.")
  Path campaignDir;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    try (CampaignStore campaign = CampaignStore.open(campaignDir, false)) {
      CampaignVerifier.Verified v = campaign.verified();
      int last = v.iterations().get(v.iterations().size() - 1);
      PrintWriter out = spec.commandLine().getOut();
      if (common.json()) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("campaign", campaignDir.toString());
        node.put("intact", true);
        node.put("campaign_sha256", v.campaignSha256());
        node.put("iterations", v.iterations().size());
        node.put("ledger_lines", v.recordedLines());
        node.put("ledger_head_sha256", v.ledger().head());
        node.put("pending_lines", v.ledger().size() - v.recordedLines());
        out.println(new ObjectMapper().writeValueAsString(node));
      } else if (!common.quiet()) {
        out.printf(Locale.ROOT, "%s: intact: campaign.json (SHA-256 %s), iterations 00..%s, %d ledger lines, chain head %s%s%n",
            campaignDir, v.campaignSha256().substring(0, 12), CampaignStore.iterationName(last), v.recordedLines(),
            v.ledger().head().substring(0, 12),
            v.pending() ? "; the results of iteration " + CampaignStore.iterationName(last) + " are committed but not yet in "
                + "ledger.csv (a command was stopped in between): the next 'gfa iterate' appends them" : "");
      }
      out.flush();
    }
    return ExitCodes.OK;
  }
}
