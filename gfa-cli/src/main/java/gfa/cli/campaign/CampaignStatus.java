package gfa.cli.campaign;

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
import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import gfa.cli.workflow.TernaryOutputs;

/** A campaign's state, read-only: one row per iteration, the readable table, the maps side by side. */
public final class CampaignStatus {
  private CampaignStatus() {}

  /** The campaign's state as JSON: settings in brief, then one object per iteration. */
  public static ObjectNode status(CampaignStore campaign) throws Exception {
    ObjectNode root = new ObjectMapper().createObjectNode();
    JsonNode settings = campaign.settings();
    root.put("campaign", campaign.root().toString());
    root.put("system", settings.path("system").asText());
    root.put("level", settings.path("level").asInt());
    root.put("seed", settings.path("seed").asLong());
    root.put("data_file", settings.path("data").path("file").asText());
    root.put("data_sha256", settings.path("data").path("sha256").asText());
    Ledger ledger = campaign.ledger();
    root.put("lab_results", ledger.size());
    ArrayNode iterations = root.putArray("iterations");
    double[] previous = null;
    for (int k : campaign.iterations()) {
      JsonNode summary = campaign.summary(k);
      ObjectNode row = iterations.addObject();
      row.put("iteration", k);
      row.put("rows", summary.path("training").path("rows").asInt());
      row.put("lab_alloys", summary.path("training").path("lab_alloys").asInt());
      row.put("hyperparameters", summary.path("training").path("hyperparameters").asText());
      row.put("cv_r2", summary.path("training").path("cv_r2").asDouble());
      row.put("results_recorded", summary.path("results").path("alloys").asInt());
      ArrayNode candidates = row.putArray("candidates");
      for (JsonNode c : summary.path("candidates")) {
        ObjectNode node = candidates.addObject();
        Composition alloy = Composition.parse(c.path("composition").asText());
        node.put("composition", alloy.format());
        node.put("predicted_D_max", c.path("predicted_D_max").asDouble());
        Optional<Ledger.Entry> measured = ledger.current().stream() // a corrected result shows as corrected
            .filter(e -> e.iteration() > k && e.result().composition().equals(alloy)).findFirst();
        if (measured.isPresent()) {
          node.put("outcome", outcome(measured.get().result()));
          node.put("label_mm", measured.get().result().label());
          node.put("recorded_in", measured.get().iteration());
        } else {
          node.putNull("outcome");
        }
      }
      Optional<Ledger.Entry> best = ledger.upTo(k).best();
      if (best.isPresent()) {
        ObjectNode b = row.putObject("best_measured");
        b.put("composition", best.get().result().composition().format());
        b.put("outcome", outcome(best.get().result()));
        b.put("label_mm", best.get().result().label());
        b.put("recorded_in", best.get().iteration());
      } else {
        row.putNull("best_measured");
      }
      JsonNode top = summary.path("top");
      ObjectNode t = row.putObject("top_region");
      t.put("points", top.path("count").asInt());
      t.put("largest", top.path("largest").asInt());
      t.set("centroid", top.path("largest_centroid").deepCopy());
      double[] centroid = amounts(top.path("largest_centroid"));
      if (previous != null && centroid != null) {
        t.put("moved_at_percent", Math.round(10 * mapDistance(previous, centroid)) / 10.0);
      } else {
        t.putNull("moved_at_percent");
      }
      previous = centroid;
      ArrayNode pending = row.putArray("pending");
      summary.path("pending").forEach(w -> pending.add(w.path("composition").asText()));
      row.put("predicted_max_at", summary.path("predicted_D_max").path("argmax").asText());
      row.put("predicted_max_mm", summary.path("predicted_D_max").path("max").asDouble());
    }
    return root;
  }

  /**
   * The distance between two compositions on the ternary map, in at.%: the Euclidean distance in
   * the equilateral triangle whose sides are 100 at.% long, sqrt((da² + db² + dc²) / 2).
   */
  public static double mapDistance(double[] p, double[] q) {
    double s = 0;
    for (int k = 0; k < 3; k++) {
      s += (p[k] - q[k]) * (p[k] - q[k]);
    }
    return Math.sqrt(s / 2);
  }

  private static double[] amounts(JsonNode atPercent) {
    if (!atPercent.isObject() || atPercent.size() != 3) {
      return null;
    }
    double[] a = new double[3];
    int k = 0;
    for (JsonNode v : atPercent) {
      a[k++] = v.asDouble();
    }
    return a;
  }

  private static String outcome(LabResult r) {
    return switch (r.outcome()) {
      case BMG -> "bmg " + CsvTable.formatNumber(r.dmaxMm()) + " mm";
      default -> r.outcome().label();
    };
  }

  /** The readable table. */
  public static String table(JsonNode status) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%s campaign in %s: base data %s (SHA-256 %s...), subdataset %d, seed %d, %d lab results%n",
        status.path("system").asText(), status.path("campaign").asText(), status.path("data_file").asText(),
        status.path("data_sha256").asText().substring(0, Math.min(12, status.path("data_sha256").asText().length())),
        status.path("level").asInt(), status.path("seed").asLong(), status.path("lab_results").asInt()));
    s.append(String.format(Locale.ROOT, "%-4s %6s %5s  %-58s %-28s %-30s%n", "iter", "rows", "lab", "candidates (lab outcome)",
        "best measured so far", "top region (largest; centroid; moved)"));
    for (JsonNode row : status.path("iterations")) {
      List<String> c = new ArrayList<>();
      for (JsonNode node : row.path("candidates")) {
        c.add(node.path("composition").asText().replace(" ", "") + " ("
            + (node.path("outcome").isNull() ? "not measured" : node.path("outcome").asText()) + ")");
      }
      JsonNode best = row.path("best_measured");
      String bestText = best.isNull() || best.isMissingNode() ? "-"
          : best.path("composition").asText().replace(" ", "") + " " + best.path("outcome").asText();
      JsonNode top = row.path("top_region");
      String moved = top.path("moved_at_percent").isNull() ? "-" : CsvTable.formatNumber(top.path("moved_at_percent").asDouble()) + " at.%";
      s.append(String.format(Locale.ROOT, "%-4s %6d %5d  %-58s %-28s %d; %s; %s%n",
          CampaignStore.iterationName(row.path("iteration").asInt()), row.path("rows").asInt(), row.path("lab_alloys").asInt(),
          String.join(", ", c), bestText, top.path("largest").asInt(), Campaign.centroidText(top.path("centroid")), moved));
    }
    return s.toString();
  }

  /** Draws the maps of all iterations side by side into {@code maps} (PNG, SVG for .svg, '-' for PNG on stdout). */
  public static void writeMaps(CampaignStore campaign, ObjectNode status, Path maps) throws Exception {
    System.setProperty("java.awt.headless", "true");
    CampaignIteration.Settings settings = CampaignIteration.Settings.of(campaign.settings());
    TernarySystem system = settings.system();
    TernaryGrid grid = TernaryGrid.of(system, settings.step());
    Ledger ledger = campaign.ledger();
    List<TernaryMosaic.Panel> panels = new ArrayList<>();
    for (int k : campaign.iterations()) {
      Path gridFile = campaign.iteration(k).resolve(TernaryOutputs.GRID);
      CsvTable table = CsvTable.read(gridFile);
      int column = table.requireColumn("predicted_D_max");
      if (table.rowCount() != grid.size()) {
        throw new GfaInputException(gridFile + ": " + table.rowCount() + " rows, not the " + grid.size() + " points of the grid");
      }
      double[] predicted = new double[grid.size()];
      for (int i = 0; i < predicted.length; i++) {
        predicted[i] = table.number(i, column);
      }
      Ledger known = ledger.upTo(k);
      TernarySelection selection = TernarySelection.select(grid, predicted,
          new TernarySelection.Options(settings.top(), settings.candidateStep(), known.measured()));
      List<TernaryMosaic.Marker> markers = new ArrayList<>();
      for (Ledger.Entry e : known.current()) {
        Composition alloy = e.result().composition();
        markers.add(new TernaryMosaic.Marker(100 * alloy.fractionOf(system.a()), 100 * alloy.fractionOf(system.b()),
            100 * alloy.fractionOf(system.c()), switch (e.result().outcome()) {
              case CRYSTALLINE -> TernaryMosaic.Style.CRYSTALLINE;
              case RIBBON -> TernaryMosaic.Style.RIBBON;
              case BMG -> TernaryMosaic.Style.BULK_GLASS;
            }));
      }
      JsonNode row = status.path("iterations").get(k);
      // the candidates the iteration proposed, as its summary records them (a batch, or a pair that
      // avoided pending alloys, is not what a fresh selection on the grid would give)
      List<Candidate> proposed = new ArrayList<>();
      for (JsonNode c : campaign.summary(k).path("candidates")) {
        Composition alloy = Composition.parse(c.path("composition").asText());
        int index = grid.find(alloy).orElse(-1);
        if (index < 0) {
          throw new GfaInputException(campaign.iteration(k).resolve(CampaignStore.SUMMARY) + ": candidate " + alloy.format()
              + " is not on the iteration's grid");
        }
        proposed.add(new Candidate(c.path("rank").asInt(), index, grid.atPercent(index), alloy,
            c.path("predicted_D_max").asDouble(), c.path("normalized").asDouble(), c.path("reason").asText()));
      }
      String caption = "iteration " + k + (k == 0 ? ": base data only" : ": +" + row.path("lab_alloys").asInt() + " lab alloys");
      List<String> next = new ArrayList<>();
      proposed.forEach(c -> next.add(c.composition().format().replace(" ", "")));
      String second = row.path("rows").asInt() + " rows \u00b7 next: " + String.join(", ", next);
      panels.add(new TernaryMosaic.Panel(selection, List.of(caption, second), markers, proposed));
    }
    TernaryMosaic mosaic = new TernaryMosaic(system.name() + " campaign: the map of every iteration", panels, Math.min(4, panels.size()));
    if (!gfa.core.io.OutputPath.isStandardOutput(maps) && maps.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
      AtomicOutput.writeString(maps, mosaic.svg());
    } else {
      byte[] png = mosaic.png();
      AtomicOutput.write(maps, out -> out.write(png));
    }
  }
}
