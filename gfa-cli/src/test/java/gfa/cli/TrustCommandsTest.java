package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.Composition;
import gfa.core.io.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 on the command line: intervals, p_bmg and a trust report in predict-ternary's outputs;
 * acquisition rules, batches, bounds and a weigh-out sheet; pending and not-cast alloys in a
 * campaign; and the one-line refusals of bad options, before any training.
 */
class TrustCommandsTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path data;
  static Path batch;
  static GfaRun batchRun;

  static final String[] QUICK = {"--budget", "1", "--folds", "3", "--learners", "xgboost,lightgbm", "--step", "5", "--quiet"};

  static String[] args(String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(QUICK));
    return all.toArray(String[]::new);
  }

  @BeforeAll
  static void setUp() throws Exception {
    data = Files.writeString(shared.resolve("data.csv"), PredictTernaryCommandTest.dataset(120, 5));
    batch = shared.resolve("batch");
    batchRun = GfaRun.of(args("predict-ternary", "Zr-Al-Cu", "--data", data.toString(), "--out", batch.toString(),
        "--acquisition", "ucb", "--candidates", "4", "--bounds", "Zr=20..70,Al<=25", "--ingot-grams", "10", "--interval", "80"));
    assertEquals(0, batchRun.exit(), batchRun.toString());
  }

  @Test
  void gridCarriesTheIntervalAndPBmgOfEveryPoint() {
    CsvTable grid = CsvTable.read(batch.resolve("grid.csv"));
    int predicted = grid.requireColumn("predicted_D_max");
    int lower = grid.requireColumn("predicted_D_max_lower");
    int upper = grid.requireColumn("predicted_D_max_upper");
    int pBmg = grid.requireColumn("p_bmg");
    assertEquals(231, grid.rowCount());
    int wider = 0;
    for (int r = 0; r < grid.rowCount(); r++) {
      double p = grid.number(r, predicted);
      assertTrue(grid.number(r, lower) <= p + 1e-12 && p <= grid.number(r, upper) + 1e-12, "row " + r);
      assertTrue(grid.number(r, lower) >= 0, "no negative diameter");
      double q = grid.number(r, pBmg);
      assertTrue(q >= 0 && q <= 1, "row " + r);
      if (grid.number(r, upper) > grid.number(r, lower)) {
        wider++;
      }
    }
    assertTrue(wider > grid.rowCount() / 2, "intervals have width");
  }

  @Test
  void aBatchOfFourWithinTheBoundsWithTrustAndWeighOut() throws Exception {
    CsvTable c = CsvTable.read(batch.resolve("candidates.csv"));
    assertEquals(4, c.rowCount());
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < 4; r++) {
      int zr = Integer.parseInt(c.cell(r, c.requireColumn("Zr")));
      int al = Integer.parseInt(c.cell(r, c.requireColumn("Al")));
      assertTrue(zr >= 20 && zr <= 70 && al <= 25 && al > 0, "within the bounds: " + c.cell(r, 1));
      assertEquals(0, zr % 5, "on the 5 at.% lattice");
      assertTrue(seen.add(c.cell(r, c.requireColumn("composition"))), "four different alloys");
      double grams = c.number(r, c.requireColumn("grams_Zr")) + c.number(r, c.requireColumn("grams_Al"))
          + c.number(r, c.requireColumn("grams_Cu"));
      assertEquals(10, grams, 1e-3, "a 10 g ingot");
      assertTrue(c.cell(r, c.requireColumn("in_domain")).matches("true|false"));
      assertEquals(3, c.cell(r, c.requireColumn("nearest_known_alloys")).split("; ").length, "three nearest known alloys");
      assertTrue(c.cell(r, c.requireColumn("reason")).contains("ucb"), c.cell(r, c.requireColumn("reason")));
    }
    JsonNode summary = new ObjectMapper().readTree(batch.resolve("summary.json").toFile());
    assertEquals("ucb", summary.path("acquisition").path("rule").asText());
    assertEquals(80, summary.path("uncertainty").path("interval_percent").asDouble());
    JsonNode first = summary.path("candidates").get(0);
    assertTrue(first.path("trust").path("nearest_known_alloys").isArray());
    assertTrue(first.path("p_bmg").isNumber());
    assertTrue(first.path("weigh_out").path("grams").path("Zr").isNumber());
    assertTrue(Files.isRegularFile(batch.resolve("model/calibration.json")), "the trained model is calibrated");
  }

  @Test
  void badOptionsAreOneLineErrorsBeforeAnyTraining() {
    String[][] cases = {
        {"--acquisition", "greedy"},
        {"--candidates", "0"},
        {"--candidates", "500"},
        {"--bounds", "Zr>=90,Al>=20"},
        {"--bounds", "Zr=abc"},
        {"--ingot-grams", "0"},
        {"--ingot-grams", "-5"},
        {"--interval", "100"},
        {"--bmg-threshold", "0"},
    };
    String[] expected = {"greedy", "candidates", "500 candidates", "bounds", "Zr=abc", "ingot", "ingot", "interval", "bmg-threshold"};
    for (int k = 0; k < cases.length; k++) {
      for (String command : new String[] {"predict-ternary", "campaign-init"}) {
        Path out = dir.resolve(command + k);
        List<String> a = new ArrayList<>(command.equals("predict-ternary")
            ? List.of("predict-ternary", "Zr-Al-Cu", "--data", data.toString(), "--out", out.toString())
            : List.of("campaign", "init", "Zr-Al-Cu", "--data", data.toString(), "--dir", out.toString()));
        a.addAll(List.of(cases[k]));
        a.addAll(List.of(QUICK));
        long start = System.nanoTime();
        GfaRun run = GfaRun.of(a.toArray(String[]::new));
        assertEquals(2, run.exit(), command + " " + String.join(" ", cases[k]) + ": " + run);
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().toLowerCase().contains(expected[k].toLowerCase()), run.toString());
        assertFalse(Files.exists(out), "nothing written");
      }
    }
  }

  @Test
  void aCampaignKeepsPendingProposalsAndTakesNotCastOff() throws Exception {
    Path campaign = dir.resolve("camp");
    GfaRun init = GfaRun.of(args("campaign", "init", "Zr-Al-Cu", "--data", data.toString(), "--dir", campaign.toString(),
        "--candidates", "3"));
    assertEquals(0, init.exit(), init.toString());
    JsonNode s0 = summary(campaign, 0);
    List<String> proposed = new ArrayList<>();
    s0.path("candidates").forEach(c -> proposed.add(c.path("composition").asText()));
    assertEquals(3, proposed.size());
    assertEquals(3, s0.path("pending").size(), "iteration 0's three proposals wait for the lab");
    // the lab casts the first, cannot cast the second, and has not yet reported the third
    Path lab = Files.writeString(dir.resolve("lab.csv"), "composition,outcome,dmax_mm\n"
        + proposed.get(0).replace(" ", "") + ",ribbon,\n" + proposed.get(1).replace(" ", "") + ",not-cast,\n");
    GfaRun it = GfaRun.of("campaign", "iterate", "--campaign", campaign.toString(), "--results", lab.toString(), "--quiet");
    assertEquals(0, it.exit(), it.toString());
    JsonNode s1 = summary(campaign, 1);
    assertEquals(1, s1.path("training").path("lab_alloys").asInt(), "not-cast gives no label");
    assertEquals(proposed.get(1), s1.path("results").path("not_cast").get(0).asText());
    Set<String> pending = new HashSet<>();
    s1.path("pending").forEach(p -> pending.add(p.path("composition").asText()));
    assertTrue(pending.contains(proposed.get(2)), "still pending: " + pending);
    assertFalse(pending.contains(proposed.get(0)), "measured: no longer pending");
    assertFalse(pending.contains(proposed.get(1)), "not cast: no longer pending");
    Set<String> next = new HashSet<>();
    s1.path("candidates").forEach(c -> next.add(c.path("composition").asText()));
    assertFalse(next.contains(proposed.get(2)), "a pending alloy is never proposed again");
    assertFalse(next.contains(proposed.get(0)), "a measured alloy is never proposed again");
    CsvTable results = CsvTable.read(campaign.resolve("iterations/01/results.csv"));
    assertEquals(2, results.rowCount(), "the not-cast row is kept with the results");
    assertTrue(CsvTable.read(campaign.resolve("iterations/01/grid.csv")).columnIndex("p_bmg") >= 0);
    GfaRun verify = GfaRun.of("campaign", "verify", "--campaign", campaign.toString());
    assertEquals(0, verify.exit(), verify.toString());
    Composition.parse(proposed.get(2)); // a formula, as recorded
  }

  static JsonNode summary(Path campaign, int k) throws Exception {
    return new ObjectMapper().readTree(campaign.resolve(String.format("iterations/%02d/summary.json", k)).toFile());
  }
}
