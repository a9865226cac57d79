package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.io.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gfa simulate} end to end on a small data file written here (a Zr-Al-Cu pool on the
 * 10 at.% lattice and five other systems as base data), with one small XGBoost, and its refusals.
 */
class SimulateCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path data;
  static Path params;

  @BeforeAll
  static void files() throws IOException {
    StringBuilder csv = new StringBuilder("composition,D_max\n");
    for (int a = 10; a <= 80; a += 10) {
      for (int b = 10; a + b <= 90; b += 10) {
        int c = 100 - a - b;
        double d = Math.max(0.2, 8 - 0.01 * ((a - 50) * (a - 50) + 4 * (b - 10) * (b - 10) + (c - 40) * (c - 40)));
        csv.append("Zr").append(a).append("Al").append(b).append("Cu").append(c).append(',').append(d).append('\n');
      }
    }
    String[][] base = {{"Zr", "Ni", "Ti"}, {"Cu", "Mg", "Y"}, {"Al", "La", "Ni"}, {"Fe", "B", "Si"}, {"Pd", "Ni", "P"}};
    for (String[] s : base) {
      for (int a = 20; a <= 60; a += 10) {
        for (int b = 10; a + b <= 80; b += 20) {
          csv.append(s[0]).append(a).append(s[1]).append(b).append(s[2]).append(100 - a - b).append(',')
              .append(0.02 * a + 0.01 * b).append('\n');
        }
      }
    }
    data = Files.writeString(shared.resolve("small.csv"), csv.toString());
    params = StudyCommandTest.smallXgboost(shared.resolve("params"));
  }

  static String[] simulate(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("simulate", "--data", data.toString(), "--system", "Zr-Al-Cu",
        "--model-params", params.toString(), "--threads", "2", "--out", out.toString()));
    a.addAll(List.of(more));
    if (!a.contains("--rounds")) {
      a.addAll(List.of("--rounds", "2"));
    }
    if (!a.contains("--repeats")) {
      a.addAll(List.of("--repeats", "1"));
    }
    return a.toArray(String[]::new);
  }

  @Test
  void writesTheTableTheSummaryAndThePlot() throws IOException {
    Path out = dir.resolve("sim");
    GfaRun run = GfaRun.of(simulate(out, "--json", "--quiet"));
    assertEquals(0, run.exit(), run::toString);
    for (String f : List.of("simulate.csv", "summary.json", "best-so-far.png", "best-so-far.svg")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    CsvTable table = CsvTable.read(out.resolve("simulate.csv"));
    assertEquals(6 * 3, table.rowCount()); // six strategies x one repeat x rounds 0..2
    assertEquals("Zr-Al-Cu", table.cell(0, table.requireColumn("system")));
    JsonNode summary = new ObjectMapper().readTree(run.out());
    JsonNode system = summary.get("systems").get(0);
    assertEquals(36, system.get("pool").asInt());
    assertEquals(6, system.get("strategies").size());
    assertEquals(3, system.get("strategies").get("top").get("mean_best_so_far").size());
    assertEquals(summary.get("systems"), new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("systems"));
    // same inputs and seed: the same table
    Path again = dir.resolve("again");
    assertEquals(0, GfaRun.of(simulate(again, "--quiet")).exit());
    assertEquals(Files.readString(out.resolve("simulate.csv")), Files.readString(again.resolve("simulate.csv")));
  }

  static void refused(GfaRun run, String message, Path out) {
    assertEquals(2, run.exit(), run::toString);
    assertEquals(List.of("gfa: " + message), run.errLines());
    assertFalse(Files.exists(out));
  }

  @Test
  void refusesBadInputInOneLine() {
    Path out = dir.resolve("bad");
    refused(GfaRun.of(simulate(out, "--acquisition", "top,greedy")),
        "unknown strategy 'greedy'; use one of random, top, ucb, ei, pbmg, explore", out);
    refused(GfaRun.of(simulate(out, "--candidates", "0")), "--candidates 0 is below 1; cast at least one alloy per round", out);
    refused(GfaRun.of(simulate(out, "--rounds", "0")), "--rounds 0 is below 1; simulate at least one round", out);
    refused(GfaRun.of(simulate(out, "--repeats", "0")), "--repeats 0 is below 1; run at least one repeat", out);
    refused(GfaRun.of(simulate(out, "--candidates", "13")), "Zr-Al-Cu has 36 reported alloys in small.csv (rows of exactly "
        + "Al-Cu-Zr), fewer than the 39 a campaign casts (13 per round x 3 rounds, the opening batch included)", out);
    refused(GfaRun.of(simulate(out, "--system", "Cu-Zr-Al")), "--system names Zr-Al-Cu twice; give each system once", out);
    refused(GfaRun.of(simulate(out, "--system", "Mg-Zn-Ca")), "Mg-Zn-Ca has 0 reported alloys in small.csv (rows of exactly "
        + "Mg-Ca-Zn), fewer than the 6 a campaign casts (2 per round x 3 rounds, the opening batch included)", out);
  }
}
