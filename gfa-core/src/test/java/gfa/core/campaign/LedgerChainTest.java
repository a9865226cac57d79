package gfa.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's hash chain, its checks against an iteration's results, and corrections. */
class LedgerChainTest {
  @TempDir Path tmp;
  static final String ANCHOR = "a".repeat(64);

  static LabResults round(String csv) {
    return LedgerTest.round(csv);
  }

  Ledger threeLines() {
    return Ledger.empty(ANCHOR)
        .append(1, round("Zr20Al20Cu60,crystalline,,\nZr20Al25Cu55,crystalline,,\n"), "r1.csv")
        .append(2, round("Zr50Al5Cu45,bmg,2.5,rod\n"), "r2.csv");
  }

  Path written(Ledger ledger) throws Exception {
    Path file = tmp.resolve("ledger.csv");
    ledger.write(file);
    return file;
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eachLineCarriesTheHashOfTheLineBeforeItAsWritten() throws Exception {
    Ledger ledger = threeLines();
    List<String> lines = Files.readAllLines(written(ledger));
    assertEquals(4, lines.size());
    assertTrue(lines.get(1).endsWith(",result," + ANCHOR), "the first line carries the anchor: " + lines.get(1));
    // The hash of a line is that of its text, newline included: `sed -n 2p ledger.csv | sha256sum`.
    assertTrue(lines.get(2).endsWith("," + sha256(lines.get(1) + "\n")), lines.get(2));
    assertTrue(lines.get(3).endsWith("," + sha256(lines.get(2) + "\n")), lines.get(3));
    assertEquals(sha256(lines.get(3) + "\n"), ledger.head());
    assertEquals(ANCHOR, Ledger.empty(ANCHOR).head());
    Ledger read = Ledger.read(tmp.resolve("ledger.csv"), ANCHOR);
    read.checkChain();
    read.checkNoRepeats();
    assertEquals(ledger.head(), read.head(), "reading gives the hashes writing made");
    assertEquals(ledger.upTo(1).head(), read.upTo(1).head());
    assertEquals(sha256(lines.get(2) + "\n"), read.upTo(1).head());
  }

  /** Rewrites the ledger file's lines (index 0 is the header) and reads it back. */
  Ledger tampered(java.util.function.Consumer<List<String>> edit) throws Exception {
    Path file = written(threeLines());
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    edit.accept(lines);
    Files.write(file, lines);
    return Ledger.read(file, ANCHOR);
  }

  @Test
  void anEditedLineBreaksTheNextLink() throws Exception {
    Ledger edited = tampered(l -> l.set(2, l.get(2).replace("Zr20 Al25 Cu55", "Zr25 Al20 Cu55")));
    GfaInputException e = assertThrows(GfaInputException.class, edited::checkChain);
    assertTrue(e.getMessage().contains("ledger.csv line 4: previous_line_sha256 "), e.getMessage());
    assertTrue(e.getMessage().contains("is not the hash of the line before it (" + tmp.resolve("ledger.csv") + " line 3"), e.getMessage());
  }

  @Test
  void aDeletedFirstLineBreaksTheAnchor() throws Exception {
    Ledger edited = tampered(l -> l.remove(1));
    GfaInputException e = assertThrows(GfaInputException.class, edited::checkChain);
    assertTrue(e.getMessage().contains("line 2: previous_line_sha256"), e.getMessage());
    assertTrue(e.getMessage().contains("is not the campaign's own hash aaaaaaaaaaaa"), e.getMessage());
    // A ledger of another campaign: the same.
    Path elsewhere = tmp.resolve("other-ledger.csv");
    threeLines().write(elsewhere);
    GfaInputException other = assertThrows(GfaInputException.class, () -> Ledger.read(elsewhere, "b".repeat(64)).checkChain());
    assertTrue(other.getMessage().contains("belongs to another campaign"), other.getMessage());
  }

  @Test
  void aDuplicatedLineIsNamedAsSuch() throws Exception {
    Ledger edited = tampered(l -> l.add(3, l.get(2)));
    GfaInputException e = assertThrows(GfaInputException.class, edited::checkNoRepeats);
    assertTrue(e.getMessage().endsWith("ledger.csv line 4 repeats line 3 (the same previous_line_sha256): a duplicated line"), e.getMessage());
  }

  @Test
  void linesMovedBackwardsInIterationsAreRefusedOnReading() throws Exception {
    GfaInputException e = assertThrows(GfaInputException.class, () -> tampered(l -> l.add(1, l.remove(3))));
    assertTrue(e.getMessage().endsWith("ledger.csv line 3: iteration 1 comes after iteration 2: ledger lines reordered"), e.getMessage());
  }

  @Test
  void aLabelThatDoesNotFollowFromTheOutcomeIsRefusedOnReading() throws Exception {
    GfaInputException e = assertThrows(GfaInputException.class, () -> tampered(l -> l.set(3, l.get(3).replace(",2.5,2.5,", ",2.5,9,"))));
    assertTrue(e.getMessage().endsWith("ledger.csv line 4: label_mm '9' does not follow from outcome bmg and dmax_mm 2.5 (2.5)"),
        e.getMessage());
  }

  @Test
  void anOldLedgerWithoutHashesIsRecognised() throws Exception {
    Path file = Files.writeString(tmp.resolve("ledger.csv"),
        "iteration,composition,outcome,dmax_mm,label_mm,note,results_file,results_sha256\n1,Zr20 Al20 Cu60,crystalline,,0,,r1.csv,x\n");
    GfaInputException e = assertThrows(GfaInputException.class, () -> Ledger.read(file, ANCHOR));
    assertTrue(e.getMessage().contains("a ledger written before gfa chained its lines"), e.getMessage());
  }

  @Test
  void theLinesOfAnIterationAreCheckedAgainstItsResultsFile() {
    Ledger ledger = threeLines();
    LabResults r1 = round("Zr20Al20Cu60,crystalline,,\nZr20Al25Cu55,crystalline,,\n");
    ledger.checkIteration(1, r1, "r1.csv", r1.sha256(), Ledger.Kind.RESULT);
    LabResults edited = round("Zr20Al20Cu60,crystalline,,\nZr20Al25Cu55,ribbon,,\n");
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> ledger.checkIteration(1, edited, "r1.csv", r1.sha256(), Ledger.Kind.RESULT));
    assertEquals("ledger entry 2 differs from lab.csv line 3: outcome crystalline, the results file has ribbon", e.getMessage());
    LabResults longer = round("Zr20Al20Cu60,crystalline,,\nZr20Al25Cu55,crystalline,,\nZr30Al20Cu50,ribbon,,\n");
    e = assertThrows(GfaInputException.class, () -> ledger.checkIteration(1, longer, "r1.csv", r1.sha256(), Ledger.Kind.RESULT));
    assertEquals("lab.csv line 4 (Zr30 Al20 Cu50) is missing from the ledger: 2 of the 3 rows of iteration 1 are there (a deleted line)",
        e.getMessage());
    LabResults shorter = round("Zr20Al20Cu60,crystalline,,\n");
    e = assertThrows(GfaInputException.class, () -> ledger.checkIteration(1, shorter, "r1.csv", r1.sha256(), Ledger.Kind.RESULT));
    assertTrue(e.getMessage().startsWith("ledger entry 2: one line too many for iteration 1"), e.getMessage());
    e = assertThrows(GfaInputException.class, () -> ledger.checkIteration(1, r1, "other.csv", r1.sha256(), Ledger.Kind.RESULT));
    assertTrue(e.getMessage().contains("is not the one iteration 1 recorded: other.csv"), e.getMessage());
    e = assertThrows(GfaInputException.class, () -> ledger.checkIteration(1, r1, "r1.csv", r1.sha256(), Ledger.Kind.CORRECTION));
    assertEquals("ledger entry 1: kind result, but iteration 1 recorded a correction", e.getMessage());
  }

  @Test
  void aCorrectionReplacesEveryEarlierReportOfItsAlloy() throws Exception {
    Composition rod = Composition.parse("Zr50Al5Cu45");
    Ledger ledger = threeLines().append(3, round("Zr50Al5Cu45,bmg,3.5,second rod\n"), "r3.csv");
    assertEquals(3.0, ledger.labels().get(rod), 1e-12, "two reports averaged");
    Ledger corrected = ledger.append(4, round("Zr50Al5Cu45,bmg,1.5,diameter misread\nZr20Al25Cu55,ribbon,,\n"), "fix.csv",
        Ledger.Kind.CORRECTION);
    assertEquals(1.5, corrected.labels().get(rod), 1e-12, "the correction alone counts");
    assertEquals(0.2, corrected.labels().get(Composition.parse("Zr20Al25Cu55")), 1e-12);
    assertEquals(0.0, corrected.labels().get(Composition.parse("Zr20Al20Cu60")), 1e-12, "other alloys keep their results");
    assertEquals(3, corrected.labels().size());
    assertEquals(1.5, corrected.best().orElseThrow().result().label(), 1e-12);
    assertEquals(6, corrected.size(), "nothing removed: the corrected lines stay in the ledger");
    // A later result of a corrected alloy counts with the correction.
    Ledger later = corrected.append(5, round("Zr50Al5Cu45,bmg,2.5,\n"), "r5.csv");
    assertEquals(2.0, later.labels().get(rod), 1e-12);
    // The corrected outcome is the one new results must agree with.
    later.checkConsistent(round("Zr20Al25Cu55,ribbon,,\n"));
    assertThrows(GfaInputException.class, () -> later.checkConsistent(round("Zr20Al25Cu55,crystalline,,\n")));
    // Written and read back: the kind survives, and so do the labels.
    Ledger read = Ledger.read(written(later), ANCHOR);
    read.checkChain();
    assertEquals(later.labels(), read.labels());
    assertEquals(Ledger.Kind.CORRECTION, read.entries().get(4).kind());
  }

  @Test
  void onlyAMeasuredAlloyCanBeCorrected() {
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> threeLines().checkCorrects(round("Zr50Al5Cu45,bmg,2,\nZr30Al30Cu40,ribbon,,\n")));
    assertTrue(e.getMessage().startsWith("lab.csv line 3: composition: Zr30 Al30 Cu40 was never measured"), e.getMessage());
  }
}
