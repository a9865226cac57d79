package gfa.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.campaign.LabResults;
import gfa.core.dataset.DatasetReader;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
import org.junit.jupiter.api.Test;

/** Values no alloy has: refused with a short one-line message, never passed on as numbers. */
class HostileValuesTest {
  @Test
  void fractionsTooSmallToDescribeAreRefused() {
    GfaInputException e = assertThrows(GfaInputException.class, () -> Composition.parse("Zr99999999999999999999999999Cu1"));
    assertTrue(e.getMessage().contains("Cu is 1E-26 of the alloy, below the 1.0E-12"), e.getMessage());
    assertThrows(GfaInputException.class, () -> Composition.parse("Zr1Cu0.0000000000000001"));
    assertThrows(GfaInputException.class, () -> Composition.of(new Element[] {Element.of("Zr"), Element.of("Cu")}, new double[] {1, 1e-16}));
    assertEquals(1e-11, Composition.parse("Zr0.000000001 Cu100").fractionOf(Element.of("Zr")), 1e-20); // still resolved
  }

  @Test
  void messagesQuoteAtMostAHundredCharactersOfAFormula() {
    String formula = "Zr" + "5".repeat(1_000_000);
    GfaInputException e = assertThrows(GfaInputException.class, () -> Composition.parse(formula));
    assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " characters");
    assertTrue(e.getMessage().contains("... (1000002 characters)"), e.getMessage());
    String letters = "Zr50" + "Q".repeat(500_000);
    assertTrue(assertThrows(GfaInputException.class, () -> Composition.parse(letters)).getMessage().length() < 400);
    String lower = "Zr50" + "x".repeat(500_000);
    assertTrue(assertThrows(GfaInputException.class, () -> Composition.parse(lower)).getMessage().length() < 400);
  }

  @Test
  void excerptEscapesAndCuts() {
    assertEquals("a\\nb\\u0000", Excerpt.of("a\nb\0"));
    assertEquals("x".repeat(100) + "... (101 characters)", Excerpt.of("x".repeat(101)));
    assertEquals("x".repeat(100), Excerpt.of("x".repeat(100)));
  }

  @Test
  void subscriptDigitsGetAHint() {
    GfaInputException e = assertThrows(GfaInputException.class, () -> Composition.parse("Zr₅₀Cu₅₀"));
    assertTrue(e.getMessage().contains("subscript digits are not read"), e.getMessage());
  }

  @Test
  void aTargetBeyondPhysicsIsRefusedUnlessTheBoundIsRaised() {
    CsvTable data = CsvTable.parse("composition,D_max\nZr50Cu50,1e30\nCu60Zr40,2\n", "d.csv");
    GfaInputException e = assertThrows(GfaInputException.class, () -> DatasetReader.of(data).read());
    assertTrue(e.getMessage().startsWith("d.csv line 2: D_max '1e30' mm is above 100 mm"), e.getMessage());
    assertThrows(GfaInputException.class, () -> DatasetReader.of(data).withMaxDmax(1e29).read());
    assertEquals(1e30, DatasetReader.of(data).withMaxDmax(1e31).read().target()[0]);
    assertEquals(100.0, DatasetReader.of(CsvTable.parse("composition,D_max\nZr50Cu50,100\n", "d.csv")).read().target()[0]);

    CsvTable labelled = CsvTable.parse("composition,outcome,dmax_mm\nZr50Cu50,bmg,1e308\n", "lab.csv");
    e = assertThrows(GfaInputException.class, () -> DatasetReader.of(labelled).read());
    assertTrue(e.getMessage().startsWith("lab.csv line 2: dmax_mm '1e308' mm is above 100 mm"), e.getMessage());
    // another target column is not a diameter: no bound
    CsvTable other = CsvTable.parse("composition,Tg\nZr50Cu50,1000\n", "t.csv");
    assertEquals(1000.0, DatasetReader.of(other).read("Tg").target()[0]);
  }

  @Test
  void labResultsBeyondPhysicsAreRefused() {
    TernarySystem zrCuAl = TernarySystem.parse("Zr-Cu-Al");
    CsvTable lab = CsvTable.parse("composition,outcome,dmax_mm\nZr50Cu45Al5,bmg,1e30\n", "lab.csv");
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> LabResults.parse(lab, zrCuAl, gfa.core.dataset.Labels.DEFAULT_MAX_DMAX_MM));
    assertTrue(e.getMessage().startsWith("lab.csv line 2: dmax_mm '1e30' mm is above 100 mm"), e.getMessage());
    assertEquals(150.0, LabResults.parse(CsvTable.parse("composition,outcome,dmax_mm\nZr50Cu45Al5,bmg,150\n", "lab.csv"),
        zrCuAl, 200).results().get(0).dmaxMm());
  }

  @Test
  void repeatedColumnsInDataAndResultsFilesAreRefused() {
    CsvTable data = CsvTable.parse("composition,outcome,dmax_mm,dmax_mm\nZr50Cu45Al5,bmg,2,3\n", "lab.csv");
    GfaInputException e = assertThrows(GfaInputException.class, () -> DatasetReader.of(data));
    assertEquals("lab.csv: column 'dmax_mm' appears more than once in the header", e.getMessage());
    e = assertThrows(GfaInputException.class, () -> LabResults.parse(data, TernarySystem.parse("Zr-Cu-Al")));
    assertEquals("lab.csv: column 'dmax_mm' appears more than once in the header", e.getMessage());
    // pandas' unnamed index columns are not names
    DatasetReader.of(CsvTable.parse(",,composition,D_max\n0,0,Zr50Cu50,1\n", "d.csv")).read();
  }
}
