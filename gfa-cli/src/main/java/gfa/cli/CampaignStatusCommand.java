package gfa.cli;

import gfa.cli.campaign.CampaignStatus;
import gfa.cli.campaign.CampaignStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.cli.plot.TernaryMosaic;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.campaign.LabResult;
import gfa.core.campaign.Ledger;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa campaign status}: one row per iteration, read-only. */
@Command(
    name = "status",
    sortOptions = false,
    description = {
      "One row per iteration: training rows, the two candidates and what the lab found for them, "
          + "the best alloy measured so far, and where the largest top region lies (its centroid) "
          + "and how far it moved since the previous iteration (distance on the ternary map, in "
          + "at.%%). Changes nothing in the campaign.",
      "",
      "--maps FILE draws the maps of all iterations side by side (PNG, or SVG when FILE ends in .svg), "
          + "with the measured alloys marked by outcome.",
    })
public final class CampaignStatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-c", "--campaign"}, required = true, paramLabel = "DIR", description = "The campaign directory.")
  Path campaignDir;

  @Option(names = "--maps", paramLabel = "FILE", description = "Write the maps of all iterations side by side to FILE (.png or .svg; '-': PNG on standard output, "
      + "the table then on stderr).")
  Path maps;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (maps != null && OutputFile.isStandardOutput(maps)) {
      OutputFile.check("--maps", maps, common); // a PNG on stdout; the table goes to stderr
    } else if (maps != null) {
      String name = maps.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".png") && !name.endsWith(".svg")) {
        throw new GfaInputException("--maps " + maps + ": the file name must end in .png or .svg");
      }
      Path parent = maps.toAbsolutePath().getParent();
      if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
        throw new GfaInputException("--maps " + maps + ": the directory does not exist");
      }
      // status changes nothing in the campaign: its maps never land among its records
      gfa.core.io.OutputGuard.refuseInputs(maps, campaignDir);
    }
    try (CampaignStore campaign = CampaignStore.open(campaignDir, false)) {
      ObjectNode status = CampaignStatus.status(campaign);
      if (maps != null) {
        CampaignStatus.writeMaps(campaign, status, maps);
      }
      boolean mapsOnStdout = maps != null && OutputFile.isStandardOutput(maps);
      PrintWriter out = mapsOnStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
      if (common.json()) {
        out.println(new ObjectMapper().writeValueAsString(status));
      } else if (!mapsOnStdout || !common.quiet()) {
        out.print(CampaignStatus.table(status));
      }
      out.flush();
    }
    return ExitCodes.OK;
  }
}
