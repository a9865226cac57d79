package gfa.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.dataset.Outcome;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A lab's results file: labels by docs/method.md §1, every problem one line naming the row and field. */
class LabResultsTest {
  static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");

  static LabResults parse(String csv) {
    return LabResults.parse(CsvTable.parse(csv, "lab.csv"), ZR_AL_CU);
  }

  @Test
  void outcomesBecomeLabels() {
    LabResults r = parse("""
        composition,outcome,dmax_mm,note
        Zr20Al20Cu60,crystalline,,round 1
        Zr40 Al20 Cu40,Ribbon,,
        Zr50Al5Cu45,bmg,2.5,rod
        Cu0.5Zr0.5,crystalline,0,binary edge
        """);
    assertEquals(4, r.results().size());
    assertEquals(0.0, r.results().get(0).label());
    assertEquals(0.2, r.results().get(1).label());
    assertEquals(Outcome.RIBBON, r.results().get(1).outcome());
    assertEquals(2.5, r.results().get(2).label());
    assertEquals("rod", r.results().get(2).note());
    assertEquals(Composition.parse("Zr50Cu50"), r.results().get(3).composition());
    assertEquals("lab.csv line 4", r.where(2));
    assertEquals(64, r.sha256().length());
  }

  @Test
  void theNoteColumnIsOptional() {
    LabResults r = parse("composition,outcome,dmax_mm\nZr55Al5Cu40,bmg,1.5\n");
    assertEquals("", r.results().get(0).note());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Zr50Fe50,crystalline,           | lab.csv line 2: composition 'Zr50Fe50' contains Fe, which is not in Zr-Al-Cu",
      "Zr50Xx50,crystalline,           | lab.csv line 2: composition: ",
      "Zr50Cu50,glassy,                | lab.csv line 2: outcome: outcome 'glassy' is not one of crystalline, ribbon, bmg",
      "Zr50Cu50,bmg,                   | lab.csv line 2: dmax_mm: outcome bmg needs the glassy rod diameter",
      "Zr50Cu50,bmg,-1                 | lab.csv line 2: dmax_mm '-1' is negative",
      "Zr50Cu50,bmg,0                  | lab.csv line 2: dmax_mm: outcome bmg needs a diameter > 0 mm",
      "Zr50Cu50,bmg,NaN                | lab.csv line 2: dmax_mm 'NaN' is not a number",
      "Zr50Cu50,ribbon,2               | lab.csv line 2: dmax_mm: outcome ribbon means D_max 0.2 mm, but dmax_mm is 2",
  })
  void badRowsAreNamed(String row, String message) {
    GfaInputException e = assertThrows(GfaInputException.class, () -> parse("composition,outcome,dmax_mm\n" + row + "\n"));
    assertTrue(e.getMessage().startsWith(message.strip()), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void anAlloyTwiceWithDifferentOutcomesIsRefused() {
    GfaInputException e = assertThrows(GfaInputException.class, () -> parse("""
        composition,outcome,dmax_mm
        Zr50Al5Cu45,bmg,2
        Zr55Al5Cu40,bmg,1.5
        Cu45 Zr50 Al5,crystalline,
        """));
    assertEquals("lab.csv line 4: outcome: Cu45 Zr50 Al5 is crystalline here but bmg in lab.csv line 2; correct one of them",
        e.getMessage());
    // The same outcome twice is two reports of one alloy: kept, and averaged when training.
    assertEquals(2, parse("composition,outcome,dmax_mm\nZr50Al5Cu45,bmg,2\nZr50Al5Cu45,bmg,2.5\n").results().size());
  }

  @Test
  void missingColumnsAndEmptyFilesAreRefused() {
    assertTrue(assertThrows(GfaInputException.class, () -> parse("composition,dmax_mm\nZr50Cu50,1\n"))
        .getMessage().contains("outcome"));
    assertEquals("lab.csv: no results (the file has a header but no rows)",
        assertThrows(GfaInputException.class, () -> parse("composition,outcome,dmax_mm\n")).getMessage());
  }
}
