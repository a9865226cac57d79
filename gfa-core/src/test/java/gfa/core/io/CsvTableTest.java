package gfa.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTableTest {
  @TempDir
  Path dir;

  // --- reading ---

  @Test
  void readsCellsAsWrittenIncludingAnEmptyHeaderCell() throws IOException {
    CsvTable t = CsvTable.read(write("a.csv", ",pretty_formula,D_max,composition\n0,Pd25Ni57P18,10,Pd25 Ni57 P18\n"
        + "1,Cu50Zr50,0.20,Cu50 Zr50\n"));
    assertEquals(List.of("", "pretty_formula", "D_max", "composition"), t.header());
    assertEquals(2, t.rowCount());
    assertEquals(4, t.columnCount());
    assertEquals("0.20", t.cell(1, 2)); // numbers are not reformatted
    assertEquals("Pd25 Ni57 P18", t.cell(0, 3));
    assertEquals(3, t.columnIndex("composition"));
    assertEquals(-1, t.columnIndex("D_MAX"));
  }

  @Test
  void missingValueWordsStayText() throws IOException {
    CsvTable t = CsvTable.read(write("a.csv", "composition,D_max\nCu50Zr50,NaN\nCuZr,NA\nZr,null\nCu,\n"));
    assertEquals("NaN", t.cell(0, 1));
    assertEquals("NA", t.cell(1, 1));
    assertEquals("null", t.cell(2, 1));
    assertEquals("", t.cell(3, 1));
  }

  @Test
  void quotedFieldsAndHashes() throws IOException {
    CsvTable t = CsvTable.read(write("a.csv", "note,x\n\"a, \"\"b\"\"\",1\n#not a comment,2\n\"two\nlines\",3\n"));
    assertEquals("a, \"b\"", t.cell(0, 0));
    assertEquals("#not a comment", t.cell(1, 0));
    assertEquals("two\nlines", t.cell(2, 0));
    assertEquals("a 12\" rod", CsvTable.parse("x\na 12\" rod\n", "s").cell(0, 0)); // a quote inside a field
  }

  @Test
  void byteOrderMarkAndWindowsLineEnds() throws IOException {
    Path f = dir.resolve("bom.csv");
    Files.write(f, "\uFEFFcomposition,D_max\r\nCu50Zr50,1\r\n".getBytes(StandardCharsets.UTF_8));
    CsvTable t = CsvTable.read(f);
    assertEquals(List.of("composition", "D_max"), t.header());
    assertEquals("1", t.cell(0, 1));
  }

  @Test
  void locationsAreFileLines() throws IOException {
    CsvTable t = CsvTable.read(write("d.csv", "a,b\n1,2\n\n   \n\"x\ny\",3\n4,5\n"));
    assertEquals(dir.resolve("d.csv") + " line 2", t.where(0));
    assertEquals(dir.resolve("d.csv") + " line 5", t.where(1));
    assertEquals(dir.resolve("d.csv") + " line 7", t.where(2));
  }

  @Test
  void inMemoryTablesCountDataRows() {
    CsvTable t = new CsvTable(List.of("a"), List.<String[]>of(new String[] {"x"}, new String[] {"y"}));
    assertEquals("table data row 2", t.where(1));
  }

  @Test
  void headerWithoutRowsIsAnEmptyTable() throws IOException {
    CsvTable t = CsvTable.read(write("h.csv", "composition,D_max\n"));
    assertEquals(0, t.rowCount());
    assertEquals(List.of("composition", "D_max"), t.header());
  }

  @Test
  void sha256OfTheBytes() throws IOException {
    CsvTable t = CsvTable.read(write("s.csv", "a\n1\n"));
    assertEquals("309b0e45a73d3fc5325e2b6ed0a01ef8b9cde6b05a5633c1f893f970d52bfddc", t.sha256()); // sha256sum of the file
    assertEquals(CsvTable.parse("a\n1\n", "x").sha256(), t.sha256());
    assertNotEquals(CsvTable.parse("a\n2\n", "x").sha256(), t.sha256());
  }

  // --- refusals ---

  @Test
  void fileNotFound() {
    assertMessage(() -> CsvTable.read(dir.resolve("nope.csv")), "nope.csv", "not found");
  }

  @Test
  void directoryIsNotAFile() {
    assertMessage(() -> CsvTable.read(dir), "directory");
  }

  @Test
  void emptyFile() throws IOException {
    assertMessage(() -> CsvTable.read(write("e.csv", "")), "e.csv", "empty");
    assertMessage(() -> CsvTable.read(write("b.csv", "\n  \n")), "b.csv", "empty");
  }

  @Test
  void unclosedQuote() throws IOException {
    assertMessage(() -> CsvTable.read(write("q.csv", "a,b\n1,2\n\"3,4\n5,6\n")), "q.csv line 3", "never closed");
  }

  @Test
  void rowsOfTheWrongWidth() throws IOException {
    assertMessage(() -> CsvTable.read(write("s.csv", "a,b\n1,2\n3\n")), "s.csv line 3", "fewer cells");
    assertMessage(() -> CsvTable.read(write("l.csv", "a,b\n1,2\n\n3,4,5\n")), "l.csv line 4", "3 cells");
  }

  @Test
  void notUtf8() throws IOException {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "composition,note\nCu50Zr50,\u00b5m\n".getBytes(StandardCharsets.ISO_8859_1));
    assertMessage(() -> CsvTable.read(f), "latin1.csv", "UTF-8");
  }

  @Test
  void requireColumnListsTheHeader() {
    CsvTable t = CsvTable.parse("formula,D_max\nCu50Zr50,1\n", "x.csv");
    assertMessage(() -> t.requireColumn("composition"), "x.csv", "no 'composition' column", "'formula', 'D_max'");
    CsvTable twice = CsvTable.parse("a,a\n1,2\n", "y.csv");
    assertMessage(() -> twice.requireColumn("a"), "y.csv", "more than once");
  }

  // --- numbers ---

  @Test
  void numbersAsFilesWriteThem() {
    CsvTable t = CsvTable.parse("v\n12\n-0.5\n8.60E-08\n.5\n+3\n1e3\n", "n.csv");
    assertArrayEquals(new double[] {12, -0.5, 8.6e-8, 0.5, 3, 1000},
        new double[] {t.number(0, 0), t.number(1, 0), t.number(2, 0), t.number(3, 0), t.number(4, 0), t.number(5, 0)});
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "abc; D_max 'abc' is not a number",
      "NaN; D_max 'NaN' is not a number",
      "Infinity; D_max 'Infinity' is not a number",
      "0x1p3; D_max '0x1p3' is not a number",
      "1d; D_max '1d' is not a number",
      "1e999; D_max '1e999' is out of range",
      "1,5; D_max '1,5' is not a number",
  })
  void nonNumbersAreNamed(String cell, String expected) {
    CsvTable t = CsvTable.parse("composition,D_max\nCu50Zr50,1\nCuZr,\"" + cell + "\"\n", "data.csv");
    assertMessage(() -> t.number(1, 1), "data.csv line 3: " + expected);
  }

  @Test
  void emptyNumberAndUnnamedColumn() {
    CsvTable t = CsvTable.parse(",D_max\n,\n", "data.csv");
    assertMessage(() -> t.number(0, 1), "data.csv line 2: D_max is empty");
    assertMessage(() -> t.number(0, 0), "column 1 is empty");
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0", "-0.0, 0", "1, 1", "-3, -3", "0.2, 0.2", "0.1, 0.1", "1e-5, 0.00001", "1.5e-7, 0.00000015",
      "8.6e-8, 8.6E-8", "1234.5, 1234.5", "1e20, 100000000000000000000", "1e21, 1E+21",
      "0.30000000000000004, 0.30000000000000004", "-0.500309625, -0.500309625",
  })
  void formatNumberIsShortestAndPlain(double x, String expected) {
    assertEquals(expected, CsvTable.formatNumber(x));
  }

  @Test
  void formatNumberRoundTripsExactly() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      double x = switch (i % 3) {
        case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
        case 1 -> Double.longBitsToDouble(random.nextLong());
        default -> random.nextInt(-5000, 5000) / 1000.0;
      };
      if (!Double.isFinite(x)) {
        continue;
      }
      String text = CsvTable.formatNumber(x);
      assertEquals(x == 0 ? 0.0 : x, Double.parseDouble(text), text);
      assertFalse(text.endsWith(".0") || text.contains(".0E"), text);
    }
    assertEquals("NaN", CsvTable.formatNumber(Double.NaN));
  }

  /** The plain-notation shortcut gives what the BigDecimal path gives for every number. */
  @Test
  void formatNumberIsTheStrippedPlainDecimalOfDoubleToString() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double x = switch (i % 4) {
        case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-9, 9));
        case 1 -> Double.longBitsToDouble(random.nextLong());
        case 2 -> random.nextInt(-100_000, 100_000) / 10.0;
        default -> -random.nextInt(0, 1 << 24);
      };
      if (!Double.isFinite(x) || x == 0) {
        continue;
      }
      java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros();
      double m = Math.abs(x);
      String expected = m >= 1e-7 && m < 1e21 ? d.toPlainString() : d.toString();
      assertEquals(expected, CsvTable.formatNumber(x), Double.toString(x));
    }
  }

  // --- writing ---

  @Test
  void writesRfc4180AndReadsBackTheSameTable() throws IOException {
    CsvTable t = new CsvTable(List.of("", "composition", "note"), List.of(
        new String[] {"0", "Pd25 Ni57 P18", "plain"},
        new String[] {"1", "Cu50 Zr50", "a, \"quoted\" note"},
        new String[] {"2", "Zr50Cu50", "two\nlines"},
        new String[] {"3", "", " padded "},
        new String[] {"4", "#hash", ""}));
    assertEquals(",composition,note\n0,Pd25 Ni57 P18,plain\n1,Cu50 Zr50,\"a, \"\"quoted\"\" note\"\n"
        + "2,Zr50Cu50,\"two\nlines\"\n3,,\" padded \"\n4,#hash,\n", t.toCsv());
    Path f = dir.resolve("out.csv");
    t.writeAtomically(f);
    CsvTable back = CsvTable.read(f);
    assertEquals(t, back);
    assertEquals(t.hashCode(), back.hashCode());
    assertEquals(t.sha256(), back.sha256());
  }

  @Test
  void aSingleEmptyCellSurvivesTheRoundTrip() {
    CsvTable t = new CsvTable(List.of("composition"), List.of(new String[] {"Cu50Zr50"}, new String[] {""},
        new String[] {"CuZr"}));
    assertEquals(t, CsvTable.parse(t.toCsv(), "x"));
  }

  @Test
  void rowsMustMatchTheHeader() {
    assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of("a", "b"), List.<String[]>of(new String[] {"1"})));
  }

  @Test
  void rowsHandedOutAreCopies() {
    CsvTable t = new CsvTable(List.of("a"), List.<String[]>of(new String[] {"1"}));
    t.row(0)[0] = "changed";
    t.rows().get(0)[0] = "changed";
    assertEquals("1", t.cell(0, 0));
  }

  // --- formula lists ---

  @Test
  void plainFormulaListWithComments() throws IOException {
    CsvTable t = CsvTable.readCompositionList(write("alloys.txt",
        "# candidates for the lab\n\nZr20Al20Cu60\n  Zr20 Al25 Cu55   # second\n\n#Zr40Al20Cu40\nCu50Zr50\n"));
    assertEquals(List.of("composition"), t.header());
    assertEquals(3, t.rowCount());
    assertEquals("Zr20 Al25 Cu55", t.cell(1, 0));
    assertEquals(dir.resolve("alloys.txt") + " line 3", t.where(0));
    assertEquals(dir.resolve("alloys.txt") + " line 4", t.where(1));
    assertEquals(dir.resolve("alloys.txt") + " line 7", t.where(2));
  }

  @Test
  void listDetectsCsv() throws IOException {
    CsvTable csv = CsvTable.readCompositionList(write("a.csv", "composition,D_max\nCu50Zr50,1\n"));
    assertEquals(List.of("composition", "D_max"), csv.header());
    CsvTable single = CsvTable.readCompositionList(write("b.csv", "composition\nCu50Zr50\n"));
    assertEquals(List.of("composition"), single.header());
    assertEquals(dir.resolve("b.csv") + " line 2", single.where(0));
    assertEquals(1, single.rowCount());
    CsvTable plain = CsvTable.readCompositionList(write("c.txt", "Cu50Zr50\n"));
    assertEquals(1, plain.rowCount());
    assertEquals("Cu50Zr50", plain.cell(0, 0));
  }

  @Test
  void aOneColumnFileWithAnotherHeaderIsACsvWithoutCompositions() throws IOException {
    CsvTable t = CsvTable.readCompositionList(write("f.csv", "formula\nCu50Zr50\n"));
    assertEquals(List.of("formula"), t.header());
    assertMessage(() -> t.requireColumn("composition"), "composition", "formula");
    // a formula without digits is still a formula, not a header
    CsvTable list = CsvTable.readCompositionList(write("g.txt", "CuZr\nCu50Zr50\n"));
    assertEquals(2, list.rowCount());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertMessage(Executable call, String... parts) {
    GfaInputException e = assertThrows(GfaInputException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void emptyListIsAnEmptyTable() throws IOException {
    assertTrue(CsvTable.readCompositionList(write("e.txt", "# nothing yet\n")).rowCount() == 0);
  }
}
