package gfa.cli;

import gfa.cli.campaign.CampaignStore;
import gfa.cli.campaign.CampaignIteration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.io.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The campaign end to end with a tiny model (120 made-up alloys, two learners, one trial, three
 * folds, a 5 at.% grid): init, iterate, status; the ledger; refusals of bad results that leave
 * the campaign unchanged; reproducibility; and a failure injected at every step of an iteration.
 */
class CampaignCommandTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  static Path data;
  /** A campaign after init, never changed: tests copy it. */
  static Path initial;
  /** The initial campaign after one uninterrupted iteration with {@link #round1}. */
  static Path reference;
  static Path round1;
  static Path round2;

  static final String[] QUICK = {"--budget", "1", "--folds", "3", "--learners", "xgboost,lightgbm", "--step", "5"};

  static String[] init(Path data, Path campaign, String... more) {
    List<String> args = new ArrayList<>(List.of("campaign", "init", "Zr-Al-Cu", "--data", data.toString(), "--dir", campaign.toString(), "--quiet"));
    args.addAll(List.of(QUICK));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  static GfaRun iterate(Path campaign, Path results, String... more) {
    List<String> args = new ArrayList<>(List.of("iterate", "--campaign", campaign.toString(), "--results", results.toString(), "--quiet"));
    args.addAll(List.of(more));
    return GfaRun.of(args.toArray(String[]::new));
  }

  @BeforeAll
  static void setUp() throws Exception {
    data = Files.writeString(shared.resolve("data.csv"), PredictTernaryCommandTest.dataset(120, 5));
    round1 = Files.writeString(shared.resolve("round1.csv"),
        "composition,outcome,dmax_mm,note\nZr20Al20Cu60,crystalline,,\nZr20Al25Cu55,crystalline,,\n");
    round2 = Files.writeString(shared.resolve("round2.csv"),
        "composition,outcome,dmax_mm,note\nZr50Al5Cu45,bmg,2.5,rod\nZr40Al20Cu40,ribbon,,\n");
    initial = shared.resolve("initial");
    GfaRun run = GfaRun.of(init(data, initial));
    assertEquals(0, run.exit(), run.toString());
    reference = copy(initial, shared.resolve("reference"));
    GfaRun it = iterate(reference, round1);
    assertEquals(0, it.exit(), it.toString());
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /**
   * The campaign's visible files (hidden ones are the lock and temporary files, checked by
   * {@link #hidden}) and their content, timings removed (report.json's "seconds"):
   * what must be identical between two runs with the same inputs and seed.
   */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString();
        if (name.startsWith(".") || name.contains("/.")) {
          continue; // the lock, and what a killed run left in hidden temporary files: not part of the campaign
        }
        byte[] bytes = Files.readAllBytes(p);
        String content;
        if (name.endsWith("report.json")) {
          JsonNode json = new ObjectMapper().readTree(bytes);
          stripSeconds(json);
          content = json.toString();
        } else if (name.endsWith(".png")) {
          content = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } else {
          content = new String(bytes, StandardCharsets.UTF_8);
        }
        files.put(name, content);
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  private static void stripSeconds(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove("seconds");
      o.forEach(CampaignCommandTest::stripSeconds);
    }
  }

  static List<Path> hidden(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root) && p.getFileName().toString().startsWith(".")
          && !p.getFileName().toString().equals(".lock")).toList();
    }
  }

  @Test
  void initCreatesIterationZeroWithEverythingThatFixesTheCampaign() throws Exception {
    JsonNode settings = new ObjectMapper().readTree(initial.resolve("campaign.json").toFile());
    assertEquals("Zr-Al-Cu", settings.path("system").asText());
    assertEquals(3, settings.path("level").asInt());
    assertEquals(42, settings.path("seed").asInt());
    assertEquals(1, settings.path("budget").asInt());
    assertEquals(CsvTable.read(data).sha256(), settings.path("data").path("sha256").asText());
    assertArrayEquals(Files.readAllBytes(data), Files.readAllBytes(initial.resolve("base-data.csv")));
    assertEquals(String.join(",", gfa.core.campaign.Ledger.HEADER) + "\n", Files.readString(initial.resolve("ledger.csv")));
    Path it0 = initial.resolve("iterations/00");
    for (String f : List.of("grid.csv", "candidates.csv", "ternary.png", "ternary.svg", "summary.json", "model/manifest.json", "model/report.json")) {
      assertTrue(Files.isRegularFile(it0.resolve(f)), f);
    }
    assertFalse(Files.exists(it0.resolve("results.csv")), "iteration 0 records no lab results");
    JsonNode summary = new ObjectMapper().readTree(it0.resolve("summary.json").toFile());
    assertEquals(0, summary.path("training").path("lab_alloys").asInt());
    assertEquals("tuned", summary.path("training").path("hyperparameters").asText());
    assertEquals(2, summary.path("candidates").size());
    assertEquals(231, CsvTable.read(it0.resolve("grid.csv")).rowCount(), "a 5 at.% grid");
    JsonNode manifest = new ObjectMapper().readTree(it0.resolve("model/manifest.json").toFile());
    assertEquals("Zr-Al-Cu", manifest.path("pruning").path("system").asText());
    assertEquals(0, manifest.path("campaign").path("iteration").asInt());
    assertEquals(List.of(), hidden(initial));
  }

  @Test
  void iterateRecordsResultsRetrainsAndNeverProposesAMeasuredAlloy() throws Exception {
    Path campaign = copy(reference, dir.resolve("c"));
    Path it1 = campaign.resolve("iterations/01");
    JsonNode s1 = new ObjectMapper().readTree(it1.resolve("summary.json").toFile());
    JsonNode s0 = new ObjectMapper().readTree(campaign.resolve("iterations/00/summary.json").toFile());
    assertEquals(s0.path("training").path("rows").asInt() + 2, s1.path("training").path("rows").asInt(), "two lab alloys added");
    assertEquals("reused from iteration 00", s1.path("training").path("hyperparameters").asText());
    assertEquals(CsvTable.read(round1).sha256(), s1.path("results").path("sha256").asText());
    assertEquals(2, CsvTable.read(it1.resolve("results.csv")).rowCount());
    CsvTable ledger = CsvTable.read(campaign.resolve("ledger.csv"));
    assertEquals(2, ledger.rowCount());
    assertEquals("1", ledger.cell(0, 0));
    assertEquals("round1.csv", ledger.cell(0, ledger.requireColumn("results_file")));

    GfaRun two = iterate(campaign, round2);
    assertEquals(0, two.exit(), two.toString());
    Set<Composition> measured = new HashSet<>();
    for (String f : List.of("Zr20Al20Cu60", "Zr20Al25Cu55", "Zr50Al5Cu45", "Zr40Al20Cu40")) {
      measured.add(Composition.parse(f));
    }
    for (int k = 1; k <= 2; k++) {
      JsonNode s = new ObjectMapper().readTree(campaign.resolve("iterations/0" + k + "/summary.json").toFile());
      for (JsonNode c : s.path("candidates")) {
        Composition proposed = Composition.parse(c.path("composition").asText());
        assertFalse(measured.contains(proposed) && k == 2, "iteration 2 proposes a measured alloy: " + proposed);
      }
    }
    // Hyperparameters are reused, not searched again, unless --retune.
    JsonNode m0 = new ObjectMapper().readTree(campaign.resolve("iterations/00/model/manifest.json").toFile());
    JsonNode m2 = new ObjectMapper().readTree(campaign.resolve("iterations/02/model/manifest.json").toFile());
    assertEquals(m0.path("models").path("xgboost").path("params"), m2.path("models").path("xgboost").path("params"));
    JsonNode r2 = new ObjectMapper().readTree(campaign.resolve("iterations/02/model/report.json").toFile());
    assertEquals(0, r2.path("models").path("xgboost").path("trials").asInt());
    assertEquals(4, CsvTable.read(campaign.resolve("ledger.csv")).rowCount());

    GfaRun status = GfaRun.of("campaign", "status", "--campaign", campaign.toString(), "--json", "--maps", dir.resolve("maps.png").toString());
    assertEquals(0, status.exit(), status.toString());
    JsonNode st = new ObjectMapper().readTree(status.out());
    assertEquals(3, st.path("iterations").size());
    assertEquals(4, st.path("lab_results").asInt());
    JsonNode row2 = st.path("iterations").get(2);
    assertEquals("Zr50 Al5 Cu45", row2.path("best_measured").path("composition").asText());
    assertEquals(2.5, row2.path("best_measured").path("label_mm").asDouble());
    assertTrue(st.path("iterations").get(1).path("top_region").path("moved_at_percent").isNumber());
    JsonNode c0 = st.path("iterations").get(0).path("candidates");
    for (JsonNode c : c0) {
      boolean wasMeasured = measured.contains(Composition.parse(c.path("composition").asText()));
      assertEquals(wasMeasured, !c.path("outcome").isNull(), "outcome shown exactly for measured candidates: " + c);
    }
    assertTrue(Files.size(dir.resolve("maps.png")) > 10_000, "the maps of three iterations side by side");
    GfaRun text = GfaRun.of("campaign", "status", "--campaign", campaign.toString());
    assertEquals(0, text.exit(), text.toString());
    assertEquals(5, text.out().lines().count(), text.out());
    assertTrue(text.out().contains("Zr50Al5Cu45 bmg 2.5 mm"), text.out());
  }

  @Test
  void sameResultsTwiceAreRecordedOnce() throws Exception {
    Path campaign = copy(reference, dir.resolve("c"));
    Map<String, String> before = tree(campaign);
    GfaRun again = GfaRun.of("iterate", "--campaign", campaign.toString(), "--results", round1.toString());
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.err().contains("already recorded by iteration 01"), again.err());
    assertEquals(before, tree(campaign));
  }

  @Test
  void sameInputsAndSeedReproduceAnIterationExactly() throws Exception {
    Path campaign = copy(initial, dir.resolve("c"));
    GfaRun run = iterate(campaign, round1);
    assertEquals(0, run.exit(), run.toString());
    assertEquals(tree(reference), tree(campaign));
    // And a whole campaign from scratch: init too.
    Path fresh = dir.resolve("fresh");
    assertEquals(0, GfaRun.of(init(data, fresh)).exit());
    assertEquals(0, iterate(fresh, round1).exit());
    Map<String, String> a = tree(reference);
    Map<String, String> b = tree(fresh);
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertEquals(a.get(name), b.get(name), name);
    }
  }

  @Test
  void retuneSearchesAgain() throws Exception {
    Path campaign = copy(initial, dir.resolve("c"));
    GfaRun run = iterate(campaign, round1, "--retune");
    assertEquals(0, run.exit(), run.toString());
    JsonNode s1 = new ObjectMapper().readTree(campaign.resolve("iterations/01/summary.json").toFile());
    assertEquals("tuned", s1.path("training").path("hyperparameters").asText());
    JsonNode r1 = new ObjectMapper().readTree(campaign.resolve("iterations/01/model/report.json").toFile());
    assertEquals(1, r1.path("models").path("xgboost").path("trials").asInt());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Zr50Fe50,crystalline,       | bad.csv line 2: composition 'Zr50Fe50' contains Fe, which is not in Zr-Al-Cu",
      "Zr50Cu50,amorphous,         | bad.csv line 2: outcome: outcome 'amorphous' is not one of crystalline, ribbon, bmg",
      "Zr50Cu50,bmg,               | bad.csv line 2: dmax_mm: outcome bmg needs the glassy rod diameter in mm (dmax_mm)",
      "Zr50Cu50,bmg,-2             | bad.csv line 2: dmax_mm '-2' is negative",
      "Zr20Al20Cu60,ribbon,        | bad.csv line 2: outcome: Zr20 Al20 Cu60 is ribbon here but was recorded as crystalline in iteration 1",
      "Zr50Cu50,bmg,nan            | bad.csv line 2: dmax_mm 'nan' is not a number",
  })
  void badResultsLeaveTheCampaignUnchanged(String row, String message) throws Exception {
    Path campaign = copy(reference, dir.resolve("c"));
    Map<String, String> before = tree(campaign);
    Path bad = Files.writeString(dir.resolve("bad.csv"), "composition,outcome,dmax_mm\n" + row + "\n");
    GfaRun run = iterate(campaign, bad);
    assertEquals(2, run.exit(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());
    assertTrue(run.errLines().get(0).startsWith("gfa: " + dir.resolve(message.strip())), run.toString());
    assertEquals(before, tree(campaign));
    assertEquals(List.of(), hidden(campaign));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "composition,outcome,dmax_mm\n", "composition,dmax_mm\nZr50Cu50,1\n"})
  void emptyOrIncompleteResultsFilesAreRefused(String content) throws Exception {
    Path campaign = copy(reference, dir.resolve("c"));
    Map<String, String> before = tree(campaign);
    GfaRun run = iterate(campaign, Files.writeString(dir.resolve("lab.csv"), content));
    assertEquals(2, run.exit(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());
    assertEquals(before, tree(campaign));
  }

  @Test
  void usageProblemsAreOneLineErrors() throws Exception {
    Path campaign = copy(reference, dir.resolve("c"));
    GfaRun seed = iterate(campaign, round2, "--seed", "7");
    assertEquals(2, seed.exit(), seed.toString());
    assertTrue(seed.err().contains("--seed is fixed when the campaign is created"), seed.err());
    GfaRun none = iterate(dir.resolve("nowhere"), round2);
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("campaign directory not found"), none.err());
    GfaRun missing = iterate(campaign, dir.resolve("absent.csv"));
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("results file not found"), missing.err());
    // Another gfa command is changing the campaign: refused, not interleaved.
    try (CampaignStore busy = CampaignStore.open(campaign, true)) {
      GfaRun run = iterate(campaign, round2);
      assertEquals(2, run.exit(), run.toString());
      assertTrue(run.err().contains("is busy"), run.err());
    }
  }

  @Test
  void changedBaseDataAreRefused() throws Exception {
    Path campaign = copy(reference, dir.resolve("c"));
    Files.writeString(campaign.resolve("base-data.csv"), "\nZr50Cu50,1.0\n", java.nio.file.StandardOpenOption.APPEND);
    Map<String, String> before = tree(campaign);
    GfaRun run = iterate(campaign, round2);
    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains("has changed since the campaign began"), run.err());
    assertEquals(before, tree(campaign));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Zr-Al           | ternary system 'Zr-Al' names 2 elements",
      "Zr-Al-Cu --level 6 | level",
      "Zr-Al-Cu --step 3  | step",
  })
  void badInitLeavesNoDirectory(String args, String message) {
    List<String> all = new ArrayList<>(List.of("campaign", "init"));
    all.addAll(List.of(args.strip().split(" ")));
    Path campaign = dir.resolve("new");
    all.addAll(List.of("--data", data.toString(), "--dir", campaign.toString(), "--quiet"));
    GfaRun run = GfaRun.of(all.toArray(String[]::new));
    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains(message.strip()), run.toString());
    assertFalse(Files.exists(campaign));
  }

  @Test
  void initRefusesAnExistingCampaign() throws Exception {
    Path campaign = copy(initial, dir.resolve("c"));
    Map<String, String> before = tree(campaign);
    GfaRun run = GfaRun.of(init(data, campaign));
    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains("is not empty"), run.err());
    assertEquals(before, tree(campaign));
  }

  /** Thrown by the test hook: a crash at a named step, as if the process had died there. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash(String step) {
      super("simulated crash at " + step);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"opened", "validated", "computed", "iteration-half-written", "committed", "ledger-written"})
  void aCrashAtAnyStepLeavesTheOldOrTheNewIterationAndARerunCompletesIt(String step) throws Exception {
    Path campaign = copy(initial, dir.resolve("c"));
    Map<String, String> old = tree(campaign);
    Map<String, String> complete = tree(reference);
    IterateCommand.checkpoint = s -> {
      if (s.equals(step)) {
        throw new SimulatedCrash(s);
      }
    };
    boolean died = false;
    try {
      iterate(campaign, round1); // an Error passes through picocli, as a dying process stops everything
    } catch (SimulatedCrash expected) {
      died = true;
    } finally {
      IterateCommand.checkpoint = CampaignIteration.Checkpoint.NONE;
    }
    assertTrue(died, "the command stopped at " + step);
    // What a kill would also leave: a half-written iteration directory and a temporary ledger.
    Files.createDirectories(campaign.resolve("iterations/.01.crash.tmp/model"));
    Files.writeString(campaign.resolve("iterations/.01.crash.tmp/grid.csv"), "composition,predic");
    Files.writeString(campaign.resolve(".ledger.csv.crash.tmp"), "iteration,compo");

    Map<String, String> after = tree(campaign);
    boolean committed = Files.isDirectory(campaign.resolve("iterations/01"));
    if (!committed) {
      assertEquals(old, after, "before the commit the campaign is the old one");
    } else {
      // After the commit the iteration is complete; only the ledger may lag, and status already sees it.
      Map<String, String> expected = new TreeMap<>(complete);
      Map<String, String> actual = new TreeMap<>(after);
      expected.remove("ledger.csv");
      actual.remove("ledger.csv");
      assertEquals(expected, actual);
      GfaRun status = GfaRun.of("campaign", "status", "--campaign", campaign.toString(), "--json");
      assertEquals(0, status.exit(), status.toString());
      assertEquals(2, new ObjectMapper().readTree(status.out()).path("lab_results").asInt());
    }
    assertEquals(List.of("opened", "validated", "computed", "iteration-half-written").contains(step), !committed, step);

    GfaRun rerun = iterate(campaign, round1);
    assertEquals(0, rerun.exit(), rerun.toString());
    assertEquals(complete, tree(campaign), "the rerun completes the iteration exactly as an uninterrupted run");
    assertEquals(List.of(), hidden(campaign), "and removes what the crash left");
  }

  static final List<String> STEPS = List.of("opened", "validated", "computed", "iteration-half-written", "committed", "ledger-written");

  /**
   * The real thing: a separate gfa process killed (SIGKILL, no clean-up of any kind) while it
   * waits at each step of an iteration, and at three moments of an uninterrupted run. Whenever it
   * dies, the campaign is the old one or the new one, and rerunning the command completes it
   * exactly as an uninterrupted run.
   */
  @Test
  void killingTheProcessAtAnyMomentIsSafe() throws Exception {
    Map<String, String> old = tree(initial);
    Map<String, String> complete = tree(reference);
    for (String step : STEPS) {
      Path campaign = copy(initial, dir.resolve("killed-at-" + step));
      Path log = dir.resolve("killed-at-" + step + ".log");
      Process p = child(campaign, log, step);
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!(Files.exists(log) && Files.readString(log).contains("gfa-test: paused at " + step))) {
        assertTrue(p.isAlive() && System.nanoTime() < deadline, "the child reaches " + step + ": " + Files.readString(log));
        Thread.sleep(50);
      }
      p.destroyForcibly(); // SIGKILL
      p.waitFor();
      checkKilledThenRerun(campaign, old, complete, STEPS.indexOf(step) >= STEPS.indexOf("committed"), "killed at " + step);
    }
    // And at arbitrary moments of a real run, timed against an uninterrupted one.
    Path timed = copy(initial, dir.resolve("timed"));
    long start = System.nanoTime();
    assertEquals(0, child(timed, dir.resolve("timed.log"), null).waitFor(), "an uninterrupted run in a fresh process");
    long fullMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(complete, tree(timed), "an uninterrupted run in a fresh process gives the reference");
    for (double fraction : new double[] {0.2, 0.6, 0.95}) {
      long delayMs = Math.round(fraction * fullMs);
      Path campaign = copy(initial, dir.resolve("killed-after-" + delayMs));
      Process p = child(campaign, dir.resolve("killed-after-" + delayMs + ".log"), null);
      if (!p.waitFor(delayMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor();
      }
      checkKilledThenRerun(campaign, old, complete, Files.isDirectory(campaign.resolve("iterations/01")), "killed after " + delayMs + " ms");
    }
  }

  private static void checkKilledThenRerun(Path campaign, Map<String, String> old, Map<String, String> complete, boolean committed,
      String what) throws IOException {
    Map<String, String> after = tree(campaign);
    assertEquals(committed, Files.isDirectory(campaign.resolve("iterations/01")), what);
    if (committed) {
      Map<String, String> expected = new TreeMap<>(complete);
      expected.remove("ledger.csv");
      after.remove("ledger.csv");
      assertEquals(expected, after, what + ": the new iteration is complete");
    } else {
      assertEquals(old, after, what + ": the old iteration is untouched");
    }
    GfaRun rerun = iterate(campaign, round1);
    assertEquals(0, rerun.exit(), rerun.toString());
    assertEquals(complete, tree(campaign), what + ", then rerun");
    assertEquals(List.of(), hidden(campaign), what);
  }

  private static Process child(Path campaign, Path log, String pauseAt) throws IOException {
    String javaBinary = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(javaBinary, "--enable-native-access=ALL-UNNAMED", "-Xmx1g"));
    if (pauseAt != null) {
      command.add("-Dgfa.test.pauseAt=" + pauseAt);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "gfa.cli.Gfa", "iterate", "--campaign", campaign.toString(),
        "--results", round1.toString(), "--quiet", "--threads", "2"));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
