package gfa.cli;

import gfa.cli.campaign.CampaignStore;
import gfa.cli.campaign.CampaignIteration;
import gfa.cli.campaign.CampaignSeal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.campaign.Ledger;
import gfa.core.io.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tamper-evident campaigns (issue 12): a campaign of two iterations (tiny model, as in
 * {@link CampaignCommandTest}) is changed by hand in each way the issue lists; then
 * {@code campaign verify}, {@code campaign status} and {@code iterate} each refuse it with exit 2
 * and one line naming the file, the line and what differs, and nothing in it changes. Also: an
 * intact campaign verifies with exit 0, and a correction is recorded as a new ledger entry and
 * used for training.
 */
class CampaignIntegrityTest {
  @TempDir static Path shared;
  @TempDir Path dir;
  /** A campaign after init and two iterations (round1, round2), never changed: tests copy it. */
  static Path twoRounds;
  static Path round1;
  static Path round2;
  static Path round3;

  @BeforeAll
  static void setUp() throws Exception {
    Path data = Files.writeString(shared.resolve("data.csv"), PredictTernaryCommandTest.dataset(120, 5));
    round1 = Files.writeString(shared.resolve("round1.csv"),
        "composition,outcome,dmax_mm,note\nZr20Al20Cu60,crystalline,,\nZr20Al25Cu55,crystalline,,\n");
    round2 = Files.writeString(shared.resolve("round2.csv"),
        "composition,outcome,dmax_mm,note\nZr50Al5Cu45,bmg,2.5,rod\nZr40Al20Cu40,ribbon,,\n");
    round3 = Files.writeString(shared.resolve("round3.csv"), "composition,outcome,dmax_mm,note\nZr45Al5Cu50,bmg,1,\n");
    twoRounds = shared.resolve("two-rounds");
    GfaRun init = GfaRun.of(CampaignCommandTest.init(data, twoRounds));
    assertEquals(0, init.exit(), init.toString());
    for (Path round : List.of(round1, round2)) {
      GfaRun run = CampaignCommandTest.iterate(twoRounds, round);
      assertEquals(0, run.exit(), run.toString());
    }
  }

  static GfaRun verify(Path campaign, String... more) {
    List<String> args = new ArrayList<>(List.of("campaign", "verify", "--campaign", campaign.toString()));
    args.addAll(List.of(more));
    return GfaRun.of(args.toArray(String[]::new));
  }

  @Test
  void anIntactCampaignVerifies() throws Exception {
    GfaRun run = verify(twoRounds);
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().startsWith(twoRounds + ": intact: campaign.json (SHA-256 "), run.out());
    assertTrue(run.out().contains("iterations 00..02, 4 ledger lines"), run.out());
    GfaRun json = verify(twoRounds, "--json");
    assertEquals(0, json.exit(), json.toString());
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertTrue(node.path("intact").asBoolean());
    assertEquals(3, node.path("iterations").asInt());
    assertEquals(4, node.path("ledger_lines").asInt());
    assertEquals(0, node.path("pending_lines").asInt());
    JsonNode settings = new ObjectMapper().readTree(twoRounds.resolve("campaign.json").toFile());
    assertEquals(settings.path("campaign_sha256").asText(), node.path("campaign_sha256").asText());
    JsonNode summary = new ObjectMapper().readTree(twoRounds.resolve("iterations/02/summary.json").toFile());
    assertEquals(summary.path("integrity").path("ledger_head_sha256").asText(), node.path("ledger_head_sha256").asText());
    assertEquals(4, summary.path("integrity").path("ledger_lines").asInt());
    assertEquals("", verify(twoRounds, "--quiet").out());
  }

  /** One way of changing a campaign by hand. */
  interface Tamper {
    void apply(Path campaign) throws IOException;
  }

  static Tamper ledgerLines(java.util.function.Consumer<List<String>> edit) {
    return c -> {
      List<String> lines = new ArrayList<>(Files.readAllLines(c.resolve("ledger.csv")));
      edit.accept(lines); // index 0 is the header; ledger.csv line N is index N - 1
      Files.write(c.resolve("ledger.csv"), lines);
    };
  }

  static Tamper replaceIn(String file, String from, String to) {
    return c -> {
      String text = Files.readString(c.resolve(file));
      assertTrue(text.contains(from), file + " contains " + from);
      Files.writeString(c.resolve(file), text.replace(from, to));
    };
  }

  /** Edits campaign.json and records the hash of the edited content, as a careful tamperer would. */
  static Tamper resealed(String from, String to) {
    return c -> {
      replaceIn("campaign.json", from, to).apply(c);
      ObjectNode settings = (ObjectNode) new ObjectMapper().readTree(c.resolve("campaign.json").toFile());
      CampaignSeal.seal(settings);
      Files.writeString(c.resolve("campaign.json"), settings.toPrettyString());
    };
  }

  static Stream<Arguments> tamperings() {
    String r1 = "/iterations/01/results.csv";
    return Stream.of(
        Arguments.of("a deleted ledger line", ledgerLines(l -> l.remove(2)),
            r1 + " line 3 (Zr20 Al25 Cu55) is missing from the ledger: 1 of the 2 rows of iteration 1 are there (a deleted line)"),
        Arguments.of("the first ledger line deleted", ledgerLines(l -> l.remove(1)),
            "ledger.csv line 2 differs from %C" + r1 + " line 2: composition Zr20 Al25 Cu55, the results file has Zr20 Al20 Cu60"),
        Arguments.of("an edited outcome in the ledger", ledgerLines(l -> l.set(2, l.get(2).replace("crystalline,,0,", "ribbon,,0.2,"))),
            "ledger.csv line 3 differs from %C" + r1 + " line 3: outcome ribbon, the results file has crystalline"),
        Arguments.of("an edited rod diameter in the ledger", ledgerLines(l -> l.set(3, l.get(3).replace(",bmg,2.5,2.5,", ",bmg,3.5,3.5,"))),
            "ledger.csv line 4 differs from %C/iterations/02/results.csv line 2: dmax_mm 3.5, the results file has 2.5"),
        Arguments.of("an edited outcome in an iteration's results.csv", replaceIn("iterations/01/results.csv", "Zr20 Al25 Cu55,crystalline",
            "Zr20 Al25 Cu55,ribbon"), "ledger.csv line 3 differs from %C" + r1 + " line 3: outcome crystalline, the results file has ribbon"),
        Arguments.of("the same outcome edited in the ledger and in results.csv",
            (Tamper) c -> {
              replaceIn("iterations/01/results.csv", "Zr20 Al25 Cu55,crystalline,", "Zr20 Al25 Cu55,ribbon,").apply(c);
              ledgerLines(l -> l.set(2, l.get(2).replace("crystalline,,0,", "ribbon,,0.2,"))).apply(c);
            },
            "ledger.csv line 4: previous_line_sha256 "),
        Arguments.of("edited seed in campaign.json", replaceIn("campaign.json", "\"seed\" : 42", "\"seed\" : 7"),
            "campaign.json was changed after the campaign began"),
        Arguments.of("edited level in campaign.json", replaceIn("campaign.json", "\"level\" : 3", "\"level\" : 2"),
            "/iterations/00/summary.json: level 2 (recorded 3)"),
        Arguments.of("edited system in campaign.json", replaceIn("campaign.json", "\"system\" : \"Zr-Al-Cu\"", "\"system\" : \"Zr-Cu-Al\""),
            "/iterations/00/summary.json: system \"Zr-Cu-Al\" (recorded \"Zr-Al-Cu\")"),
        Arguments.of("edited seed in campaign.json, its hash recomputed", resealed("\"seed\" : 42", "\"seed\" : 7"),
            "/iterations/00/summary.json: campaign_sha256 "),
        Arguments.of("the last iteration's folder deleted", (Tamper) c -> CampaignStore.deleteTree(c.resolve("iterations/02")),
            "ledger.csv line 4: iteration 02 has no folder %C/iterations/02 (a deleted iteration)"),
        Arguments.of("a middle iteration's folder deleted", (Tamper) c -> CampaignStore.deleteTree(c.resolve("iterations/01")),
            "iteration 01 is missing from iterations/"),
        Arguments.of("two lines of one iteration swapped", ledgerLines(l -> l.add(1, l.remove(2))),
            "ledger.csv line 2 differs from %C" + r1 + " line 2: composition Zr20 Al25 Cu55, the results file has Zr20 Al20 Cu60"),
        Arguments.of("lines of two iterations swapped", ledgerLines(l -> l.add(2, l.remove(3))),
            "ledger.csv line 4: iteration 1 comes after iteration 2: ledger lines reordered"),
        Arguments.of("a duplicated line at the end", ledgerLines(l -> l.add(l.get(4))),
            "ledger.csv line 6 repeats line 5 (the same previous_line_sha256): a duplicated line"),
        Arguments.of("a duplicated line in the middle", ledgerLines(l -> l.add(2, l.get(1))),
            "ledger.csv line 3 repeats line 2 (the same previous_line_sha256): a duplicated line"),
        Arguments.of("ledger.csv deleted", (Tamper) c -> Files.delete(c.resolve("ledger.csv")), "ledger.csv is missing"),
        Arguments.of("a campaign made before the hashes", (Tamper) c -> {
          ObjectNode settings = (ObjectNode) new ObjectMapper().readTree(c.resolve("campaign.json").toFile());
          settings.remove("campaign_sha256");
          Files.writeString(c.resolve("campaign.json"), settings.toPrettyString());
        }, "campaign.json: no campaign_sha256: a campaign made before gfa recorded hashes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void everyCommandRefusesATamperedCampaignAndWritesNothing(String what, Tamper tamper, String message) throws Exception {
    Path campaign = CampaignCommandTest.copy(twoRounds, dir.resolve("c"));
    tamper.apply(campaign);
    Map<String, String> before = CampaignCommandTest.tree(campaign);
    String expected = message.replace("%C", campaign.toString());
    List<GfaRun> runs = List.of(verify(campaign), verify(campaign, "--json"),
        GfaRun.of("campaign", "status", "--campaign", campaign.toString()),
        CampaignCommandTest.iterate(campaign, round3));
    for (GfaRun run : runs) {
      assertEquals(2, run.exit(), what + ": " + run);
      assertEquals(1, run.errLines().size(), what + ": " + run);
      assertTrue(run.errLines().get(0).startsWith("gfa: " + campaign),
          what + ": the message names a file of the campaign: " + run);
      assertTrue(run.err().contains(expected), what + ": expected '" + expected + "' in: " + run);
      assertEquals("", run.out(), what);
    }
    assertEquals(before, CampaignCommandTest.tree(campaign), what + ": nothing written");
    assertEquals(List.of(), CampaignCommandTest.hidden(campaign), what + ": not even a temporary file");
  }

  @Test
  void aCommandKilledBetweenCommitAndLedgerIsNotTampering() throws Exception {
    // What a kill after the commit leaves: the last iteration's lines not yet in ledger.csv.
    Path campaign = CampaignCommandTest.copy(twoRounds, dir.resolve("c"));
    ledgerLines(l -> l.subList(3, 5).clear()).apply(campaign);
    Map<String, String> before = CampaignCommandTest.tree(campaign);
    GfaRun run = verify(campaign, "--json");
    assertEquals(0, run.exit(), run.toString());
    assertEquals(2, new ObjectMapper().readTree(run.out()).path("ledger_lines").asInt());
    assertEquals(2, new ObjectMapper().readTree(run.out()).path("pending_lines").asInt());
    assertTrue(verify(campaign).out().contains("the next 'gfa iterate' appends them"));
    assertEquals(before, CampaignCommandTest.tree(campaign), "verify writes nothing");
    // The next writing command completes the ledger exactly as it was.
    GfaRun again = CampaignCommandTest.iterate(campaign, round2);
    assertEquals(0, again.exit(), again.toString());
    assertEquals(Files.readString(twoRounds.resolve("ledger.csv")), Files.readString(campaign.resolve("ledger.csv")));
    // The pending results are checked against the ledger hash their iteration recorded.
    Path edited = CampaignCommandTest.copy(twoRounds, dir.resolve("edited"));
    ledgerLines(l -> l.subList(3, 5).clear()).apply(edited);
    replaceIn("iterations/02/results.csv", "Zr50 Al5 Cu45,bmg,2.5", "Zr50 Al5 Cu45,bmg,3.5").apply(edited);
    Map<String, String> untouched = CampaignCommandTest.tree(edited);
    for (GfaRun r : List.of(verify(edited), CampaignCommandTest.iterate(edited, round3))) {
      assertEquals(2, r.exit(), r.toString());
      assertTrue(r.err().startsWith("gfa: " + edited + "/iterations/02/summary.json: after iteration 02 the ledger had 4 lines ending in hash "),
          r.err());
      assertTrue(r.err().contains(", but ledger.csv with " + edited + "/iterations/02/results.csv gives 4 lines ending in "), r.err());
    }
    assertEquals(untouched, CampaignCommandTest.tree(edited), "the edited results were not appended");
    // But the iteration before it cannot lag: that is lines deleted.
    Path older = CampaignCommandTest.copy(twoRounds, dir.resolve("older"));
    ledgerLines(l -> l.subList(1, 5).clear()).apply(older);
    GfaRun refused = verify(older);
    assertEquals(2, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("ledger.csv has no lines for iteration 01, which recorded 2 results"), refused.err());
  }

  @Test
  void aCorrectionIsANewLedgerEntryAndTrainingUsesIt() throws Exception {
    Path campaign = CampaignCommandTest.copy(twoRounds, dir.resolve("c"));
    String history = Files.readString(campaign.resolve("ledger.csv"));
    // A new result contradicting a recorded one is refused, as before...
    Path fix = Files.writeString(dir.resolve("fix.csv"),
        "composition,outcome,dmax_mm,note\nZr50Al5Cu45,bmg,1.5,diameter misread: 1.5 not 2.5\nZr20Al25Cu55,ribbon,,re-examined\n");
    GfaRun plain = CampaignCommandTest.iterate(campaign, fix);
    assertEquals(2, plain.exit(), plain.toString());
    assertTrue(plain.err().contains("was recorded as crystalline in iteration 1"), plain.err());
    // ... and recorded as a correction with --correction.
    GfaRun corrected = CampaignCommandTest.iterate(campaign, fix, "--correction");
    assertEquals(0, corrected.exit(), corrected.toString());
    String now = Files.readString(campaign.resolve("ledger.csv"));
    assertTrue(now.startsWith(history), "history is kept byte for byte; the correction is appended");
    CsvTable ledger = CsvTable.read(campaign.resolve("ledger.csv"));
    assertEquals(6, ledger.rowCount());
    assertEquals("correction", ledger.cell(4, ledger.requireColumn("kind")));
    assertEquals("3", ledger.cell(5, 0));
    JsonNode summary = new ObjectMapper().readTree(campaign.resolve("iterations/03/summary.json").toFile());
    assertEquals("correction", summary.path("results").path("kind").asText());
    assertEquals(4, summary.path("training").path("lab_alloys").asInt(), "the same four alloys, two with corrected labels");
    JsonNode s2 = new ObjectMapper().readTree(campaign.resolve("iterations/02/summary.json").toFile());
    assertEquals(s2.path("training").path("rows").asInt(), summary.path("training").path("rows").asInt());
    // Training used the corrected values: the verified ledger's labels are what CampaignIteration trains on.
    try (CampaignStore c = CampaignStore.open(campaign, false)) {
      Map<Composition, Double> labels = c.ledger().labels();
      assertEquals(1.5, labels.get(Composition.parse("Zr50Al5Cu45")), 1e-12);
      assertEquals(0.2, labels.get(Composition.parse("Zr20Al25Cu55")), 1e-12);
      assertEquals(0.0, labels.get(Composition.parse("Zr20Al20Cu60")), 1e-12);
    }
    assertEquals(0, verify(campaign).exit(), "a corrected campaign is intact");
    GfaRun status = GfaRun.of("campaign", "status", "--campaign", campaign.toString(), "--json");
    assertEquals(0, status.exit(), status.toString());
    JsonNode best = new ObjectMapper().readTree(status.out()).path("iterations").get(3).path("best_measured");
    assertEquals(1.5, best.path("label_mm").asDouble(), 1e-12, "status shows the corrected value");
    // The same correction again is recognised as recorded, as results files are.
    Map<String, String> before = CampaignCommandTest.tree(campaign);
    GfaRun again = GfaRun.of("iterate", "--campaign", campaign.toString(), "--results", fix.toString(), "--correction");
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.err().contains("already recorded by iteration 03"), again.err());
    assertEquals(before, CampaignCommandTest.tree(campaign));
    // A correction of an alloy never measured is refused, and nothing changes.
    Path unknown = Files.writeString(dir.resolve("unknown.csv"), "composition,outcome,dmax_mm\nZr30Al30Cu40,ribbon,\n");
    GfaRun refused = CampaignCommandTest.iterate(campaign, unknown, "--correction");
    assertEquals(2, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("unknown.csv line 2: composition: Zr30 Al30 Cu40 was never measured"), refused.err());
    assertEquals(before, CampaignCommandTest.tree(campaign));
    // Editing the correction's line afterwards is tampering like any other.
    ledgerLines(l -> l.set(5, l.get(5).replace(",bmg,1.5,1.5,", ",bmg,2.5,2.5,"))).apply(campaign);
    GfaRun tampered = verify(campaign);
    assertEquals(2, tampered.exit(), tampered.toString());
    assertTrue(tampered.err().contains("ledger.csv line 6 differs from " + campaign + "/iterations/03/results.csv line 2: dmax_mm 2.5"),
        tampered.err());
  }
}
